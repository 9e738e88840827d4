// Our tools against FFmpeg's filters, side by side in one run (make bench):
// the same natural-looking 1920×1080 frame through our effect (applyEffect,
// two row bands) and through the matching libavfilter graph in this process
// (nb_threads 2), at the settings tests/effects/test_ffmpeg_compare.cpp
// checks for equal output where it has them. FFmpeg is timed twice: RGBA in
// and RGBA out, converting to and from the filter's own pixel format as it
// must for an RGBA pipeline like ours (the headline), and on a frame already
// in that format (the filter alone). Rounds alternate between the three so
// that a busy machine slows each alike. Prints one JSON object.
//
//   entropic-ffmpeg-compare-bench [--frames N] [--size WxH] [PAIR...]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
}

#include "entropic/effects/container.h"
#include "entropic/effects/registry.h"
#include "filter_graph.h"
#include "support.h" // tests/effects: the natural-looking test picture
#include "two_band_rows.h"

using namespace entropic::fx;
using entropic::bench::FilterGraph;
using entropic::bench::TwoBandRows;
using json = nlohmann::ordered_json; // keys in the order written: ours, ffmpeg, ratio
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kThreads = 2;

// BT.709 full range both ways, the matrix our video-model tools use (as in
// test_ffmpeg_compare.cpp), the scaler offered the graph's threads.
const std::string kThreadsOpt = ":threads=" + std::to_string(kThreads);
const std::string kToYuv444 =
    "scale=out_color_matrix=bt709:out_range=full" + kThreadsOpt + ",format=yuv444p";
const std::string kFromYuv444 =
    "scale=in_color_matrix=bt709:in_range=full" + kThreadsOpt + ",format=rgba";

struct Pair {
    const char* name;
    const char* effect;
    std::vector<std::pair<const char*, double>> ours;
    std::string filter;     // on the filter's own pixel format
    AVPixelFormat native;   // that format
    std::string toNative;   // from RGBA ("" when the filter takes RGBA)
    std::string fromNative; // back to RGBA
    bool sameOutput = true; // the two should agree (noise draws differ; edges differ by design)
};

// The mappings of docs/effects.md ("Checked against FFmpeg") where they exist.
std::vector<Pair> pairs() {
    return {
        // σ 6 (our default); steps=6 is gblur's most accurate, the compare test's setting.
        {"blur",
         "util.blur",
         {{"mode", 0}, {"radius", 6}},
         "gblur=sigma=6:steps=6",
         AV_PIX_FMT_GBRAP,
         "format=gbrap",
         "format=rgba"},
        // unsharp's 9-tap binomial blur has variance 2: our radius σ = √2; luma only.
        {"sharpen",
         "util.sharpen",
         {{"amount", 0.6}, {"radius", std::sqrt(2.0)}, {"threshold", 0}, {"mode", 0}},
         "unsharp=lx=9:ly=9:la=0.6:cx=9:cy=9:ca=0",
         AV_PIX_FMT_YUV444P,
         kToYuv444,
         kFromYuv444},
        // Per-pixel grain (size 1: noise has no grain size), one value per
        // channel, changing every frame. noise's gaussian has σ = strength/√3:
        // 27 ≈ our amount 0.12 (σ 0.12·128 ≈ 15 levels). Alpha untouched.
        {"noise",
         "fx.noise",
         {{"amount", 0.12}, {"mode", 1}, {"size", 1}},
         "noise=c0s=27:c1s=27:c2s=27:c0f=t:c1f=t:c2f=t",
         AV_PIX_FMT_GBRAP,
         "format=gbrap",
         "format=rgba",
         false},
        // colorlevels has no gamma: ours at gamma 1, our default black and white points.
        {"levels",
         "util.levels",
         {{"in_black", 0.06}, {"in_white", 0.94}, {"gamma", 1}},
         "colorlevels=rimin=0.06:gimin=0.06:bimin=0.06:rimax=0.94:gimax=0.94:bimax=0.94",
         AV_PIX_FMT_RGBA,
         "",
         ""},
        // The video model rotates Cb/Cr as hue does (compare test: 50.4 dB at 40°).
        {"hue",
         "util.hsl_adjust",
         {{"model", 1}, {"hue", 40}, {"saturation", 0}},
         "hue=h=40:s=1",
         AV_PIX_FMT_YUV444P,
         kToYuv444,
         kFromYuv444},
        // Not the same algorithm: edgedetect is Canny (gaussian, Sobel, thinning,
        // hysteresis) on grey; ours Sobel on luma with a threshold. Both draw
        // edges alone, white on black.
        {"edges",
         "fx.edges",
         {{"mode", 2}, {"threshold", 0.03}, {"gain", 6}},
         "edgedetect=mode=wires",
         AV_PIX_FMT_GRAY8,
         "format=gray",
         "format=rgba",
         false},
    };
}

