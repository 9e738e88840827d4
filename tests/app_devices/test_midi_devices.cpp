// The real MIDI path (docs/performance.md): a JACK server of the test's own,
// the editor's MidiInput on RtMidi's JACK API, and a test client sending
// notes and controllers through a JACK MIDI port — a device that appears,
// plays a pad and turns a mapped knob, then goes away. Where the ALSA
// sequencer exists (/dev/snd/seq), the same through an ALSA virtual port.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <rtmidi/RtMidi.h>

#include "jack_server.h"
#include "midi/midi_input.h"

using namespace entropic;
using namespace entropic::app;
using entropic::test::JackServer;

namespace {

bool waitFor(const std::function<bool()>& done, int timeoutMs = 10000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

// Opens a virtual output port named "pads" on `api`; then the editor sees a
// device "<API>: <client>:pads"-like, found by its port name.
std::unique_ptr<RtMidiOut> controllerPort(RtMidi::Api api) {
    auto out = std::make_unique<RtMidiOut>(api, "test-controller");
    out->openVirtualPort("pads");
    return out;
}

void send(RtMidiOut& out, std::vector<unsigned char> bytes) {
    out.sendMessage(&bytes);
}

QString deviceNamed(const QStringList& devices, const QString& port) {
    for (const QString& d : devices)
        if (d.contains(QStringLiteral("test-controller")) && d.contains(port)) return d;
    return {};
}

void playThrough(MidiInput::Api api, RtMidi::Api rtApi) {
    MidiInput input;
    std::vector<MidiMessage> received;
    std::vector<qint64> stamps;
    QObject::connect(&input, &MidiInput::received, [&](const MidiMessage& m, qint64 ns) {
        received.push_back(m);
        stamps.push_back(ns);
    });
    QStringList notices;
    QObject::connect(&input, &MidiInput::notice, [&](const QString& n) { notices << n; });
    input.start(api);
    auto out = controllerPort(rtApi);

    // Plugged in while running: opened on a rescan.
    REQUIRE(waitFor([&] { return !deviceNamed(input.openDevices(), "pads").isEmpty(); }));
    const QString device = deviceNamed(input.openDevices(), "pads");
    CHECK(notices.contains(QStringLiteral("MIDI: %1 connected").arg(device)));

    send(*out, {0x90, 36, 100});
    send(*out, {0xB0, 21, 64});
    send(*out, {0x80, 36, 0});
    REQUIRE(waitFor([&] { return received.size() >= 3; }));
    CHECK(received[0] == MidiMessage{MidiMessage::Type::NoteOn, 1, 36, 100});
    CHECK(received[1] == MidiMessage{MidiMessage::Type::Controller, 1, 21, 64});
    CHECK(received[2].type == MidiMessage::Type::NoteOff);
    CHECK(stamps[0] > 0);

    // Unplugged: dropped with a notice, and the input keeps running.
    out.reset();
    REQUIRE(waitFor([&] { return input.openDevices().isEmpty(); }));
    CHECK(notices.contains(QStringLiteral("MIDI: %1 disconnected").arg(device)));
    CHECK(input.running());
}

} // namespace

TEST_CASE("MIDI through a real JACK server: a device appears, plays, and goes", "[midi][jack]") {
    JackServer server;
    if (!server.running()) {
        entropic::test::skipTest(server.problem());
        return;
    }
    playThrough(MidiInput::Api::Jack, RtMidi::UNIX_JACK);
}

TEST_CASE("MIDI through the ALSA sequencer with a virtual port", "[midi][alsa]") {
    if (!QFileInfo::exists(QStringLiteral("/dev/snd/seq"))) {
        entropic::test::skipTest(QStringLiteral("no ALSA sequencer here (/dev/snd/seq)"));
        return;
    }
    playThrough(MidiInput::Api::Alsa, RtMidi::LINUX_ALSA);
}

TEST_CASE("no MIDI at all is one notice, not an error", "[midi]") {
    // No JACK server by this name, and (on CI) no ALSA sequencer.
    qputenv("JACK_DEFAULT_SERVER", "entropic-no-such-server");
    MidiInput input;
    QStringList notices;
    QObject::connect(&input, &MidiInput::notice, [&](const QString& n) { notices << n; });
    input.start(MidiInput::Api::Jack);
    input.rescan();
    input.rescan();
    CHECK(input.running());
    CHECK(input.openDevices().isEmpty());
    CHECK(notices.size() == 1);
    CHECK(input.problem().startsWith("MIDI: not available"));
    CHECK_FALSE(input.problem().isEmpty());
}
