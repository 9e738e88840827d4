// MIDI in the editor as a user plays it (docs/performance.md): a pad learns a
// note from its menu and the note then lights it and changes the frame on
// screen; a knob's menu learns a controller, the mapping appears in the
// Performance panel's list, and the controller turns the knob — the picture
// changes, and the run of moves is one undo step. Messages enter where
// RtMidi's would (MidiControl::handle); the device path itself is tested
// in tests/app_devices.
#include <catch2/catch.hpp>

#include <QDir>
#include <QDockWidget>
#include <QMenu>
#include <QTableWidget>
#include <QTest>

#include "midi/midi_control.h"
#include "midi/midi_knobs.h"
#include "midi/midi_mapping_list.h"
#include "model/project_document.h"
#include "performance/pad_button.h"
#include "performance/performance_panel.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "transport/transport.h"
#include "ui_support.h"
#include "window/main_window.h"

using namespace entropic;
using test::waitFor;

namespace {

QAction* actionNamed(QMenu& menu, const QString& text) {
    for (auto* action : menu.actions())
        if (action->text().startsWith(text)) return action;
    return nullptr;
}

} // namespace

TEST_CASE("MIDI: a learned note plays a pad on screen, a learned controller turns a knob",
          "[ui][midi]") {
    app::MainWindow window;
    test::Stills stills;
    REQUIRE(test::openWatching(
        window, QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/signals.entropic"), stills));
    auto& doc = window.document();
    auto* midi = window.findChild<app::MidiControl*>();
    auto* panel = window.findChild<app::PerformancePanel*>();
    REQUIRE(midi);
    REQUIRE(panel);
    REQUIRE(panel->midiMappings());
    for (auto* dock : window.findChildren<QDockWidget*>())
        if (dock->objectName() == QStringLiteral("performance")) dock->raise();

    // A pad that bypasses nothing yet: its note only lights it.
    QTest::mouseClick(panel->padButton(0), Qt::LeftButton);
    REQUIRE(doc.editorState().pads.size() == 1);
    {
        QMenu menu;
        panel->fillPadMenu(0, menu);
        auto* learn = actionNamed(menu, QStringLiteral("Learn MIDI Note"));
        REQUIRE(learn);
        learn->trigger();
    }
    CHECK(midi->learning());
    midi->handle({app::MidiMessage::Type::NoteOn, 1, 36, 100});
    CHECK(doc.editorState().pads[0].midiNote == 36);
    CHECK(panel->padButton(0)->key() == QStringLiteral("1 · ♪36"));
    midi->handle({app::MidiMessage::Type::NoteOn, 1, 36, 100});
    CHECK(panel->padButton(0)->isLit());
    CHECK(panel->live().isOn(0));
    midi->handle({app::MidiMessage::Type::NoteOff, 1, 36, 0});
    CHECK_FALSE(panel->padButton(0)->isLit());
    midi->handle({app::MidiMessage::Type::NoteOn, 1, 37, 100}); // a note no pad plays
    CHECK_FALSE(panel->padButton(0)->isLit());

    // The wave's phase, learned from the knob's own menu entries.
    window.transport().setFrame(40);
    REQUIRE(waitFor([&] { return stills.shown == 40; }));
    const app::MidiTarget phase{app::MidiTarget::Kind::EffectParam, "life", "wave-1", "phase", 0};
    REQUIRE(app::knobValue(doc, phase));
    {
        QMenu menu;
        midi->addLearnEntries(menu, phase);
        actionNamed(menu, QStringLiteral("MIDI Learn"))->trigger();
    }
    const double start = *app::knobValue(doc, phase);
    const auto range = *app::knobRange(doc, phase);
    const int atKnob = static_cast<int>((start - range.min) / (range.max - range.min) * 127 + 0.5);
    midi->handle({app::MidiMessage::Type::Controller, 1, 74, atKnob});
    REQUIRE(doc.editorState().midiMappings.size() == 1);
    auto* table = panel->midiMappings()->table();
    REQUIRE(waitFor([&] { return table->rowCount() == 1; }));
    CHECK(table->item(0, app::MidiMappingList::kController)->text() == "CC 74 · ch 1");
    CHECK(table->item(0, app::MidiMappingList::kKnob)->text().endsWith("▸ Phase"));

    waitFor([] { return false; }, 800);
    const QString before = stills.hash;
    const int entries = doc.undoStack()->count();
    midi->handle({app::MidiMessage::Type::Controller, 1, 74, atKnob}); // picks up at the knob
    midi->handle({app::MidiMessage::Type::Controller, 1, 74, (atKnob + 40) % 128});
    midi->handle({app::MidiMessage::Type::Controller, 1, 74, (atKnob + 60) % 128});
    CHECK(*app::knobValue(doc, phase) != Approx(start));
    CHECK(doc.undoStack()->count() == entries + 1);
    REQUIRE(waitFor([&] { return stills.shown == 40 && stills.hash != before; }));

    const QString shots = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui");
    QDir().mkpath(shots);
    CHECK(panel->grab().save(shots + QStringLiteral("/performance-midi.png")));

    doc.undoStack()->undo();
    CHECK(*app::knobValue(doc, phase) == Approx(start));
    REQUIRE(waitFor([&] { return stills.shown == 40 && stills.hash == before; }));
}