std::string join(const std::string& a, const std::string& b, const std::string& c) {
    std::string s = a;
    for (const std::string* part : {&b, &c})
        if (!part->empty()) s += (s.empty() ? "" : ",") + *part;
    return s;
}

// An RGBA AVFrame holding `f`'s pixels.
AVFrame* toAvFrame(const Frame& f) {
    AVFrame* av = av_frame_alloc();
    if (!av) throw std::bad_alloc();
    av->format = AV_PIX_FMT_RGBA;
    av->width = f.width();
    av->height = f.height();
    if (av_frame_get_buffer(av, 0) < 0) throw std::bad_alloc();
    for (int y = 0; y < f.height(); ++y)
        std::memcpy(av->data[0] + static_cast<std::ptrdiff_t>(y) * av->linesize[0], f.view().row(y),
                    static_cast<std::size_t>(f.width()) * 4);
    return av;
}

struct Timings {
    std::vector<double> ms;
    void add(const std::function<void()>& work) {
        const auto t = Clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    }
    // The median, so that a stall from another process on this shared machine
    // does not move the figure; the best frame beside it.
    json report() {
        std::sort(ms.begin(), ms.end());
        const double p50 = ms[ms.size() / 2];
        return {{"ms_per_frame", p50}, {"best_ms", ms.front()}, {"fps", 1000.0 / p50}};
    }
};

// PSNR of our last output against one more run of the RGBA graph: evidence
// that the two are timed at matching settings.
double psnrAgainst(const Frame& ours, const std::function<void()>& ffmpegRgba, AVFrame* result) {
    ffmpegRgba();
    if (result->format != AV_PIX_FMT_RGBA || result->width != ours.width() ||
        result->height != ours.height())
        throw std::runtime_error("the RGBA graph did not give an RGBA frame of the input's size");
    const ConstFrameView theirs{result->data[0], result->width, result->height,
                                result->linesize[0]};
    return test::psnr(ours.view(), theirs);
}

