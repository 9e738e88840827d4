// Playback's master clock on a real PortAudio stream (docs/playback.md): the
// test's own JACK server (dummy backend) is a sound card in CI, so the clock
// is measured following a device's callbacks, not the silent fallback.
#include <catch2/catch.hpp>

#include <atomic>

#include <QElapsedTimer>
#include <QThread>

#include "jack_server.h"
#include "playback/portaudio_output.h"

using namespace entropic;
using namespace entropic::app;
using entropic::test::JackServer;

TEST_CASE("the playback clock follows a real PortAudio stream on JACK", "[audio][jack]") {
    JackServer server;
    if (!server.running()) {
        entropic::test::skipTest(server.problem());
        return;
    }
    QString error;
    const QStringList devices = PortAudioOutput::outputDevices(&error);
    INFO(error.toStdString() << " devices: " << devices.join(", ").toStdString());
    // JACK's physical ports are PortAudio's device "system".
    REQUIRE(devices.contains(QStringLiteral("system")));

    PortAudioOutput output(QStringLiteral("system"), 256);
    std::atomic<std::int64_t> pulled{0};
    REQUIRE(output.open(
        48000, 2,
        [&](float* out, int frames, std::int64_t) {
            std::fill(out, out + frames * 2, 0.0f);
            pulled += frames;
        },
        &error));
    CHECK(output.deviceName().contains(QStringLiteral("JACK")));
    CHECK_FALSE(output.silent());
    REQUIRE(output.start(&error));
    QElapsedTimer wall;
    wall.start();
    std::int64_t last = output.playedFrames();
    bool monotonic = true;
    while (wall.elapsed() < 1500) {
        QThread::msleep(20);
        const std::int64_t now = output.playedFrames();
        monotonic = monotonic && now >= last;
        last = now;
    }
    const double seconds = wall.nsecsElapsed() / 1e9;
    output.stop();
    CHECK(monotonic);
    CHECK(pulled.load() > 0);
    // The dummy backend runs on the system clock: what was heard tracks wall
    // time, less the output latency and a period or two at the start.
    const double heardSeconds = static_cast<double>(last) / 48000.0;
    INFO("heard " << heardSeconds << " s in " << seconds << " s");
    CHECK(heardSeconds > seconds - 0.25);
    CHECK(heardSeconds < seconds + 0.05);
    // Stopped: the clock stands still.
    const std::int64_t stopped = output.playedFrames();
    QThread::msleep(100);
    CHECK(output.playedFrames() == stopped);
    output.close();
}
