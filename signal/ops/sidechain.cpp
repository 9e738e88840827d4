// mod.sidechain: an envelope follower on an audio feature series (audio.rms,
// audio.peak or audio.band sources), with attack and release in ms.
#include <algorithm>
#include <cmath>
#include <optional>

#include "dsp/smoothing.h"
#include "ops/builtin.h"

namespace entropic::sig {
namespace {

using fx::ParamSpec;

enum Detector { Peak, Rms };
enum Response { Linear, Decibels };

struct SidechainState final : OperatorState {
    std::optional<dsp::EnvelopeFollower> follower;
};

std::unique_ptr<OperatorState> makeState() {
    return std::make_unique<SidechainState>();
}

double step(std::span<const double> inputs, const fx::ParamValues& p, OperatorState* state,
            const OperatorContext& ctx) {
    auto& s = static_cast<SidechainState&>(*state);
    if (!s.follower)
        s.follower.emplace(p.number("attack_ms") / 1000.0, p.number("release_ms") / 1000.0,
                           ctx.timing->framePeriod());
    const double x = std::abs(inputs[0]) * p.number("gain");
    // RMS detection follows the mean square, so loud moments weigh more than
    // with peak detection and the result is an RMS level again.
    const double level = p.choice("detector") == Rms
                             ? std::sqrt(std::max(0.0, s.follower->step(x * x)))
                             : s.follower->step(x);
    if (p.choice("response") == Linear) return level;
    const double floorDb = p.number("floor_db");
    if (!(level > 0)) return 0.0;
    return std::clamp((20.0 * std::log10(level) - floorDb) / -floorDb, 0.0, 1.0);
}

} // namespace

namespace builtin {
const OperatorDescriptor& modSidechain() {
    static const OperatorDescriptor d{
        .id = "mod.sidechain",
        .version = 1,
        .name = "Sidechain",
        .category = "mod",
        .help = "Envelope follower on an audio level (RMS, peak or a frequency band)",
        .params =
            {
                ParamSpec::number("attack_ms", "Attack", 0, 5000, 10, "ms",
                                  "Time constant of a rise (0 follows at once)"),
                ParamSpec::number("release_ms", "Release", 0, 10000, 250, "ms",
                                  "Time constant of a fall"),
                ParamSpec::choice("detector", "Detector", {"Peak", "RMS"}, Peak,
                                  "Follow the level, or the mean square of it"),
                ParamSpec::number("gain", "Gain", 0, 100, 1, "×", "Input level multiplier"),
                ParamSpec::choice("response", "Response", {"Linear", "Decibels"}, Linear,
                                  "Output the level, or floor..0 dBFS mapped to 0..1"),
                ParamSpec::number("floor_db", "Floor", -120, -6, -60, "dB",
                                  "Decibels: the level that maps to 0")
                    .when("response", {"Decibels"}),
            },
        .minInputs = 1,
        .maxInputs = 1,
        .inputsHelp = "an audio level series (audio.rms, audio.peak, audio.band source)",
        .makeState = makeState,
        .step = step,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::sig
