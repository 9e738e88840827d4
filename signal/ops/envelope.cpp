// mod.envelope: an ADSR fired by a gate input crossing a threshold, or by a
// beat grid of the project tempo. Retriggerable: each onset restarts the
// attack from the current level.
#include <cmath>
#include <limits>
#include <optional>

#include "dsp/adsr.h"
#include "ops/builtin.h"

namespace entropic::sig {
namespace {

using fx::ParamSpec;

enum Trigger { GateInput, BeatGrid };

AdsrSettings adsrOf(const fx::ParamValues& p) {
    return {p.number("attack_ms"), p.number("decay_ms"), p.number("sustain"),
            p.number("release_ms"), p.number("curve")};
}

struct EnvelopeState final : OperatorState {
    std::optional<dsp::Adsr> adsr;
    bool gate = false;         // gate input: open at the previous frame
    std::int64_t nextBeat = 0; // beat grid: index of the next onset
    double pendingOff = std::numeric_limits<double>::infinity();
};

std::unique_ptr<OperatorState> makeState() {
    return std::make_unique<EnvelopeState>();
}

// Beat grid: onsets at (offset + k · every) beats, each held gate_beats. Events
// between the previous frame and this one are applied at their exact times,
// in time order (a release before an onset at the same instant).
void fireBeats(EnvelopeState& s, const fx::ParamValues& p, const Timing& timing, double now) {
    if (!(timing.bpm > 0)) return;
    const double secondsPerBeat = 60.0 / timing.bpm;
    const double every = p.number("every_beats");
    const double length = p.number("gate_beats") * secondsPerBeat;
    const double offset = p.number("beat_offset");
    for (;;) {
        const double onset = (offset + static_cast<double>(s.nextBeat) * every) * secondsPerBeat;
        if (s.pendingOff <= now && s.pendingOff <= onset) {
            s.adsr->gateOff(s.pendingOff);
            s.pendingOff = std::numeric_limits<double>::infinity();
        } else if (onset <= now) {
            s.adsr->gateOn(onset);
            s.pendingOff = onset + length;
            ++s.nextBeat;
        } else {
            return;
        }
    }
}

double step(std::span<const double> inputs, const fx::ParamValues& p, OperatorState* state,
            const OperatorContext& ctx) {
    auto& s = static_cast<EnvelopeState&>(*state);
    if (!s.adsr) s.adsr.emplace(adsrOf(p));
    if (p.choice("trigger") == BeatGrid) {
        fireBeats(s, p, *ctx.timing, ctx.seconds);
    } else {
        const bool open = !inputs.empty() && inputs[0] >= p.number("threshold");
        if (open && !s.gate) s.adsr->gateOn(ctx.seconds);
        if (!open && s.gate) s.adsr->gateOff(ctx.seconds);
        s.gate = open;
    }
    return s.adsr->level(ctx.seconds);
}

std::string check(const fx::ParamValues& p, std::size_t inputs) {
    if (p.choice("trigger") == GateInput && inputs == 0)
        return "trigger \"Gate input\" needs a gate input signal";
    return {};
}

} // namespace

namespace builtin {
const OperatorDescriptor& modEnvelope() {
    static const OperatorDescriptor d{
        .id = "mod.envelope",
        .version = 1,
        .name = "Envelope",
        .category = "mod",
        .help = "ADSR envelope, 0..1, fired by a gate signal or by the beat grid",
        .params =
            {
                ParamSpec::choice("trigger", "Trigger", {"Gate input", "Beat grid"}, GateInput,
                                  "Open while the input is at or above the threshold, or on beats"),
                ParamSpec::number("threshold", "Threshold", 0, 1, 0.5, "",
                                  "Gate input: the level at which the gate opens")
                    .when("trigger", {"Gate input"}),
                ParamSpec::number("every_beats", "Every", 1.0 / 16, 64, 1, "beats",
                                  "Beat grid: beats between onsets")
                    .when("trigger", {"Beat grid"}),
                ParamSpec::number("gate_beats", "Gate length", 1.0 / 64, 64, 0.5, "beats",
                                  "Beat grid: how long each onset holds the gate")
                    .when("trigger", {"Beat grid"}),
                ParamSpec::number("beat_offset", "Offset", 0, 64, 0, "beats",
                                  "Beat grid: the first onset, in beats from frame 0")
                    .when("trigger", {"Beat grid"}),
                ParamSpec::number("attack_ms", "Attack", 0, 10000, 10, "ms", "Rise to 1"),
                ParamSpec::number("decay_ms", "Decay", 0, 10000, 200, "ms",
                                  "Fall to the sustain level"),
                ParamSpec::number("sustain", "Sustain", 0, 1, 0.6, "",
                                  "Level held while the gate is open"),
                ParamSpec::number("release_ms", "Release", 0, 20000, 300, "ms",
                                  "Fall to 0 after the gate closes"),
                ParamSpec::number(
                    "curve", "Curve", -1, 1, 0, "",
                    "0 straight; positive: each stage moves fast first; negative: slow first"),
            },
        .minInputs = 0,
        .maxInputs = 1,
        .inputsHelp = "the gate signal (trigger Gate input)",
        .makeState = makeState,
        .check = check,
        .step = step,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::sig
