// op.math: arithmetic on one or two signals. Binary operations take their
// second operand from the second input, or from "value" when there is none;
// unary ones ignore a second input.
#include <algorithm>
#include <cmath>

#include "dsp/curve.h"
#include "ops/builtin.h"

namespace entropic::sig {
namespace {

using fx::ParamSpec;

enum Operation { Add, Subtract, Multiply, Min, Max, Abs, Clamp, MapRange, Curve };

double step(std::span<const double> in, const fx::ParamValues& p, OperatorState*,
            const OperatorContext&) {
    const double a = in[0];
    const double b = in.size() > 1 ? in[1] : p.number("value");
    switch (p.choice("operation")) {
    case Add:
        return a + b;
    case Subtract:
        return a - b;
    case Multiply:
        return a * b;
    case Min:
        return std::min(a, b);
    case Max:
        return std::max(a, b);
    case Abs:
        return std::abs(a);
    case Clamp: {
        const double lo = p.number("low");
        const double hi = p.number("high");
        return std::clamp(a, std::min(lo, hi), std::max(lo, hi));
    }
    case MapRange: {
        const double inLo = p.number("in_low");
        const double inHi = p.number("in_high");
        const double outLo = p.number("out_low");
        if (inHi == inLo) return outLo;
        return outLo + (a - inLo) / (inHi - inLo) * (p.number("out_high") - outLo);
    }
    case Curve:
        return dsp::shapeCurve(std::clamp(a, 0.0, 1.0), dsp::curveExponent(p.number("curve")));
    }
    return 0.0;
}

} // namespace

namespace builtin {
const OperatorDescriptor& opMath() {
    static const OperatorDescriptor d{
        .id = "op.math",
        .version = 1,
        .name = "Math",
        .category = "op",
        .help = "Add, subtract, multiply, min, max, abs, clamp, map range or curve",
        .params =
            {
                ParamSpec::choice("operation", "Operation",
                                  {"Add", "Subtract", "Multiply", "Min", "Max", "Abs", "Clamp",
                                   "Map range", "Curve"},
                                  Add, "What to compute from input a (and b)"),
                ParamSpec::number("value", "Value", -1000, 1000, 0, "",
                                  "Operand b when there is no second input")
                    .when("operation", {"Add", "Subtract", "Multiply", "Min", "Max"}),
                ParamSpec::number("low", "Low", -1000, 1000, 0, "", "Clamp: lower bound")
                    .when("operation", {"Clamp"}),
                ParamSpec::number("high", "High", -1000, 1000, 1, "", "Clamp: upper bound")
                    .when("operation", {"Clamp"}),
                ParamSpec::number("in_low", "In low", -1000, 1000, 0, "",
                                  "Map range: maps to out low")
                    .when("operation", {"Map range"}),
                ParamSpec::number("in_high", "In high", -1000, 1000, 1, "",
                                  "Map range: maps to out high")
                    .when("operation", {"Map range"}),
                ParamSpec::number("out_low", "Out low", -1000, 1000, 0, "",
                                  "Map range: output at in low")
                    .when("operation", {"Map range"}),
                ParamSpec::number("out_high", "Out high", -1000, 1000, 1, "",
                                  "Map range: output at in high")
                    .when("operation", {"Map range"}),
                ParamSpec::number("curve", "Curve", -1, 1, 0, "",
                                  "Curve: a (clamped to 0..1) to the power 4^−curve")
                    .when("operation", {"Curve"}),
            },
        .minInputs = 1,
        .maxInputs = 2,
        .inputsHelp = "a, and optionally b",
        .step = step,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::sig
