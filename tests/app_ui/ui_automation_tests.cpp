// Recording knob moves in the editor (docs/performance.md, "Recording knob
// moves"): the mode is chosen in the Playback menu or on the transport bar,
// each following the other and kept in the preferences; with Latch on, a
// mapped controller turned while the real player plays writes the
// parameter's lane at stop, as one undo step, and the base stays as it was.
#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QSettings>

#include "entropic/signal/automation.h"
#include "midi/midi_control.h"
#include "midi/midi_knobs.h"
#include "model/project_document.h"
#include "performance/automation_recorder.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "transport/transport_bar.h"
#include "ui_support.h"
#include "window/main_window.h"

using namespace entropic;
using test::waitFor;

TEST_CASE("automation recording: the mode from the menu or the bar, a controller's take at stop",
          "[ui][automation]") {
    QSettings().remove(QString::fromLatin1(app::AutomationRecorder::kModeKey));
    app::MainWindow window;
    test::Stills stills;
    REQUIRE(test::openWatching(
        window, QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/signals.entropic"), stills));
    auto& doc = window.document();
    auto& recorder = window.automationRecorder();
    auto* box = window.transportBar().automationMode();
    auto* latch = window.findChild<QAction*>(QStringLiteral("automationLatch"));
    auto* off = window.findChild<QAction*>(QStringLiteral("automationOff"));
    REQUIRE(box);
    REQUIRE(latch);
    REQUIRE(off);

    // Off by default; the menu and the box follow each other and the preferences keep it.
    CHECK(recorder.mode() == app::AutomationMode::Off);
    CHECK(off->isChecked());
    latch->trigger();
    CHECK(recorder.mode() == app::AutomationMode::Latch);
    CHECK(box->currentIndex() == 1);
    CHECK(QSettings().value(app::AutomationRecorder::kModeKey).toString() == "latch");
    box->setCurrentIndex(2);
    CHECK(recorder.mode() == app::AutomationMode::Touch);
    CHECK_FALSE(latch->isChecked());
    CHECK(app::AutomationRecorder::savedMode() == app::AutomationMode::Touch);
    latch->trigger();

    // A controller mapped to the wave's phase, turned while playing.
    auto* midi = window.findChild<app::MidiControl*>();
    REQUIRE(midi);
    const app::MidiTarget phase{app::MidiTarget::Kind::EffectParam, "life", "wave-1", "phase", 0};
    const sig::ParamTarget lane{"wave-1", "phase", 0};
    REQUIRE(sig::findLane(doc.project().signals, lane) == nullptr);
    midi->learnKnob(phase);
    midi->handle({app::MidiMessage::Type::Controller, 1, 74, 0});
    REQUIRE(doc.editorState().midiMappings.size() == 1);
    const double base = *app::knobValue(doc, phase);
    const auto range = *app::knobRange(doc, phase);
    const int atKnob = static_cast<int>((base - range.min) / (range.max - range.min) * 127 + 0.5);
    const int entries = doc.undoStack()->count();

    auto& player = window.player();
    player.play();
    REQUIRE(waitFor([&] { return player.position() >= 5; }));
    midi->handle({app::MidiMessage::Type::Controller, 1, 74, atKnob}); // picks up at the knob
    const double firstMove = player.position();
    midi->handle({app::MidiMessage::Type::Controller, 1, 74, (atKnob + 60) % 128});
    CHECK(doc.liveLanes().size() == 1);
    CHECK(doc.undoStack()->count() == entries);
    REQUIRE(waitFor([&] { return player.position() >= firstMove + 10; }));
    player.pause();
    REQUIRE(waitFor([&] { return !player.playing(); }));

    CHECK(doc.liveLanes().empty());
    CHECK(doc.undoStack()->count() == entries + 1);
    CHECK(doc.undoStack()->undoText() == "Record automation");
    const auto* written = sig::findLane(doc.project().signals, lane);
    REQUIRE(written);
    const double turned = range.min + (range.max - range.min) * ((atKnob + 60) % 128) / 127.0;
    CHECK(written->keys.back().value == Approx(base)); // after the take: the base again
    CHECK(sig::laneValue(*written, firstMove + 5) == Approx(turned));
    CHECK(*app::knobValue(doc, phase) == Approx(base));
    doc.undoStack()->undo();
    CHECK(sig::findLane(doc.project().signals, lane) == nullptr);
    recorder.setMode(app::AutomationMode::Off);
}
