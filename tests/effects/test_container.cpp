// The container: mask stage, dry/wet mix, seed and state handling.
#include <catch2/catch.hpp>

#include "entropic/effects/container.h"
#include "entropic/effects/seed.h"
#include "support.h"

using namespace entropic::fx;

namespace {

// A stand-in effect: paints every pixel (200, 100, 0, 255) and counts calls in
// its state, remembering the seed it was given.
struct CountingState final : EffectState {
    int calls = 0;
    std::uint64_t seed = 0;
};

void paint(ConstFrameView in, FrameView out, const ParamValues&, EffectState* state,
           const EffectContext& ctx) {
    for (int y = 0; y < in.height; ++y)
        for (int x = 0; x < in.width; ++x) {
            std::uint8_t* p = out.row(y) + 4 * x;
            p[0] = 200, p[1] = 100, p[2] = 0, p[3] = 255;
        }
    if (auto* s = static_cast<CountingState*>(state)) {
        ++s->calls;
        s->seed = ctx.seed;
    }
}

const EffectDescriptor kPaint{
    .id = "fx.test_paint",
    .name = "Paint",
    .category = "fx",
    .help = "test",
    .historyFrames = 1,
    .makeState = [] { return std::unique_ptr<EffectState>(std::make_unique<CountingState>()); },
    .process = paint,
};

Frame solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b, std::uint8_t a) {
    Frame f(w, h);
    f.fill(r, g, b, a);
    return f;
}

struct Run {
    EffectInstance instance{.descriptor = &kPaint, .instanceId = "inst"};
    CountingState state;
    Frame operator()(const Frame& in, std::int64_t frameIndex = 0) {
        Frame out(in.width(), in.height());
        CallInfo call{.projectId = "proj", .frameIndex = frameIndex};
        applyEffect(instance, in.view(), out.view(), &state, call);
        return out;
    }
};

std::vector<std::uint32_t> weightsOf(const MaskSpec& m, const Frame& f, int y) {
    std::vector<std::uint32_t> w(static_cast<std::size_t>(f.width()));
    maskRow(m, f.view(), y, w.data());
    return w;
}

} // namespace

TEST_CASE("mix blends with exact integer rounding", "[effects][container]") {
    const Frame in = solid(3, 2, 10, 20, 30, 40);
    Run run;
    run.instance.mix = 0.5;
    Frame out = run(in);
    CHECK(out.data()[0] == 105); // (10 + 200) / 2
    CHECK(out.data()[1] == 60);
    CHECK(out.data()[2] == 15);
    CHECK(out.data()[3] == 148); // (40 + 255) / 2 = 147.5 rounds up
    run.instance.mix = 0.25;
    out = run(in);
    CHECK(out.data()[0] == 58); // 7.5 + 50 = 57.5 rounds up
    run.instance.mix = 1.0;
    out = run(in);
    CHECK(out.data()[0] == 200);
    run.instance.mix = 0.0;
    out = run(in);
    CHECK(test::samePixels(out.view(), in.view()));
}

TEST_CASE("state advances at mix 0 but not when disabled, seed is derived",
          "[effects][container]") {
    const Frame in = solid(2, 2, 1, 2, 3, 4);
    Run run;
    run.instance.mix = 0.0;
    run.instance.userSeed = 5;
    run(in, 12);
    CHECK(run.state.calls == 1);
    CHECK(run.state.seed == deriveSeed("proj", "inst", 12, 5));
    run.instance.enabled = false;
    const Frame out = run(in, 13);
    CHECK(run.state.calls == 1);
    CHECK(test::samePixels(out.view(), in.view()));
}

TEST_CASE("rectangle mask: hard edges, feather and invert", "[effects][mask]") {
    const Frame f(8, 4);
    MaskSpec m{.shape = MaskShape::Rectangle, .x = 0.25, .y = 0.25, .w = 0.5, .h = 0.5};
    const auto row1 = weightsOf(m, f, 1);
    CHECK(row1 == std::vector<std::uint32_t>{0, 0, 65536, 65536, 65536, 65536, 0, 0});
    CHECK(weightsOf(m, f, 0) == std::vector<std::uint32_t>(8, 0));
    m.invert = true;
    CHECK(weightsOf(m, f, 1) == std::vector<std::uint32_t>{65536, 65536, 0, 0, 0, 0, 65536, 65536});

    const Frame big(100, 100);
    MaskSpec soft{
        .shape = MaskShape::Rectangle, .x = 0.2, .y = 0.2, .w = 0.6, .h = 0.6, .feather = 0.1};
    const auto mid = weightsOf(soft, big, 50);
    CHECK(mid[10] == 0);     // outside
    CHECK(mid[50] == 65536); // deep inside
    CHECK(mid[22] > 0);      // on the ramp
    CHECK(mid[22] < 65536);
    for (int x = 20; x < 50; ++x)
        CHECK(mid[static_cast<std::size_t>(x)] <= mid[static_cast<std::size_t>(x + 1)]);
}

TEST_CASE("ellipse mask is inside its bounds and feathers smoothly", "[effects][mask]") {
    const Frame f(64, 64);
    MaskSpec m{.shape = MaskShape::Ellipse, .x = 0, .y = 0, .w = 1, .h = 1};
    CHECK(weightsOf(m, f, 32)[32] == 65536);
    CHECK(weightsOf(m, f, 0)[0] == 0);      // corner
    CHECK(weightsOf(m, f, 32)[0] == 65536); // edge midpoint, just inside
    CHECK(weightsOf(m, f, 4)[4] == 0);      // beyond the curve near the corner
    m.feather = 0.25;
    const auto row = weightsOf(m, f, 32);
    CHECK(row[1] > 0);
    CHECK(row[1] < row[8]);
    CHECK(row[8] < 65536);
    CHECK(row[32] == 65536);
}

TEST_CASE("luma key passes the chosen band with soft ramps", "[effects][mask]") {
    Frame f(4, 1);
    const std::uint8_t greys[4] = {0, 110, 128, 255};
    for (int x = 0; x < 4; ++x)
        f.data()[4 * x] = f.data()[4 * x + 1] = f.data()[4 * x + 2] = greys[x];
    MaskSpec m{.shape = MaskShape::LumaKey, .lumaLow = 0.5, .lumaHigh = 1.0, .softness = 0.1};
    const auto w = weightsOf(m, f, 0);
    CHECK(w[0] == 0);
    CHECK(w[1] > 0); // 0.431: on the ramp below 0.5
    CHECK(w[1] < 65536);
    CHECK(w[2] == 65536);
    CHECK(w[3] == 65536);
    m.softness = 0;
    CHECK(weightsOf(m, f, 0)[1] == 0);
}

TEST_CASE("mask and mix combine, a zero mask returns the input", "[effects][container]") {
    const Frame in = solid(8, 4, 10, 20, 30, 40);
    Run run;
    run.instance.mask = {.shape = MaskShape::Rectangle, .x = 0.25, .y = 0.25, .w = 0.5, .h = 0.5};
    run.instance.mix = 0.5;
    Frame out = run(in);
    CHECK(out.view().row(1)[4 * 3] == 105); // inside: half wet
    CHECK(out.view().row(1)[4 * 0] == 10);  // outside: dry
    run.instance.mix = 1.0;
    run.instance.mask = {.shape = MaskShape::Rectangle, .w = 0, .h = 0};
    out = run(in);
    CHECK(test::samePixels(out.view(), in.view()));
    CHECK(run.state.calls == 2);
}
