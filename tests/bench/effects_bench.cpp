// Effects benchmark (make bench): ms per 1920×1080 frame for each registered
// effect at its default parameters, through applyEffect (container included,
// mix 1, no mask), on 1 and on 2 threads. Rows are split into contiguous bands
// as the engine's ThreadRows does. Prints one JSON object.
//
//   entropic-effects-bench [--frames N] [--size WxH] [EFFECT_ID...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/effects/container.h"
#include "entropic/effects/registry.h"
#include "support.h" // tests/effects: the natural-looking test picture
#include "two_band_rows.h"

using namespace entropic::fx;
using entropic::bench::TwoBandRows;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

json timeEffect(const EffectDescriptor& d, const Frame& in, int frames, const RowRunner& rows) {
    EffectInstance instance;
    instance.descriptor = &d;
    instance.instanceId = "bench";
    instance.params = ParamValues(d.params);
    auto state = d.makeState ? d.makeState() : nullptr;
    Frame out(in.width(), in.height());
    std::vector<double> ms;
    for (int k = 0; k < frames; ++k) {
        CallInfo call;
        call.projectId = "bench";
        call.frameIndex = k;
        call.rows = &rows;
        const auto t = Clock::now();
        applyEffect(instance, in.view(), out.view(), state.get(), call);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    }
    std::sort(ms.begin(), ms.end());
    return {{"best_ms", ms.front()}, {"p50_ms", ms[ms.size() / 2]}};
}

} // namespace

int main(int argc, char** argv) {
    int frames = 30, width = 1920, height = 1080;
    std::vector<std::string> ids;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc)
            frames = std::max(1, std::atoi(argv[++i]));
        else if (a == "--size" && i + 1 < argc)
            std::sscanf(argv[++i], "%dx%d", &width, &height);
        else
            ids.push_back(a);
    }
    const Frame in = test::naturalFrame(width, height);
    const TwoBandRows two;
    json report = {{"size", std::to_string(width) + "x" + std::to_string(height)},
                   {"frames", frames},
                   {"effects", json::object()}};
    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        if (!ids.empty() && std::find(ids.begin(), ids.end(), d->id) == ids.end()) continue;
        if (EffectRegistry::builtin().find(d->id) != d) continue; // newest version only
        report["effects"][d->id] = {{"threads_1", timeEffect(*d, in, frames, serialRows())},
                                    {"threads_2", timeEffect(*d, in, frames, two)}};
        std::fprintf(stderr, "%s done\n", d->id.c_str());
    }
    std::printf("%s\n", report.dump(2).c_str());
}
