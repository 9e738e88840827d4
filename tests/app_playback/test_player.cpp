// The player end to end, offscreen, with a real engine and the silent clock:
// frames arrive in order at the clock's pace and the playhead follows; a
// paused viewer gets a full-resolution frame; loops wrap; J/K/L shuttle; an
// engine killed mid-play is replaced and playback goes on.
#include <catch2/catch.hpp>

#include <csignal>
#include <vector>

#include <QImage>

#include "entropic/engine/project/project.h"
#include "playback/player.h"
#include "playback/silent_output.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "supervision/project_sync.h"
#include "supervision_support.h"
#include "transport/transport.h"

using namespace entropic;
using nlohmann::json;

namespace {

std::unique_ptr<app::AudioOutput> silence(const app::AudioSettings& settings, int rate,
                                          int channels, app::AudioOutput::Pull pull,
                                          QString* notice) {
    auto out = std::make_unique<app::SilentOutput>(QStringLiteral("test"), settings.bufferFrames);
    out->open(rate, channels, std::move(pull), nullptr);
    if (notice) *notice = QStringLiteral("No audio device — playing silently (test)");
    return out;
}

struct PlayerRig {
    json doc = test::testProject(320, 240, 120);
    app::EngineSupervisor engine{test::engineOptions()};
    app::ProjectSync sync{&engine};
    app::Transport transport;
    app::Player player{&engine, &transport, nullptr, &silence};
    std::vector<qint64> shown;
    std::vector<double> scales;

    PlayerRig() {
        sync.setSource([this] { return app::ProjectSync::Snapshot{doc, QString()}; });
        QObject::connect(&player, &app::Player::framePresented, &player,
                         [this](const QImage& image, qint64 frame, double scale) {
                             CHECK_FALSE(image.isNull());
                             shown.push_back(frame);
                             scales.push_back(scale);
                         });
        engine.start();
        REQUIRE(test::spinUntil([this] { return engine.isReady() && sync.inSync(); }));
        const auto project = std::make_shared<const engine::Project>(engine::parseProject(doc, ""));
        transport.setLastFrame(project->frameCount() - 1);
        player.setProject(project);
        player.setViewSize(QSize(320, 240));
    }
};

bool increasing(const std::vector<qint64>& v) {
    for (std::size_t i = 1; i < v.size(); ++i)
        if (v[i] <= v[i - 1]) return false;
    return true;
}

} // namespace

TEST_CASE(
    "Player: frames follow the clock in order, the playhead follows, pause ends at full resolution",
    "[playback][player]") {
    PlayerRig rig;
    QString notice;
    QObject::connect(&rig.player, &app::Player::notice, &rig.player,
                     [&](const QString& text) { notice = text; });
    rig.transport.setFrame(10);
    rig.player.play();
    REQUIRE(rig.player.playing());
    test::spinFor(1200);
    // Once the first frames are ready (pre-roll, at most 0.6 s) the sound starts.
    CHECK(notice.startsWith(QStringLiteral("No audio device")));
    const double at = rig.player.position();
    CHECK(at >= 10 + 0.6 * 30 - 3);
    CHECK(at <= 10 + 1.2 * 30 + 3);
    CHECK(std::abs(rig.transport.frame() - static_cast<qint64>(at)) <= 1);
    rig.player.pause();
    CHECK_FALSE(rig.player.playing());
    INFO("shown: " << rig.shown.size());
    REQUIRE(rig.shown.size() >= 10);
    CHECK(rig.shown.front() >= 10);
    CHECK(increasing(rig.shown));
    const auto& stats = rig.player.presenter().stats();
    CHECK(stats.presented == static_cast<std::int64_t>(rig.shown.size()));
    CHECK(stats.due >= stats.presented);
    CHECK(stats.maxGapFrames < 1.0); // never shown after its time
    // Paused: the transport rests where the sound stopped, and a render_frame
    // there is the full project size (the paused viewer's FrameFeed asks it).
    CHECK(std::abs(static_cast<double>(rig.transport.frame()) - at) <= 2);
    const json frame = test::requestAndWait(
        rig.engine, {{"cmd", "render_frame"}, {"frame", rig.transport.frame()}});
    CHECK(frame["width"] == 320);
    CHECK(test::spinUntil([&] { return rig.player.engineStats().value("playing", true) == false; },
                          5000));
}

TEST_CASE("Player: the in/out loop wraps, and J/K/L shuttle", "[playback][player]") {
    PlayerRig rig;
    SECTION("loop [30, 45) from 40") {
        rig.player.setLoopRange(engine::PlayLoop{30, 45});
        rig.player.setLoopEnabled(true);
        rig.transport.setFrame(40);
        rig.player.play();
        test::spinFor(1500);
        rig.player.pause();
        REQUIRE(rig.shown.size() >= 10);
        bool wrapped = false;
        for (std::size_t i = 0; i < rig.shown.size(); ++i) {
            CHECK(rig.shown[i] >= 30);
            CHECK(rig.shown[i] < 45);
            if (i > 0 && rig.shown[i] < rig.shown[i - 1]) wrapped = true;
        }
        CHECK(wrapped);
    }
    SECTION("L L doubles, J reverses, K stops") {
        rig.transport.setFrame(20);
        rig.player.shuttleForward();
        CHECK(rig.player.rate() == 1.0);
        rig.player.shuttleForward();
        CHECK(rig.player.rate() == 2.0);
        test::spinFor(500);
        CHECK(rig.player.position() > 20 + 0.5 * 30 * 1.5); // about 2× for half a second
        rig.player.shuttleBackward();
        CHECK(rig.player.rate() == -1.0);
        const double before = rig.player.position();
        test::spinFor(400);
        CHECK(rig.player.position() < before);
        rig.player.pause();
        CHECK(rig.player.rate() == 0.0);
        CHECK_FALSE(rig.player.playing());
    }
    SECTION("moving the playhead before the sound starts plays from there") {
        rig.transport.setFrame(10);
        rig.player.play();
        rig.transport.setFrame(60); // still pre-rolling: nothing ready yet
        test::spinFor(800);
        rig.player.pause();
        REQUIRE(rig.shown.size() >= 5);
        CHECK(rig.shown.front() >= 60);
        CHECK(increasing(rig.shown));
    }
    SECTION("playing to the end stops on the last frame") {
        rig.transport.setFrame(110);
        rig.player.play();
        CHECK(test::spinUntil([&] { return !rig.player.playing(); }, 5000));
        CHECK(rig.transport.frame() == 119);
    }
}

TEST_CASE("Player: an engine killed while playing is replaced and playback goes on",
          "[playback][player][supervision]") {
    PlayerRig rig;
    // Looping, so the 4-second clip cannot end while the engine restarts.
    rig.player.setLoopRange(engine::PlayLoop{0, 120});
    rig.player.setLoopEnabled(true);
    rig.player.play();
    REQUIRE(test::spinUntil([&] { return rig.shown.size() >= 5; }, 5000));
    const qint64 pid = rig.engine.enginePid();
    ::kill(static_cast<pid_t>(pid), SIGKILL);
    const std::size_t before = rig.shown.size();
    REQUIRE(test::spinUntil([&] { return rig.engine.isReady() && rig.engine.enginePid() != pid; },
                            20000));
    CHECK(rig.player.playing()); // the sound never stopped
    REQUIRE(test::spinUntil([&] { return rig.shown.size() >= before + 5; }, 10000));
    rig.player.pause();
}
