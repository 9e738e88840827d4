// Per-route processing: each stage alone, then their fixed order.
#include <catch2/catch.hpp>

#include <cmath>

#include "entropic/effects/params.h"
#include "support.h"

using namespace entropic::sig;
using entropic::fx::ParamSpec;

namespace {
const Timing k100fps{100, 1, 120};

ParamCatalog catalog() {
    return {{"fx1", {ParamSpec::number("amount", "Amount", 0, 1, 0.5, "", "")}}};
}

// The processed series of one route reading `input`.
Series processed(const Series& input, const RouteProcessing& p, Timing timing = k100fps) {
    SignalGraphSpec spec;
    spec.sources.push_back({.id = "in", .kind = SourceKind::Gate});
    RouteSpec r;
    r.id = "r";
    r.signal = "in";
    r.target = {"fx1", "amount", 0};
    r.processing = p;
    spec.routes.push_back(r);
    const auto ev = sigtest::evaluate(spec, catalog(), {input}, timing,
                                      static_cast<std::int64_t>(input.size()));
    const auto s = ev.routeSeries(0);
    return Series(s.begin(), s.end());
}

Series step(std::size_t frames, std::size_t at, double before, double after) {
    Series s(frames, before);
    for (std::size_t n = at; n < frames; ++n)
        s[n] = after;
    return s;
}
} // namespace

TEST_CASE("Default processing passes the signal through exactly", "[signal][route]") {
    const Series in{0.1, -0.5, 0.7, 2.0, 0.33};
    CHECK(processed(in, {}) == in);
}

TEST_CASE("Threshold", "[signal][route]") {
    RouteProcessing p;
    p.threshold = 0.5;
    CHECK(processed({0.2, 0.5, 0.7, 0.49}, p) == Series{0, 1, 1, 0});
}

TEST_CASE("Route ADSR fired by the signal", "[signal][route]") {
    RouteProcessing p;
    p.threshold = 0.3; // the thresholded signal gates the ADSR
    p.adsr = AdsrSettings{100, 200, 0.5, 300, 0};
    Series in(100, 0.0);
    for (std::size_t n = 10; n < 60; ++n)
        in[n] = 0.4;
    const Series e = processed(in, p);
    CHECK(e[9] == 0.0);
    CHECK(e[15] == Approx(0.5));
    CHECK(e[20] == Approx(1.0));
    CHECK(e[30] == Approx(0.75));
    CHECK(e[50] == 0.5);
    CHECK(e[75] == Approx(0.25));
    CHECK(e[95] == 0.0);
}

TEST_CASE("Slew with separate rise and fall", "[signal][route]") {
    RouteProcessing p;
    p.slewRiseMs = 100; // 0 → 1 in 10 frames at most
    p.slewFallMs = 200; // 1 → 0 in 20 frames
    Series in = step(60, 1, 0.0, 1.0);
    for (std::size_t n = 20; n < 60; ++n)
        in[n] = 0.0;
    const Series s = processed(in, p);
    CHECK(s[0] == 0.0);
    CHECK(s[1] == Approx(0.1));
    CHECK(s[5] == Approx(0.5));
    CHECK(s[10] == Approx(1.0));
    CHECK(s[19] == Approx(1.0));
    CHECK(s[20] == Approx(0.95));
    CHECK(s[30] == Approx(0.45));
    CHECK(s[39] == Approx(0.0).margin(1e-12));
    // It starts at the first value instead of rising from 0.
    CHECK(processed(Series(5, 0.8), p) == Series(5, 0.8));
}

TEST_CASE("Smoothing is a one-pole low-pass", "[signal][route]") {
    RouteProcessing p;
    p.smoothMs = 100;
    const Series s = processed(step(40, 1, 0.0, 1.0), p);
    const double keep = std::exp(-0.01 / 0.1);
    CHECK(s[0] == 0.0);
    for (int n = 1; n < 40; ++n)
        CHECK(s[static_cast<std::size_t>(n)] == Approx(1 - std::pow(keep, n)).epsilon(1e-12));
    CHECK(s[10] == Approx(1 - std::exp(-1.0))); // one time constant
}

TEST_CASE("Quantize, invert, scale and offset", "[signal][route]") {
    RouteProcessing q;
    q.quantize = 4; // levels 0, 1/3, 2/3, 1
    const Series s = processed({0.1, 0.3, 0.5, 0.95, 1.4, -0.2}, q);
    CHECK(s[0] == 0.0);
    CHECK(s[1] == Approx(1.0 / 3));
    CHECK(s[2] == Approx(2.0 / 3));
    CHECK(s[3] == 1.0);
    CHECK(s[4] == 1.0);
    CHECK(s[5] == 0.0);

    RouteProcessing inv;
    inv.invert = true;
    CHECK(processed({0.3}, inv)[0] == Approx(0.7));

    RouteProcessing so;
    so.scale = 2;
    so.offset = -0.25;
    CHECK(processed({0.5}, so)[0] == 0.75);
}

TEST_CASE("Stages run in the documented order", "[signal][route]") {
    // threshold before invert: 0.7 → 1 → 0 (the other way round: 0.3 → 0)
    RouteProcessing a;
    a.threshold = 0.5;
    a.invert = true;
    CHECK(processed({0.7, 0.2}, a) == Series{0, 1});
    // invert before scale/offset: 0.25 → 0.75 → 0.5 (the other way round: −0.5 → 1.5)
    RouteProcessing b;
    b.invert = true;
    b.scale = 2;
    b.offset = -1;
    CHECK(processed({0.25}, b)[0] == 0.5);
    // smoothing before quantize: the smoothed ramp is stepped
    RouteProcessing c;
    c.smoothMs = 100;
    c.quantize = 2;
    const Series s = processed(step(40, 1, 0.0, 1.0), c);
    CHECK(s[5] == 0.0); // smoothed 0.39
    CHECK(s[8] == 1.0); // smoothed 0.55
}
