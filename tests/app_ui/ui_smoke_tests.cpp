// The editor as a user drives it: open the demo, add an effect through the
// inspector, turn a knob, undo; the engine's frame follows each step.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTreeWidget>

#include <functional>

#include "browser/effect_browser.h"
#include "commands/edits.h"
#include "entropic/engine/media/media_info.h"
#include "entropic/engine/project/project.h"
#include "export/export_dialog.h"
#include "inspector/effect_card.h"
#include "inspector/inspector_panel.h"
#include "inspector/param_control.h"
#include "model/autosaver.h"
#include "model/history_policy.h"
#include "model/project_document.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"
#include "ui_support.h"
#include "viewer/viewer_widget.h"
#include "window/main_window.h"
#include "window/preferences_dialog.h"

using namespace entropic;

namespace {

using test::waitFor;

// The hash of the next frame the viewer shows for `frame` after `action`.
struct FrameWatch {
    QString hash;
    qint64 frame = -1;
    int count = 0;
    explicit FrameWatch(app::FrameFeed& feed) {
        QObject::connect(&feed, &app::FrameFeed::frameReady, &feed,
                         [this](const QImage&, qint64 f, const QString& h, double) {
                             hash = h;
                             frame = f;
                             ++count;
                         });
    }
    QString next(const std::function<void()>& action, const QString& differentFrom = {}) {
        const int before = count;
        action();
        waitFor([&] { return count > before && hash != differentFrom; });
        return hash;
    }
};

app::ParamControl* controlFor(app::EffectCard* card, const std::string& key) {
    for (auto* control : card->findChildren<app::ParamControl*>())
        if (control->spec().key == key) return control;
    return nullptr;
}

} // namespace

TEST_CASE("open the demo, add an effect in the inspector, turn a knob, undo", "[ui]") {
    app::MainWindow window;
    window.resize(1600, 960);
    window.show();
    FrameWatch frames(window.frameFeed());
    const QString demo = QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/demo.entropic");
    REQUIRE(window.openPath(demo));
    REQUIRE(waitFor([&] { return window.engine().isReady() && frames.count > 0; }));
    window.transport().setFrame(20);
    REQUIRE(waitFor([&] { return frames.frame == 20; }));
    const QString original = frames.hash;

    window.selection().select(QStringLiteral("life"));
    const int before = window.inspector().cards().size();
    const QString withEffect = frames.next(
        [&] { REQUIRE(window.inspector().addEffect(QStringLiteral("fx.channelshift"))); },
        original);
    REQUIRE(window.inspector().cards().size() == before + 1);
    CHECK(withEffect != original);

    // Turn the new effect's red_x knob with its spin box, as a user would type a value.
    auto* card = window.inspector().cards().back();
    auto* knob = controlFor(card, "red_x");
    REQUIRE(knob);
    auto* box = knob->findChild<QDoubleSpinBox*>();
    REQUIRE(box);
    const QString turned = frames.next([&] { box->setValue(120); }, withEffect);
    CHECK(turned != withEffect);
    CHECK(window.document().undoStack()->count() == 2);

    const QString undone = frames.next([&] { window.document().undoStack()->undo(); }, turned);
    CHECK(undone == withEffect);
    const QString back = frames.next([&] { window.document().undoStack()->undo(); }, undone);
    CHECK(back == original);

    // What a person would see: the window with the clip selected and its chain.
    window.selection().select(QStringLiteral("life"));
    waitFor([&] { return false; }, 500);
    const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
    QDir().mkpath(shots);
    CHECK(window.grab().save(shots + QStringLiteral("/editor-demo.png")));
    window.document().undoStack()->clear();
}

TEST_CASE("the effect browser lists the presets, double-clicking one applies its chain",
          "[ui][presets]") {
    app::MainWindow window;
    window.resize(1600, 960);
    window.show();
    const QString demo = QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/demo.entropic");
    REQUIRE(window.openPath(demo));
    auto* browser = window.findChild<app::EffectBrowser*>();
    REQUIRE(browser);
    CHECK(browser->visiblePresetCount() >= 20);
    browser->setFilter(QStringLiteral("tape"));
    CHECK(browser->visiblePresetCount() >= 2); // worn and destroyed tape
    browser->setFilter(QString());

    window.selection().select(QStringLiteral("life"));
    const int before = window.inspector().cards().size();
    auto* tree = browser->findChild<QTreeWidget*>();
    REQUIRE(tree);
    const auto items =
        tree->findItems(QStringLiteral("Worn tape"), Qt::MatchExactly | Qt::MatchRecursive);
    REQUIRE(items.size() == 1);
    Q_EMIT tree->itemActivated(items.front(), 0);
    CHECK(window.inspector().cards().size() == before + 4); // vhs, temperature, contrast, blur
    CHECK(window.document().undoStack()->text(window.document().undoStack()->count() - 1) ==
          "Apply preset Worn tape");
    window.document().undoStack()->clear();
}

TEST_CASE("the export dialog exports the in/out range and reports it", "[ui][export]") {
    app::MainWindow window;
    window.show();
    const QString demo = QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/demo.entropic");
    REQUIRE(window.openPath(demo));
    REQUIRE(waitFor([&] { return window.engine().isReady(); }));
    const QString dir = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui-export");
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);

    // The dialog starts on the in/out range when the project has one.
    REQUIRE(app::edits::setInPoint(window.document(), 200));
    REQUIRE(app::edits::setOutPoint(window.document(), 260));
    app::ExportDialog dialog(window.document(), window.engine());
    dialog.setOutputPath(dir + QStringLiteral("/cut.mp4"));
    QString state, message;
    QObject::connect(&dialog, &app::ExportDialog::finished,
                     [&](const QString& s, const QString&, const QString& m) {
                         state = s;
                         message = m;
                     });
    dialog.startExport();
    CHECK(dialog.running());
    REQUIRE(waitFor([&] { return !state.isEmpty(); }, 120000));
    INFO(message.toStdString());
    REQUIRE(state == QStringLiteral("done"));
    const auto info = engine::probeMedia((dir + QStringLiteral("/cut.mp4")).toStdString());
    REQUIRE(info.video);
    CHECK(info.video->frameCount == 60);
    CHECK(info.video->width == 1280);
    CHECK(info.audio.size() == 1);
    CHECK(QDir(dir).entryList(QDir::Files | QDir::Hidden).size() ==
          1); // nothing partial left beside it
    window.document().undoStack()->clear();
}

TEST_CASE("preferences set the undo steps and the autosave interval", "[ui]") {
    app::ProjectDocument doc;
    app::Autosaver autosaver(doc, QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui-recovery"));
    app::PreferencesDialog dialog(doc.history(), autosaver);
    dialog.undoSteps()->setValue(20);
    dialog.autosaveSeconds()->setValue(30);
    dialog.apply();
    CHECK(doc.history().stepLimit() == 20);
    CHECK(autosaver.interval() == std::chrono::seconds(30));
    // Settings persist for the next start.
    app::ProjectDocument next;
    CHECK(next.history().stepLimit() == 20);
    dialog.undoSteps()->setValue(500);
    dialog.autosaveSeconds()->setValue(60);
    dialog.apply();
    autosaver.discard();
}
