// The inspector's effect cards and the modulation panel's operator cards as a
// user meets them, without an engine: a parameter that does not apply in the
// current setting is greyed out with the reason, following the controlling
// parameter live; the effect card's context menu does what it says, through
// undoable edits. Writes a screenshot to test-scratch/ui/.
#include <catch2/catch.hpp>

#include <memory>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QMenu>
#include <QSlider>

#include "commands/edits.h"
#include "inspector/effect_card.h"
#include "inspector/inspector_panel.h"
#include "inspector/param_control.h"
#include "modulation/modulation_panel.h"
#include "modulation/signal_node_card.h"
#include "modulation/signal_values.h"
#include "test_support.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"
#include "window/dark_theme.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

// Lets deleted cards go and rebuilt ones settle.
void settle() {
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

ParamControl* control(QWidget& card, const std::string& key) {
    for (auto* c : card.findChildren<ParamControl*>())
        if (c->spec().key == key) return c;
    return nullptr;
}

// Picks a choice the way a user does: in the control's combo box.
void choose(ParamControl& c, int index) {
    auto* combo = c.findChild<QComboBox*>();
    REQUIRE(combo);
    combo->setCurrentIndex(index);
    settle();
}

EffectCard* cardOf(InspectorPanel& inspector, const QString& instanceId) {
    for (auto* card : inspector.cards())
        if (card->instanceId() == instanceId) return card;
    return nullptr;
}

std::vector<std::string> chain(const ProjectDocument& doc) {
    std::vector<std::string> ids;
    for (const auto& e : clip(doc, "b")->effects)
        ids.push_back(e.instanceId);
    return ids;
}

} // namespace

TEST_CASE("the inspector greys out Pixel Sort's angle unless the direction is Angle",
          "[app][inspector][applies]") {
    LoadedFixture f;
    ClipSelection selection;
    InspectorPanel inspector(f.doc, selection);
    inspector.resize(420, 900);
    inspector.show();
    QString sortId;
    REQUIRE(edits::addEffect(f.doc, "b", "fx.pixelsort", -1, nullptr, &sortId));
    selection.select("b");
    settle();
    EffectCard* card = cardOf(inspector, sortId);
    REQUIRE(card);
    ParamControl* angle = control(*card, "angle");
    ParamControl* direction = control(*card, "direction");
    REQUIRE(angle);
    REQUIRE(direction);

    // Horizontal (the default): the angle changes nothing, and says so.
    CHECK_FALSE(angle->isEnabled());
    CHECK(angle->toolTip().startsWith("Applies when Direction is Angle"));
    REQUIRE(angle->findChild<QSlider*>());
    CHECK(angle->findChild<QSlider*>()->toolTip() ==
          angle->toolTip());                     // hovering the slider says it too
    CHECK(control(*card, "lower")->isEnabled()); // the others always apply

    choose(*direction, 2); // Angle
    card = cardOf(inspector, sortId);
    REQUIRE(card);
    angle = control(*card, "angle");
    CHECK(angle->isEnabled());
    CHECK_FALSE(angle->toolTip().contains("Applies when"));
    CHECK(angle->toolTip() == QString::fromStdString(angle->spec().help));

    choose(*control(*card, "direction"), 1); // Vertical
    CHECK_FALSE(control(*card, "angle")->isEnabled());

    // Undo brings Angle back, and the control with it.
    f.doc.undoStack()->undo();
    settle();
    CHECK(control(*cardOf(inspector, sortId), "angle")->isEnabled());

    // What it looks like in the editor's theme.
    f.doc.undoStack()->undo();
    settle();
    applyDarkTheme(*qApp);
    inspector.resize(420, 980);
    settle();
    const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
    QDir().mkpath(shots);
    CHECK(inspector.grab().save(shots + QStringLiteral("/inspector-inapplicable.png")));
}

TEST_CASE("an LFO card greys out rate or cycle length by sync, and pulse width off the square",
          "[app][signals][applies]") {
    LoadedFixture f;
    Transport transport;
    ClipSelection selection;
    SignalValues values(f.doc, nullptr, nullptr, transport);
    ModulationPanel panel(f.doc, values, selection);
    REQUIRE_FALSE(panel.addOperator("mod.lfo").isEmpty());
    REQUIRE(panel.cards().size() == 1);
    SignalNodeCard* card = panel.cards()[0];

    // Hz and a sine: rate applies, cycle length and pulse width do not.
    CHECK(control(*card, "rate")->isEnabled());
    CHECK_FALSE(control(*card, "beats")->isEnabled());
    CHECK(control(*card, "beats")->toolTip().startsWith("Applies when Sync is Beats"));
    CHECK_FALSE(control(*card, "pulse_width")->isEnabled());
    CHECK(control(*card, "pulse_width")->toolTip().startsWith("Applies when Shape is Square"));

    choose(*control(*card, "sync"), 1); // Beats
    card = panel.cards()[0];
    CHECK(f.doc.project().signals.operators[0].params.at("sync") == 1);
    CHECK_FALSE(control(*card, "rate")->isEnabled());
    CHECK(control(*card, "rate")->toolTip().startsWith("Applies when Sync is Hz"));
    CHECK(control(*card, "beats")->isEnabled());

    choose(*control(*card, "shape"), 4); // Square
    card = panel.cards()[0];
    CHECK(control(*card, "pulse_width")->isEnabled());

    f.doc.undoStack()->undo(); // back to the sine
    settle();
    CHECK_FALSE(control(*panel.cards()[0], "pulse_width")->isEnabled());
}

