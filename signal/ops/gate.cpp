// op.gate: 1 while the input is high, 0 otherwise, with hysteresis so a
// signal hovering at the threshold does not chatter.
#include <optional>

#include "dsp/smoothing.h"
#include "ops/builtin.h"

namespace entropic::sig {
namespace {

using fx::ParamSpec;

struct GateState final : OperatorState {
    std::optional<dsp::HysteresisGate> gate;
};

std::unique_ptr<OperatorState> makeState() {
    return std::make_unique<GateState>();
}

double step(std::span<const double> inputs, const fx::ParamValues& p, OperatorState* state,
            const OperatorContext&) {
    auto& s = static_cast<GateState&>(*state);
    if (!s.gate) {
        const double t = p.number("threshold");
        const double h = p.number("hysteresis") / 2;
        s.gate.emplace(t + h, t - h);
    }
    return s.gate->step(inputs[0]) ? 1.0 : 0.0;
}

} // namespace

namespace builtin {
const OperatorDescriptor& opGate() {
    static const OperatorDescriptor d{
        .id = "op.gate",
        .version = 1,
        .name = "Gate",
        .category = "op",
        .help = "1 while the input is above a threshold, else 0 (with hysteresis)",
        .params =
            {
                ParamSpec::number("threshold", "Threshold", 0, 1, 0.5, "",
                                  "Centre of the hysteresis band"),
                ParamSpec::number("hysteresis", "Hysteresis", 0, 1, 0.1, "",
                                  "Opens at threshold + h/2, closes below threshold − h/2"),
            },
        .minInputs = 1,
        .maxInputs = 1,
        .inputsHelp = "the signal to gate",
        .makeState = makeState,
        .step = step,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::sig
