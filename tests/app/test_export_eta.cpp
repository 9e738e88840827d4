// The export's "time left" follows the recent pace, so it counts down while
// an export that started slowly speeds up (it used to stay frozen).
#include <catch2/catch.hpp>

#include "export/export_eta.h"

using entropic::app::ExportEta;

TEST_CASE("export time left: unknown until progress, then from the recent pace", "[app][export]") {
    ExportEta eta(3.0);
    CHECK_FALSE(eta.secondsLeft());
    eta.add(0.5, 0, 300);
    CHECK_FALSE(eta.secondsLeft()); // one report says nothing about pace
    eta.add(1.0, 10, 300);          // a slow start: 20 fps
    REQUIRE(eta.secondsLeft());
    CHECK(*eta.secondsLeft() == Approx(290.0 / 20.0));
    // Then 60 fps: the estimate follows the new pace, not the average.
    double done = 10;
    double previous = *eta.secondsLeft();
    for (double t = 1.5; t <= 5.5; t += 0.5) { // to 280 of 300
        done += 30;
        eta.add(t, done, 300);
        REQUIRE(eta.secondsLeft());
        CHECK(*eta.secondsLeft() < previous);
        previous = *eta.secondsLeft();
    }
    CHECK(*eta.fps() == Approx(60.0));
    CHECK(*eta.secondsLeft() == Approx((300.0 - done) / 60.0));
}

TEST_CASE("export time left ignores repeated reports and a stall", "[app][export]") {
    ExportEta eta(3.0);
    eta.add(1.0, 30, 90);
    eta.add(1.0, 30, 90);
    CHECK_FALSE(eta.fps());
    eta.add(2.0, 60, 90);
    CHECK(*eta.secondsLeft() == Approx(1.0));
    eta.reset();
    CHECK_FALSE(eta.secondsLeft());
}
