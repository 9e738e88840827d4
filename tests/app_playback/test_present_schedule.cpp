// Frame choice while playing: against the audio clock, the due frame is shown
// when it is ready, a late one is dropped with the last picture held, and the
// picture never goes back during forward play.
#include <catch2/catch.hpp>

#include <map>
#include <vector>

#include "playback/present_schedule.h"

using entropic::app::PresentSchedule;

namespace {

// Plays a clock at 1 frame per `ticksPerFrame` ticks; `arrival` says at which
// tick each frame becomes available (absent: never). Returns what was shown
// at each tick (−1: nothing new).
std::vector<std::int64_t> play(PresentSchedule& s, const std::map<std::int64_t, int>& arrival,
                               int ticks, int ticksPerFrame, double start = 0, int direction = 1) {
    std::vector<std::int64_t> shown;
    std::map<std::int64_t, bool> ready;
    for (int t = 0; t < ticks; ++t) {
        const double position = start + direction * static_cast<double>(t) / ticksPerFrame;
        for (const auto& [frame, at] : arrival)
            if (at == t && !s.stale(frame, position)) ready[frame] = true;
        const std::int64_t due = s.advance(position);
        if (ready.count(due) && s.showNow(due)) {
            s.shown(due, position);
            shown.push_back(due);
        }
    }
    return shown;
}

} // namespace

TEST_CASE("Presenter: frames ready before their time are all shown, in order",
          "[playback][present]") {
    PresentSchedule s;
    s.begin(1, std::nullopt);
    std::map<std::int64_t, int> arrival;
    for (int f = 0; f < 30; ++f)
        arrival[f] = std::max(0, f * 4 - 2); // half a frame early
    const auto shown = play(s, arrival, 120, 4);
    std::vector<std::int64_t> all(30);
    for (int f = 0; f < 30; ++f)
        all[static_cast<std::size_t>(f)] = f;
    CHECK(shown == all);
    CHECK(s.stats().due == 30);
    CHECK(s.stats().dropped() == 0);
    CHECK(s.stats().maxGapFrames < 0.01);
}

TEST_CASE("Presenter: a late frame is dropped and the last one held", "[playback][present]") {
    PresentSchedule s;
    s.begin(1, std::nullopt);
    // Frame 5 comes two frames late; frame 6 a quarter frame late (still in its time).
    std::map<std::int64_t, int> arrival;
    for (int f = 0; f < 10; ++f)
        arrival[f] = f * 4;
    arrival[5] = 7 * 4;
    arrival[6] = 6 * 4 + 1;
    const auto shown = play(s, arrival, 40, 4);
    CHECK(shown == std::vector<std::int64_t>{0, 1, 2, 3, 4, 6, 7, 8, 9});
    CHECK(s.stats().due == 10);
    CHECK(s.stats().dropped() == 1);
    CHECK(s.stats().maxGapFrames == Approx(0.25));
    // Frame 5 showing up now is stale: it is not wanted any more.
    CHECK(s.stale(5, 9.0));
    CHECK_FALSE(s.wanted(5, 9.0, 2));
}

TEST_CASE("Presenter: never goes backwards in forward play, wraps with a loop, and reverses",
          "[playback][present]") {
    SECTION("an old frame arriving after a newer one is never shown") {
        PresentSchedule s;
        s.begin(1, std::nullopt);
        std::map<std::int64_t, int> arrival{{0, 0}, {1, 4}, {2, 8}, {3, 12}};
        arrival[1] = 9; // arrives while frame 2 is due
        const auto shown = play(s, arrival, 16, 4);
        CHECK(shown == std::vector<std::int64_t>{0, 2, 3});
        for (std::size_t i = 1; i < shown.size(); ++i)
            CHECK(shown[i] > shown[i - 1]);
    }
    SECTION("loop [10, 14) from 12 shows 12 13 10 11 12") {
        PresentSchedule s;
        s.begin(1, entropic::engine::PlayLoop{10, 14});
        std::map<std::int64_t, int> arrival;
        for (int f = 10; f < 14; ++f)
            arrival[f] = 0;
        // Every frame is available from the start but shown only once per pass
        // (it stays "shown" until another frame was): feed them again each pass.
        std::vector<std::int64_t> shown;
        for (int t = 0; t < 20; ++t) {
            const double position = 12 + t / 4.0;
            const std::int64_t due = s.advance(position);
            if (s.showNow(due)) {
                s.shown(due, position);
                shown.push_back(due);
            }
        }
        CHECK(shown == std::vector<std::int64_t>{12, 13, 10, 11, 12});
        CHECK(s.stats().dropped() == 0);
    }
    SECTION("reverse from 20.9 shows 20 19 18 …") {
        PresentSchedule s;
        s.begin(-1, std::nullopt);
        std::map<std::int64_t, int> arrival;
        for (int f = 10; f <= 20; ++f)
            arrival[f] = 0;
        const auto shown = play(s, arrival, 20, 4, 20.9, -1);
        CHECK(shown == std::vector<std::int64_t>{20, 19, 18, 17, 16});
    }
}

TEST_CASE("Presenter: frames the clock skipped between two looks count as due",
          "[playback][present]") {
    PresentSchedule s;
    s.begin(1, std::nullopt);
    s.advance(0.0);
    s.shown(0, 0.0);
    s.advance(3.5); // a stall: frames 1, 2 and 3 fell due
    CHECK(s.stats().due == 4);
    CHECK(s.stats().dropped() == 3);
}
