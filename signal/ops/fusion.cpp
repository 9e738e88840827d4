// op.fusion: many signals into one — weighted average, max, min or product.
#include <algorithm>
#include <array>
#include <string>

#include "ops/builtin.h"

namespace entropic::sig {
namespace {

using fx::ParamSpec;

enum Mode { WeightedAverage, Max, Min, Product };
constexpr int kMaxInputs = 8;
constexpr std::array<const char*, kMaxInputs> kWeightKeys{
    "weight_1", "weight_2", "weight_3", "weight_4", "weight_5", "weight_6", "weight_7", "weight_8"};

double step(std::span<const double> in, const fx::ParamValues& p, OperatorState*,
            const OperatorContext&) {
    switch (p.choice("mode")) {
    case WeightedAverage: {
        double sum = 0, weights = 0;
        for (std::size_t i = 0; i < in.size(); ++i) {
            const double w = p.number(kWeightKeys[i]);
            sum += w * in[i];
            weights += w;
        }
        return weights > 0 ? sum / weights : 0.0;
    }
    case Max:
        return *std::max_element(in.begin(), in.end());
    case Min:
        return *std::min_element(in.begin(), in.end());
    case Product: {
        double product = 1;
        for (double v : in)
            product *= v;
        return product;
    }
    }
    return 0.0;
}

std::vector<ParamSpec> params() {
    std::vector<ParamSpec> specs{
        ParamSpec::choice("mode", "Mode", {"Weighted average", "Max", "Min", "Product"},
                          WeightedAverage, "How the inputs combine (weights: average only)"),
    };
    for (int i = 0; i < kMaxInputs; ++i)
        specs.push_back(ParamSpec::number(kWeightKeys[static_cast<std::size_t>(i)],
                                          "Weight " + std::to_string(i + 1), 0, 10, 1, "",
                                          "Weight of input " + std::to_string(i + 1))
                            .when("mode", {"Weighted average"}));
    return specs;
}

} // namespace

namespace builtin {
const OperatorDescriptor& opFusion() {
    static const OperatorDescriptor d{
        .id = "op.fusion",
        .version = 1,
        .name = "Fusion",
        .category = "op",
        .help = "Blend up to 8 signals: weighted average, max, min or product",
        .params = params(),
        .minInputs = 1,
        .maxInputs = kMaxInputs,
        .inputsHelp = "1 to 8 signals",
        .step = step,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::sig
