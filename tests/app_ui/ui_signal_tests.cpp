// Signals in the editor as a user meets them: the modulation panel lists the
// demo's signals with live plots; a modulated knob shows its ghost handle
// following the playhead; "Modulate by…" on a knob adds a route that changes
// the picture; a keyframe at the playhead automates it; undo takes it back.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QTimer>

#include "commands/edits.h"
#include "inspector/effect_card.h"
#include "inspector/inspector_panel.h"
#include "inspector/param_control.h"
#include "model/project_document.h"
#include "modulation/modulation_panel.h"
#include "modulation/param_motion.h"
#include "modulation/route_dialog.h"
#include "modulation/signal_node_card.h"
#include "modulation/signal_values.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"
#include "ui_support.h"
#include "window/main_window.h"

using namespace entropic;
using test::waitFor;

namespace {

app::ParamMotion* motionFor(app::InspectorPanel& inspector, const std::string& effect,
                            const std::string& key) {
    for (auto* card : inspector.cards())
        for (auto* motion : card->findChildren<app::ParamMotion*>())
            if (motion->target().effect == effect && motion->target().param == key) return motion;
    return nullptr;
}

app::ParamControl* controlFor(app::InspectorPanel& inspector, const QString& effect,
                              const std::string& key) {
    for (auto* card : inspector.cards())
        if (card->instanceId() == effect)
            for (auto* control : card->findChildren<app::ParamControl*>())
                if (control->spec().key == key) return control;
    return nullptr;
}

QAction* findAction(QMenu& menu, const QString& text) {
    for (auto* action : menu.actions()) {
        if (action->text() == text) return action;
        if (action->menu())
            if (auto* inner = findAction(*action->menu(), text)) return inner;
    }
    return nullptr;
}

} // namespace

TEST_CASE("signals in the editor: panel, ghost handle, modulate by, keyframes, undo",
          "[ui][signals]") {
    app::MainWindow window;
    test::Stills stills;
    REQUIRE(test::openWatching(
        window, QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/signals.entropic"), stills));

    // The panel: one card per node, values arriving from the engine.
    CHECK(window.modulation().cards().size() == 3);
    auto& values = window.signalValues();
    REQUIRE(waitFor(
        [&] {
            return values.signal("sweep", 0).has_value() && values.signal("kick", 0).has_value();
        },
        60000));

    // The ghost: the kick-driven split amount shows the value used on this frame.
    window.selection().select(QStringLiteral("life"));
    auto* amount = controlFor(window.inspector(), QStringLiteral("split-1"), "amount");
    REQUIRE(amount);
    const sig::ParamTarget splitAmount{"split-1", "amount", 0};
    std::optional<double> seen;
    for (qint64 f : {0, 15, 30, 45, 60, 75}) {
        window.transport().setFrame(f);
        REQUIRE(waitFor([&] { return values.param(splitAmount, f).has_value(); }));
        REQUIRE(amount->ghost().has_value());
        CHECK(*amount->ghost() == Approx(*values.param(splitAmount, f)));
        if (!seen) seen = amount->ghost();
    }
    bool moved = false;
    for (qint64 f = 0; f < 90 && !moved; ++f)
        moved = values.param(splitAmount, f) && *values.param(splitAmount, f) != *seen;
    CHECK(moved); // the kick really moves it

    // "Modulate by…" on a plain knob: the wave's phase, by the demo's LFO.
    window.transport().setFrame(40);
    REQUIRE(waitFor([&] { return stills.shown == 40; }));
    const QString before = stills.hash;
    auto* phase = motionFor(window.inspector(), "wave-1", "phase");
    REQUIRE(phase);
    {
        QMenu menu;
        phase->fillMenu(menu);
        auto* action = findAction(menu, QStringLiteral("Slow sweep (LFO)"));
        REQUIRE(action);
        // The route dialog opens: set the depth as a user would, then close it.
        QTimer::singleShot(300, [] {
            auto* dialog = qobject_cast<app::RouteDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            for (auto* box : dialog->findChildren<QDoubleSpinBox*>())
                if (box->suffix() == QStringLiteral(" %")) box->setValue(80);
            const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
            QDir().mkpath(shots);
            dialog->grab().save(shots + QStringLiteral("/route-dialog.png"));
            dialog->accept();
        });
        const int entries = window.document().undoStack()->count();
        action->trigger();
        CHECK(window.document().undoStack()->count() == entries + 1); // add + depth: one entry
    }
    const auto& routes = window.document().project().signals.routes;
    REQUIRE(routes.size() == 4);
    CHECK(routes.back().target.param == "phase");
    CHECK(routes.back().depth == Approx(0.8));
    REQUIRE(waitFor([&] { return stills.shown == 40 && stills.hash != before; }));

    // A keyframe at the playhead; with a lane, the knob sets the key.
    auto* mix = motionFor(window.inspector(), "rows-1", "max_shift");
    REQUIRE(mix);
    {
        QMenu menu;
        mix->fillMenu(menu);
        auto* add = findAction(menu, QStringLiteral("Add keyframe at playhead"));
        REQUIRE(add);
        add->trigger();
    }
    REQUIRE(window.document().project().signals.lanes.size() == 1);
    auto* shift = controlFor(window.inspector(), QStringLiteral("rows-1"), "max_shift");
    REQUIRE(shift);
    auto* box = shift->findChild<QDoubleSpinBox*>();
    REQUIRE(box);
    window.transport().setFrame(80);
    box->setValue(box->maximum());
    const auto& lane = window.document().project().signals.lanes.front();
    REQUIRE(lane.keys.size() == 2);
    CHECK(lane.keys[1].frame == 80);
    CHECK(lane.keys[1].value == box->maximum());

    const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
    QDir().mkpath(shots);
    waitFor([&] { return false; }, 800);
    CHECK(window.grab().save(shots + QStringLiteral("/editor-signals-inspector.png")));
    for (auto* dock : window.findChildren<QDockWidget*>())
        if (dock->objectName() == QStringLiteral("modulation")) dock->raise();
    waitFor([&] { return false; }, 500);
    CHECK(window.grab().save(shots + QStringLiteral("/editor-signals-panel.png")));

    // Undo walks it all back to the file as opened.
    while (window.document().undoStack()->canUndo())
        window.document().undoStack()->undo();
    CHECK(window.document().project().signals.routes.size() == 3);
    CHECK(window.document().project().signals.lanes.empty());
    window.document().undoStack()->clear();
}
