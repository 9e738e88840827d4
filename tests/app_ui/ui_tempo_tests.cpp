// The tempo on the transport bar as a user meets it: Shift+T (Playback ▸ Tap
// Tempo) and the Tap button tap it into the tempo box as one undo step, the
// box takes a typed tempo, the beat light flashes while playing and is dim
// when stopped; Follow MIDI clock in the preferences switches the clock on.
#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QTest>
#include <QToolButton>

#include "midi/midi_control.h"
#include "model/autosaver.h"
#include "model/project_document.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "timeline/timeline_widget.h"
#include "transport/beat_indicator.h"
#include "transport/tempo_control.h"
#include "transport/transport_bar.h"
#include "ui_support.h"
#include "window/main_window.h"
#include "window/preferences_dialog.h"

using namespace entropic;

namespace {

using test::actionFor;
using test::waitFor;

// Taps `count` times `intervalMs` apart through `tap`, waiting in the event
// loop in between as a hand would.
template <typename Tap> void tapRun(int count, int intervalMs, Tap tap) {
    for (int i = 0; i < count; ++i) {
        if (i > 0) QTest::qWait(intervalMs);
        tap();
    }
}

} // namespace

TEST_CASE("tapping Shift+T or the Tap button sets the tempo box, one undo step a run",
          "[ui][transport][tempo]") {
    app::MainWindow window;
    test::Stills stills;
    REQUIRE(test::openWatching(
        window, QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/demo.entropic"), stills));
    REQUIRE(QTest::qWaitForWindowActive(&window));

    app::TempoControl* tempo = window.transportBar().tempo();
    REQUIRE(tempo);
    auto& doc = window.document();
    const double before = doc.project().tempoBpm;
    REQUIRE(tempo->box()->value() == before);
    const int entries = doc.undoStack()->count();

    SECTION("Shift+T is Playback ▸ Tap Tempo, and its taps make one step") {
        QAction* tap = actionFor(window, QKeySequence(Qt::SHIFT | Qt::Key_T));
        REQUIRE(tap);
        CHECK(tap->text() == QStringLiteral("Tap Tempo"));
        CHECK(tempo->tapButton()->toolTip().contains(
            QKeySequence(Qt::SHIFT | Qt::Key_T).toString(QKeySequence::NativeText)));
        window.timeline().setFocus();
        // 400 ms apart is 150 BPM; the event loop's timers are not exact.
        tapRun(4, 400, [&] { QTest::keyClick(&window, Qt::Key_T, Qt::ShiftModifier); });
        const double tapped = tempo->box()->value();
        INFO("tapped " << tapped);
        CHECK(tapped == Approx(150).margin(15));
        CHECK(doc.project().tempoBpm == tapped);
        CHECK(doc.undoStack()->count() == entries + 1);
        doc.undoStack()->undo();
        CHECK(tempo->box()->value() == before);
    }
    SECTION("the Tap button taps too") {
        tapRun(3, 600, [&] { QTest::mouseClick(tempo->tapButton(), Qt::LeftButton); }); // 100
        CHECK(tempo->box()->value() == Approx(100).margin(10));
        CHECK(doc.undoStack()->count() == entries + 1);
    }
    SECTION("a typed tempo is one step") {
        tempo->box()->setFocus();
        tempo->box()->selectAll();
        QTest::keyClicks(tempo->box(), QStringLiteral("87.5"));
        QTest::keyClick(tempo->box(), Qt::Key_Return);
        CHECK(doc.project().tempoBpm == 87.5);
        CHECK(doc.undoStack()->count() == entries + 1);
        CHECK_FALSE(tempo->box()->hasFocus()); // Space plays again
    }
    SECTION("the beat light flashes while playing and is dim when stopped") {
        app::BeatIndicator* light = window.transportBar().beatIndicator();
        REQUIRE(light);
        CHECK_FALSE(light->active());
        window.player().play();
        // Lit on a beat, dark between: both seen within a few beats.
        CHECK(waitFor([&] { return light->active() && light->level() > 0.5; }, 10000));
        CHECK(waitFor([&] { return light->active() && light->level() == 0; }, 10000));
        window.player().pause();
        CHECK(waitFor([&] { return !light->active(); }, 5000));
        CHECK(light->level() == 0);
    }
    doc.undoStack()->clear();
}

TEST_CASE("Follow MIDI clock in the preferences switches the clock on and off",
          "[ui][tempo][midi]") {
    app::ProjectDocument doc;
    app::Autosaver autosaver(doc, QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/ui-recovery"));
    QSettings().setValue(QLatin1String(app::MidiControl::kDeviceKey), QStringLiteral("none"));
    app::MidiControl midi(doc);
    midi.startFromSettings();
    CHECK_FALSE(midi.clockFollower().enabled()); // off by default
    app::PreferencesDialog dialog(doc.history(), autosaver, nullptr, nullptr, &midi);
    REQUIRE(dialog.followMidiClock());
    CHECK_FALSE(dialog.followMidiClock()->isChecked());
    dialog.followMidiClock()->setChecked(true);
    dialog.apply();
    CHECK(midi.clockFollower().enabled());
    CHECK(QSettings().value(QLatin1String(app::MidiControl::kFollowClockKey)).toBool());
    app::PreferencesDialog again(doc.history(), autosaver, nullptr, nullptr, &midi);
    CHECK(again.followMidiClock()->isChecked()); // remembered
    again.followMidiClock()->setChecked(false);
    again.apply();
    CHECK_FALSE(midi.clockFollower().enabled());
    QSettings().remove(QLatin1String(app::MidiControl::kFollowClockKey));
    QSettings().remove(QLatin1String(app::MidiControl::kDeviceKey));
    autosaver.discard();
}
