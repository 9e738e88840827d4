// Bounds checks only the sanitize build can make (effects_tests_sanitize).
// AddressSanitizer sees a read past a whole frame's buffer, but a read one
// pixel left of x = 0 lands in the previous row: valid memory, wrong pixel,
// no report. Here every row of the input and the output is followed by a
// poisoned gap, so any access outside the effect's rows is reported — at
// default, minimum and maximum parameters, at mixed extreme settings, on
// tiny, thin, odd and 4K frames.
#include <catch2/catch.hpp>

#include <sanitizer/asan_interface.h>

#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "entropic/effects/registry.h"
#include "support.h"

#ifndef __SANITIZE_ADDRESS__
#error "test_sanitize_bounds.cpp belongs to effects_tests_sanitize (built with -fsanitize=address)"
#endif

using namespace entropic::fx;

namespace {

// Wider than any vector load an effect makes past its last pixel.
constexpr int kGap = 64;

// RGBA rows with a poisoned gap before the first row and after every row.
// Rows start 8-byte aligned: ASan poisons in 8-byte granules and cannot
// poison the first bytes of a granule while keeping the rest.
class GappedFrame {
  public:
    GappedFrame(int width, int height)
        : width_(width), height_(height), stride_((4 * width + 7) / 8 * 8 + kGap),
          bytes_(static_cast<std::size_t>(kGap) + static_cast<std::size_t>(stride_) * height) {
        ASAN_POISON_MEMORY_REGION(bytes_.data(), kGap);
        for (int y = 0; y < height; ++y)
            ASAN_POISON_MEMORY_REGION(view().row(y) + 4 * width, stride_ - 4 * width);
    }
    // The vector's own free must not trip over our poison.
    ~GappedFrame() { ASAN_UNPOISON_MEMORY_REGION(bytes_.data(), bytes_.size()); }
    GappedFrame(const GappedFrame&) = delete;
    GappedFrame& operator=(const GappedFrame&) = delete;

    FrameView view() { return {bytes_.data() + kGap, width_, height_, stride_}; }

  private:
    int width_, height_, stride_;
    std::vector<std::uint8_t> bytes_;
};

const test::TwoThreadRows kTwoThreads;

std::vector<std::pair<std::string, ParamValues>> settingsOf(const EffectDescriptor& d) {
    return {{"default", ParamValues(d.params)},
            {"min", test::paramsAtExtreme(d, false)},
            {"max", test::paramsAtExtreme(d, true)}};
}

// test::runEffect on gapped frames: frames 0..frames-1 of the synthetic clip
// through applyEffect with one state; returns the last output, packed.
Frame runGapped(const EffectDescriptor& d, const ParamValues& params, int width, int height,
                const test::RunOptions& options) {
    EffectInstance instance;
    instance.descriptor = &d;
    instance.instanceId = "test-instance";
    instance.params = params;
    instance.userSeed = 7;
    auto state = d.makeState ? d.makeState() : nullptr;
    GappedFrame in(width, height), out(width, height);
    for (int k = 0; k < options.frames; ++k) {
        copyPixels(test::syntheticFrame(width, height, k).view(), in.view());
        CallInfo call;
        call.projectId = "test-project";
        call.frameIndex = k;
        call.renderScale = options.renderScale;
        call.rows = options.rows;
        applyEffect(instance, in.view(), out.view(), state.get(), call);
    }
    Frame packed(width, height);
    copyPixels(out.view(), packed.view());
    return packed;
}

// Each parameter at its minimum, its maximum or a value between (a third
// each), drawn from a fixed sequence: the extremes in every combination the
// all-min / all-max settings never reach (e.g. a minimum above a maximum).
ParamValues randomParams(const EffectDescriptor& d, std::uint64_t& state) {
    auto next = [&state] { // splitmix64: the same draws on any platform
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    ParamValues v(d.params);
    for (std::size_t i = 0; i < d.params.size(); ++i) {
        const ParamSpec& spec = d.params[i];
        ParamValue value{};
        for (double& c : value) {
            const double u = static_cast<double>(next() >> 11) * 0x1.0p-53;
            const std::uint64_t pick = next() % 3;
            c = pick == 0 ? spec.min : pick == 1 ? spec.max : spec.min + u * (spec.max - spec.min);
        }
        v.set(i, value); // clamped and rounded as a project's value would be
    }
    return v;
}

} // namespace

TEST_CASE("every effect stays inside its rows and ignores the stride",
          "[effects][all][sizes][sanitize]") {
    const std::pair<int, int> sizes[] = {{1, 1},   {2, 3},     {3, 2},  {17, 9},
                                         {64, 48}, {333, 201}, {1, 97}, {97, 1}};
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        for (const auto& [name, params] : settingsOf(*d)) {
            for (const auto& [w, h] : sizes) {
                INFO(d->id << " " << name << " " << w << "x" << h);
                const test::RunOptions options{.rows = &kTwoThreads};
                const Frame gapped = runGapped(*d, params, w, h, options);
                // Padded rows must give the bytes packed rows give.
                CHECK(test::samePixels(gapped.view(),
                                       test::runEffect(*d, params, w, h, options).view()));
            }
        }
    }
}

TEST_CASE("every effect at mixed extreme and in-between settings stays inside its rows",
          "[effects][all][sizes][sanitize]") {
    const std::pair<int, int> sizes[] = {{1, 1}, {5, 3}, {37, 23}, {130, 71}, {200, 1}, {1, 200}};
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        std::uint64_t state = 1;
        for (int draw = 0; draw < 48; ++draw) {
            const ParamValues params = randomParams(*d, state);
            const auto& [w, h] = sizes[static_cast<std::size_t>(draw) % std::size(sizes)];
            INFO(d->id << " draw " << draw << " " << w << "x" << h);
            const test::RunOptions options{.rows = &kTwoThreads,
                                           .renderScale = draw % 2 ? 0.5 : 1.0};
            CHECK(test::samePixels(runGapped(*d, params, w, h, options).view(),
                                   test::runEffect(*d, params, w, h, options).view()));
        }
    }
}

TEST_CASE("every effect at 3840x2160: default, minimum and maximum parameters",
          "[effects][all][sizes][sanitize]") {
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        for (const auto& [name, params] : settingsOf(*d)) {
            INFO(d->id << " " << name << " 3840x2160");
            // Two frames for temporal effects, so their history is read too.
            const test::RunOptions options{.rows = &kTwoThreads, .frames = d->makeState ? 2 : 1};
            const Frame gapped = runGapped(*d, params, 3840, 2160, options);
            // The sanitizers judge every setting; the packed comparison (a
            // second 4K run) only the defaults, to keep the label cheap.
            if (name == "default")
                CHECK(test::samePixels(gapped.view(),
                                       test::runEffect(*d, params, 3840, 2160, options).view()));
        }
    }
}
