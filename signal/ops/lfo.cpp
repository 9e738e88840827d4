// mod.lfo: a periodic (or seeded random) signal, a pure function of the frame
// index — no state, so any frame is computed alone.
#include <cmath>
#include <numbers>

#include "dsp/curve.h"
#include "entropic/effects/seed.h"
#include "ops/builtin.h"

namespace entropic::sig {
namespace {

using fx::ParamSpec;

enum Shape { Sine, Triangle, SawUp, SawDown, Square, SampleHold, SmoothRandom };
enum Sync { Hertz, Beats };

// The k-th output of SplitMix64 seeded with the node's seed, as a double in
// [0, 1): each cycle's random value depends only on (seed, k).
double cycleRandom(std::uint64_t seed, std::int64_t k) {
    const std::uint64_t h = fx::mix64(seed + static_cast<std::uint64_t>(k) * 0x9e3779b97f4a7c15ULL);
    return static_cast<double>(h >> 11) * 0x1.0p-53;
}

double wave(int shape, double cycles, double pulseWidth, std::uint64_t seed) {
    const double k = std::floor(cycles);
    const double phi = cycles - k;
    switch (shape) {
    case Sine:
        return 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * phi);
    case Triangle:
        return 1.0 - std::abs(1.0 - 2.0 * phi);
    case SawUp:
        return phi;
    case SawDown:
        return 1.0 - phi;
    case Square:
        return phi < pulseWidth ? 1.0 : 0.0;
    case SampleHold:
        return cycleRandom(seed, static_cast<std::int64_t>(k));
    case SmoothRandom: {
        const auto i = static_cast<std::int64_t>(k);
        const double a = cycleRandom(seed, i);
        const double b = cycleRandom(seed, i + 1);
        return a + (b - a) * dsp::smoothstep(phi);
    }
    }
    return 0.0;
}

double step(std::span<const double>, const fx::ParamValues& p, OperatorState*,
            const OperatorContext& ctx) {
    const Timing& t = *ctx.timing;
    const double perSecond =
        p.choice("sync") == Beats ? t.bpm / (60.0 * p.number("beats")) : p.number("rate");
    // n · den · f / num in this order: whole-number products stay exact, so
    // cycle boundaries fall exactly on the frames they should.
    const double cycles =
        static_cast<double>(ctx.frame) * t.rateDen * perSecond / t.rateNum + p.number("phase");
    const double w = wave(p.choice("shape"), cycles, p.number("pulse_width"), ctx.seed);
    return p.number("offset") + p.number("depth") * w;
}

} // namespace

namespace builtin {
const OperatorDescriptor& modLfo() {
    static const OperatorDescriptor d{
        .id = "mod.lfo",
        .version = 1,
        .name = "LFO",
        .category = "mod",
        .help = "A periodic or seeded random wave, 0..1 at depth 1 and offset 0",
        .params =
            {
                ParamSpec::choice("shape", "Shape",
                                  {"Sine", "Triangle", "Saw up", "Saw down", "Square",
                                   "Sample & hold", "Smooth random"},
                                  Sine, "Waveform; the random shapes draw one value per cycle"),
                ParamSpec::choice("sync", "Sync", {"Hz", "Beats"}, Hertz,
                                  "Rate in cycles a second, or cycle length in beats of the tempo"),
                ParamSpec::number("rate", "Rate", 0.01, 50, 1, "Hz", "Cycles a second (sync Hz)")
                    .when("sync", {"Hz"}),
                ParamSpec::number("beats", "Cycle length", 1.0 / 64, 64, 1, "beats",
                                  "Beats one cycle lasts (sync Beats)")
                    .when("sync", {"Beats"}),
                ParamSpec::number("phase", "Phase", 0, 1, 0, "cycles",
                                  "Where in its cycle the wave is at frame 0"),
                ParamSpec::number("pulse_width", "Pulse width", 0.01, 0.99, 0.5, "",
                                  "Square: the part of each cycle spent high")
                    .when("shape", {"Square"}),
                ParamSpec::number("depth", "Depth", -1, 1, 1, "",
                                  "Wave amplitude (negative inverts)"),
                ParamSpec::number("offset", "Offset", -1, 1, 0, "", "Added to the scaled wave"),
            },
        .minInputs = 0,
        .maxInputs = 0,
        .inputsHelp = "none",
        .step = step,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::sig