TEST_CASE("the effect card's context menu: bypass, duplicate, remove, reset, collapse, move",
          "[app][inspector][effects]") {
    LoadedFixture f;
    ClipSelection selection;
    InspectorPanel inspector(f.doc, selection);
    QString sortId;
    REQUIRE(edits::addEffect(f.doc, "b", "fx.pixelsort", -1, nullptr, &sortId));
    selection.select("b");
    settle();
    REQUIRE(chain(f.doc) == std::vector<std::string>{"fx-1", sortId.toStdString()});
    auto* undo = f.doc.undoStack();

    const auto trigger = [&](const QString& instanceId, const QString& action) {
        EffectCard* card = cardOf(inspector, instanceId);
        REQUIRE(card);
        std::unique_ptr<QMenu> menu(card->buildContextMenu(nullptr));
        auto* a = menu->findChild<QAction*>(action);
        REQUIRE(a);
        REQUIRE(a->isEnabled());
        a->trigger();
        settle();
    };
    const auto enabledIn = [&](const QString& instanceId, const QString& action) {
        std::unique_ptr<QMenu> menu(cardOf(inspector, instanceId)->buildContextMenu(nullptr));
        return menu->findChild<QAction*>(action)->isEnabled();
    };

    // Moving past either end of the chain is not offered.
    CHECK_FALSE(enabledIn("fx-1", "move_up"));
    CHECK(enabledIn("fx-1", "move_down"));
    CHECK(enabledIn(sortId, "move_up"));
    CHECK_FALSE(enabledIn(sortId, "move_down"));

    SECTION("bypass and back") {
        trigger(sortId, "bypass");
        CHECK_FALSE(clip(f.doc, "b")->effects[1].enabled);
        CHECK(undo->text(undo->index() - 1) == "Bypass Pixel Sort");
        std::unique_ptr<QMenu> menu(cardOf(inspector, sortId)->buildContextMenu(nullptr));
        CHECK(menu->findChild<QAction*>("bypass")->isChecked());
        trigger(sortId, "bypass");
        CHECK(clip(f.doc, "b")->effects[1].enabled);
        undo->undo();
        CHECK_FALSE(clip(f.doc, "b")->effects[1].enabled);
    }
    SECTION("duplicate, then undo") {
        trigger(sortId, "duplicate");
        REQUIRE(chain(f.doc).size() == 3);
        CHECK(clip(f.doc, "b")->effects[2].descriptor->id == "fx.pixelsort");
        undo->undo();
        CHECK(chain(f.doc) == std::vector<std::string>{"fx-1", sortId.toStdString()});
    }
    SECTION("remove, then undo") {
        trigger("fx-1", "remove");
        CHECK(chain(f.doc) == std::vector<std::string>{sortId.toStdString()});
        undo->undo();
        settle();
        CHECK(chain(f.doc) == std::vector<std::string>{"fx-1", sortId.toStdString()});
    }
    SECTION("reset all parameters is one undo step") {
        REQUIRE(edits::setParameter(f.doc, "b", sortId, "direction", {2, 0, 0, 0}));
        REQUIRE(edits::setParameter(f.doc, "b", sortId, "lower", {0.1, 0, 0, 0}));
        settle();
        const int entries = undo->count();
        trigger(sortId, "reset");
        CHECK(undo->count() == entries + 1);
        const auto& reset = clip(f.doc, "b")->effects[1];
        for (std::size_t i = 0; i < reset.params.size(); ++i)
            CHECK(reset.params.at(i) == reset.descriptor->params[i].def);
        CHECK_FALSE(control(*cardOf(inspector, sortId), "angle")->isEnabled()); // Horizontal again
        undo->undo();
        settle();
        CHECK(clip(f.doc, "b")->effects[1].params.choice("direction") == 2);
        CHECK(clip(f.doc, "b")->effects[1].params.number("lower") == Approx(0.1));
        CHECK(control(*cardOf(inspector, sortId), "angle")->isEnabled());
    }
    SECTION("collapse and expand: a view setting that survives a rebuild") {
        const int entries = undo->count();
        trigger(sortId, "collapse");
        CHECK(cardOf(inspector, sortId)->collapsed());
        CHECK(undo->count() == entries);                      // not an edit
        REQUIRE(edits::addEffect(f.doc, "b", "util.levels")); // the chain is rebuilt
        settle();
        CHECK(cardOf(inspector, sortId)->collapsed());
        CHECK_FALSE(cardOf(inspector, "fx-1")->collapsed());
        std::unique_ptr<QMenu> menu(cardOf(inspector, sortId)->buildContextMenu(nullptr));
        CHECK(menu->findChild<QAction*>("collapse")->text() == "Expand");
        trigger(sortId, "collapse");
        CHECK_FALSE(cardOf(inspector, sortId)->collapsed());
    }
    SECTION("move down and up, each undoable") {
        trigger("fx-1", "move_down");
        CHECK(chain(f.doc) == std::vector<std::string>{sortId.toStdString(), "fx-1"});
        trigger("fx-1", "move_up");
        CHECK(chain(f.doc) == std::vector<std::string>{"fx-1", sortId.toStdString()});
        undo->undo();
        CHECK(chain(f.doc) == std::vector<std::string>{sortId.toStdString(), "fx-1"});
    }
}