json runPair(const Pair& pair, const Frame& picture, int frames) {
    const EffectDescriptor* d = EffectRegistry::builtin().find(pair.effect);
    if (!d) throw std::runtime_error(std::string("no effect ") + pair.effect);
    EffectInstance instance;
    instance.descriptor = d;
    instance.instanceId = "bench";
    instance.params = ParamValues(d->params);
    for (const auto& [key, value] : pair.ours)
        instance.params.setNumber(key, value);
    // White edges, as edgedetect draws its wires (a colour is not a number).
    if (pair.name == std::string("edges")) instance.params.set("color", {1, 1, 1, 1});
    auto state = d->makeState ? d->makeState() : nullptr;
    Frame out(picture.width(), picture.height());
    const TwoBandRows rows;
    std::int64_t frameIndex = 0;
    const std::function<void()> ours = [&] {
        CallInfo call;
        call.projectId = "bench";
        call.frameIndex = frameIndex++; // seeded effects draw new values each frame
        call.rows = &rows;
        applyEffect(instance, picture.view(), out.view(), state.get(), call);
    };

    AVFrame* rgba = toAvFrame(picture);
    AVFrame* native = av_frame_alloc();
    AVFrame* result = av_frame_alloc();
    const int w = picture.width(), h = picture.height();
    FilterGraph headline(w, h, AV_PIX_FMT_RGBA, join(pair.toNative, pair.filter, pair.fromNative),
                         kThreads);
    if (pair.toNative.empty()) {
        av_frame_ref(native, rgba);
    } else {
        FilterGraph convert(w, h, AV_PIX_FMT_RGBA, pair.toNative, kThreads);
        convert.run(rgba, native);
    }
    FilterGraph alone(w, h, pair.native, pair.filter, kThreads);
    std::int64_t pts = 0;
    auto theirs = [&](FilterGraph& graph, AVFrame* in) -> std::function<void()> {
        return [&graph, in, result, &pts] {
            in->pts = pts++;
            graph.run(in, result);
        };
    };
    const std::function<void()> ffmpegRgba = theirs(headline, rgba);
    const std::function<void()> ffmpegNative = theirs(alone, native);

    for (int k = 0; k < 3; ++k) { // warm up: caches, lazily built tables, the worker thread
        ours();
        ffmpegRgba();
        ffmpegNative();
    }
    Timings tOurs, tRgba, tNative;
    constexpr int kRounds = 3;
    const std::pair<Timings*, const std::function<void()>*> runs[] = {
        {&tOurs, &ours}, {&tRgba, &ffmpegRgba}, {&tNative, &ffmpegNative}};
    for (int round = 0; round < kRounds; ++round)
        for (const auto& [timings, work] : runs)
            for (int k = 0; k < (frames + kRounds - 1) / kRounds; ++k)
                timings->add(*work);

    json settings = json::object();
    for (const auto& [key, value] : pair.ours)
        settings[key] = value;
    json report = {
        {"ours", tOurs.report()}, {"ffmpeg", tRgba.report()}, {"ffmpeg_native", tNative.report()}};
    report["ours"]["effect"] = pair.effect;
    report["ours"]["settings"] = settings;
    report["ffmpeg"]["graph"] = "rgba -> " + headline.filters() + " -> rgba";
    report["ffmpeg_native"]["graph"] =
        std::string(av_get_pix_fmt_name(pair.native)) + " -> " + pair.filter;
    report["ratio"] = report["ours"]["fps"].get<double>() / report["ffmpeg"]["fps"].get<double>();
    report["ratio_native"] =
        report["ours"]["fps"].get<double>() / report["ffmpeg_native"]["fps"].get<double>();
    if (pair.sameOutput) report["psnr_db"] = psnrAgainst(out, ffmpegRgba, result);
    av_frame_free(&result);
    av_frame_free(&native);
    av_frame_free(&rgba);
    return report;
}

} // namespace

int main(int argc, char** argv) {
    int frames = 30, width = 1920, height = 1080;
    std::vector<std::string> names;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc)
            frames = std::max(3, std::atoi(argv[++i]));
        else if (a == "--size" && i + 1 < argc)
            std::sscanf(argv[++i], "%dx%d", &width, &height);
        else
            names.push_back(a);
    }
    const Frame picture = test::naturalFrame(width, height);
    json report = {{"size", std::to_string(width) + "x" + std::to_string(height)},
                   {"threads", kThreads},
                   {"frames", frames},
                   {"ratio_is", "ours fps / ffmpeg fps (RGBA in and out); ratio_native: against "
                                "the filter alone on its own pixel format"},
                   {"pairs", json::object()}};
    try {
        for (const Pair& pair : pairs()) {
            if (!names.empty() && std::find(names.begin(), names.end(), pair.name) == names.end())
                continue;
            report["pairs"][pair.name] = runPair(pair, picture, frames);
            std::fprintf(stderr, "%s done\n", pair.name);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "entropic-ffmpeg-compare-bench: %s\n", e.what());
        return 1;
    }
    std::printf("%s\n", report.dump(2).c_str());
}
