// util.contrast — contrast about a pivot: values move away from (or towards)
// the pivot along a straight line of slope tan((1 + contrast)·45°), GIMP's
// brightness-contrast slope: 0 keeps the picture, -100 % flattens it to the
// pivot, +100 % becomes a hard threshold at the pivot. On R, G and B alike;
// one table per call.
#include <cmath>
#include <numbers>

#include "core/builtin.h"
#include "core/lut.h"

namespace entropic::fx {

namespace {

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    const double amount = p.number("contrast") / 100.0, pivot = p.number("pivot");
    const double slope = std::tan((1.0 + amount) * std::numbers::pi / 4.0);
    Lut lut;
    if (amount >= 1.0) { // vertical slope: a threshold
        lut = lutFrom([&](double v) { return v > pivot ? 1.0 : (v < pivot ? 0.0 : pivot); });
    } else {
        lut = lutFrom([&](double v) { return pivot + (v - pivot) * slope; });
    }
    applyLuts(in, out, lut, lut, lut, identityLut(), *ctx.rows);
}

} // namespace

namespace builtin {
const EffectDescriptor& utilContrast() {
    static const EffectDescriptor d{
        .id = "util.contrast",
        .version = 1,
        .name = "Contrast",
        .category = "util",
        .help = "Push values away from a pivot (more contrast) or towards it (less)",
        .params =
            {
                ParamSpec::number("contrast", "Contrast", -100, 100, 15, "%",
                                  "-100 % is flat grey at the pivot, +100 % a hard threshold"),
                ParamSpec::number(
                    "pivot", "Pivot", 0, 1, 0.5, "",
                    "The value that stays put: lower keeps shadows, higher keeps highlights"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
