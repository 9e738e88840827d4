// Automation lanes: hold, linear and eased segments.
#include <catch2/catch.hpp>

#include "entropic/signal/automation.h"

using namespace entropic::sig;

TEST_CASE("Lane values per segment interpolation", "[signal][automation]") {
    AutomationLane lane;
    lane.target = {"fx1", "amount", 0};
    lane.keys = {{0, 0.0, Interpolation::Linear},     {10, 1.0, Interpolation::Hold},
                 {20, 0.5, Interpolation::EaseIn},    {30, 1.5, Interpolation::EaseOut},
                 {40, 0.0, Interpolation::EaseInOut}, {50, 1.0, Interpolation::Linear}};
    CHECK(laneValue(lane, -5) == 0.0); // before the first key: its value
    CHECK(laneValue(lane, 0) == 0.0);
    CHECK(laneValue(lane, 5) == 0.5);
    CHECK(laneValue(lane, 2.5) == 0.25); // fractional frames, for drawing
    CHECK(laneValue(lane, 10) == 1.0);
    CHECK(laneValue(lane, 15) == 1.0); // hold
    CHECK(laneValue(lane, 19.99) == 1.0);
    CHECK(laneValue(lane, 20) == 0.5);
    CHECK(laneValue(lane, 25) == 0.75);          // ease in: 0.5 + 1 · 0.5²
    CHECK(laneValue(lane, 35) == 0.375);         // ease out: 1.5 − 1.5 · (1 − 0.5²)
    CHECK(laneValue(lane, 45) == 0.5);           // ease in-out: symmetric
    CHECK(laneValue(lane, 42) == Approx(0.104)); // 3 · 0.2² − 2 · 0.2³
    CHECK(laneValue(lane, 50) == 1.0);
    CHECK(laneValue(lane, 500) == 1.0); // after the last key: its value
}

TEST_CASE("A single key is a constant", "[signal][automation]") {
    AutomationLane lane;
    lane.keys = {{7, 0.3, Interpolation::Linear}};
    CHECK(laneValue(lane, 0) == 0.3);
    CHECK(laneValue(lane, 7) == 0.3);
    CHECK(laneValue(lane, 100) == 0.3);
}

TEST_CASE("interpolate at the ends of a segment", "[signal][automation]") {
    for (auto i : {Interpolation::Linear, Interpolation::EaseIn, Interpolation::EaseOut,
                   Interpolation::EaseInOut}) {
        CHECK(interpolate(i, 2, 4, 0) == 2);
        CHECK(interpolate(i, 2, 4, 1) == 4);
    }
    CHECK(interpolate(Interpolation::Hold, 2, 4, 0.99) == 2);
    CHECK(interpolate(Interpolation::EaseIn, 0, 1, 0.5) <
          interpolate(Interpolation::Linear, 0, 1, 0.5));
    CHECK(interpolate(Interpolation::EaseOut, 0, 1, 0.5) >
          interpolate(Interpolation::Linear, 0, 1, 0.5));
}
