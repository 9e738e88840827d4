// Signal benchmark (make bench): the cost of 64 modulation routes per frame,
// audio analysis speed as a multiple of real time (stereo 48 kHz), video
// analysis frames a second at the analysis resolution. Prints one JSON object.
// Each figure is the best of a few repeats (the machine is shared).
//
//   entropic-signal-bench [--frames N] [--audio-seconds S] [--video-size WxH]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numbers>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/effects/rng.h"
#include "entropic/signal/audio_features.h"
#include "entropic/signal/evaluator.h"
#include "entropic/signal/resolve.h"
#include "entropic/signal/video_features.h"

using namespace entropic::sig;
using entropic::fx::ParamSpec;
using entropic::fx::ParamValues;
using entropic::fx::Rng;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kEffects = 16;
constexpr int kRoutes = 64;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

const std::vector<ParamSpec>& effectParams() {
    static const std::vector<ParamSpec> s{
        ParamSpec::number("amount", "Amount", 0, 1, 0.5, "", ""),
        ParamSpec::number("size", "Size", 0, 500, 20, "px", ""),
        ParamSpec::integer("steps", "Steps", 1, 64, 8, "", ""),
        ParamSpec::number("angle", "Angle", -180, 180, 0, "°", ""),
        ParamSpec::point("centre", "Centre", {0.5, 0.5}, 0, 1, ""),
        ParamSpec::choice("mode", "Mode", {"A", "B", "C"}, 0, ""),
    };
    return s;
}

OperatorSpec op(std::string id, std::string type, std::vector<std::string> inputs,
                std::map<std::string, double> params) {
    OperatorSpec o;
    o.id = std::move(id);
    o.op = std::move(type);
    o.inputs = std::move(inputs);
    o.params = std::move(params);
    return o;
}

// A busy project: 3 sources, 16 operators of every kind, 64 routes with a mix
// of processing into 16 effect instances, 16 automation lanes.
SignalGraphSpec busySpec() {
    SignalGraphSpec spec;
    spec.sources = {
        {.id = "rms", .kind = SourceKind::AudioRms},
        {.id = "kick", .kind = SourceKind::AudioBand, .bandLowHz = 40, .bandHighHz = 120},
        {.id = "luma", .kind = SourceKind::VideoLuma}};
    for (int i = 0; i < 6; ++i)
        spec.operators.push_back(
            op("lfo" + std::to_string(i), "mod.lfo", {}, {{"shape", i % 7}, {"rate", 0.3 + i}}));
    spec.operators.push_back(op("side", "mod.sidechain", {"rms"}, {{"detector", 1}}));
    spec.operators.push_back(op("kickside", "mod.sidechain", {"kick"}, {{"response", 1}}));
    spec.operators.push_back(op("gate", "op.gate", {"kickside"}, {}));
    spec.operators.push_back(op("env", "mod.envelope", {"gate"}, {}));
    spec.operators.push_back(
        op("beat", "mod.envelope", {}, {{"trigger", 1}, {"every_beats", 0.5}}));
    spec.operators.push_back(op("beat2", "mod.envelope", {}, {{"trigger", 1}, {"every_beats", 4}}));
    spec.operators.push_back(op("mix", "op.fusion", {"lfo0", "side", "env", "beat"}, {}));
    spec.operators.push_back(op("peak", "op.fusion", {"lfo1", "lfo2", "beat2"}, {{"mode", 1}}));
    spec.operators.push_back(op("prod", "op.math", {"lfo3", "luma"}, {{"operation", 2}}));
    spec.operators.push_back(op("curve", "op.math", {"prod"}, {{"operation", 8}, {"curve", 0.5}}));
    const std::vector<std::string> signals{"lfo0",     "lfo1",  "lfo2", "lfo3", "lfo4", "lfo5",
                                           "side",     "env",   "beat", "mix",  "peak", "curve",
                                           "kickside", "beat2", "prod", "gate"};
    const auto& params = effectParams();
    for (int i = 0; i < kRoutes; ++i) {
        RouteSpec r;
        r.id = "r" + std::to_string(i);
        r.signal = signals[static_cast<std::size_t>(i) % signals.size()];
        const auto& param = params[static_cast<std::size_t>(i / kEffects) % 5];
        r.target = {"fx" + std::to_string(i % kEffects), param.key,
                    param.components() > 1 ? i % 2 : 0};
        r.depth = 0.5 - (i % 3) * 0.4;
        r.polarity = i % 2 ? Polarity::Bipolar : Polarity::Unipolar;
        switch (i % 4) {
        case 0:
            r.processing.threshold = 0.4;
            r.processing.adsr = AdsrSettings{};
            break;
        case 1:
            r.processing.slewRiseMs = 30;
            r.processing.slewFallMs = 250;
            break;
        case 2:
            r.processing.smoothMs = 80;
            r.processing.quantize = 6;
            break;
        default:
            r.processing.invert = true;
            r.processing.scale = 0.8;
            break;
        }
        spec.routes.push_back(r);
    }
    for (int i = 0; i < kEffects; ++i) {
        AutomationLane lane;
        lane.target = {"fx" + std::to_string(i), "angle", 0};
        for (int k = 0; k < 40; ++k)
            lane.keys.push_back({k * 450, (k % 5) * 30.0 - 60, static_cast<Interpolation>(k % 5)});
        spec.lanes.push_back(lane);
    }
    return spec;
}

json benchRoutes(std::int64_t frames) {
    ParamCatalog catalog;
    for (int i = 0; i < kEffects; ++i)
        catalog.push_back({"fx" + std::to_string(i), effectParams()});
    const auto graph =
        std::make_shared<const SignalGraph>(compileGraph(busySpec(), catalog, {"bench"}));
    Rng rng(1);
    std::vector<Series> data(3, Series(static_cast<std::size_t>(frames)));
    for (auto& s : data)
        for (double& v : s)
            v = rng.uniform();
    std::vector<SeriesView> views(data.begin(), data.end());
    const Timing timing{30, 1, 128};

    double bestPlay = 1e9, worstFrame = 0, bestWhole = 1e9, bestResolve = 1e9;
    double checksum = 0;
    for (int repeat = 0; repeat < 3; ++repeat) {
        // Playback: each frame extends the evaluator by one frame and resolves
        // every parameter of every instance (what the render loop does).
        SignalEvaluator play(graph, timing);
        play.reserve(frames); // the timeline length, as the engine does
        std::vector<ParamValues> values(kEffects, ParamValues(effectParams()));
        double worst = 0;
        const auto t0 = Clock::now();
        for (std::int64_t n = 0; n < frames; ++n) {
            const auto f0 = Clock::now();
            play.extendTo(n + 1, views);
            for (std::size_t e = 0; e < kEffects; ++e) {
                values[e] = ParamValues(effectParams());
                resolveParams(play, e, n, values[e]);
            }
            worst = std::max(worst, msSince(f0));
        }
        const double playMs = msSince(t0);
        for (const auto& v : values)
            checksum += v.number("amount");
        if (playMs < bestPlay) {
            bestPlay = playMs;
            worstFrame = worst;
        }
        // A cold seek to the last frame: the whole timeline from frame 0.
        SignalEvaluator whole(graph, timing);
        const auto t1 = Clock::now();
        whole.extendTo(frames, views);
        bestWhole = std::min(bestWhole, msSince(t1));
        // Resolution alone, from the cached series (a seek inside the cache).
        const auto t2 = Clock::now();
        for (std::int64_t n = 0; n < frames; ++n)
            for (std::size_t e = 0; e < kEffects; ++e) {
                values[e] = ParamValues(effectParams());
                resolveParams(whole, e, n, values[e]);
            }
        bestResolve = std::min(bestResolve, msSince(t2));
    }
    const double perFrame = bestPlay / static_cast<double>(frames);
    return {{"routes", kRoutes},
            {"operators", graph->nodes().size() - graph->sources().size()},
            {"effect_instances", kEffects},
            {"automation_lanes", kEffects},
            {"frames", frames},
            {"ms_per_frame", perFrame},
            {"worst_frame_ms", worstFrame},
            {"target_ms_per_frame", 0.5},
            {"meets_target", perFrame < 0.5},
            {"resolve_only_ms_per_frame", bestResolve / static_cast<double>(frames)},
            {"cold_seek_to_last_frame_ms", bestWhole},
            {"checksum", checksum}};
}

json benchAudio(double seconds) {
    const int rate = 48000;
    const auto samples = static_cast<std::size_t>(seconds * rate);
    std::vector<float> audio(samples * 2);
    Rng rng(2);
    for (std::size_t i = 0; i < samples; ++i) {
        const double t = static_cast<double>(i) / rate;
        const double kick = std::fmod(t, 0.5) < 0.08 ? std::sin(2 * std::numbers::pi * 60 * t) : 0;
        const double hat = (rng.uniform() - 0.5) * 0.2;
        audio[2 * i] =
            static_cast<float>(0.5 * kick + hat + 0.2 * std::sin(2 * std::numbers::pi * 440 * t));
        audio[2 * i + 1] =
            static_cast<float>(0.5 * kick - hat + 0.2 * std::sin(2 * std::numbers::pi * 660 * t));
    }
    AudioAnalysisSettings settings;
    settings.bands = {{40, 120}, {200, 800}, {891, 1122}, {4000, 12000}};
    double best = 1e9;
    std::size_t frames = 0;
    for (int repeat = 0; repeat < 3; ++repeat) {
        const auto t0 = Clock::now();
        AudioAnalyzer analyzer(settings);
        for (std::size_t at = 0; at < audio.size(); at += 8192) // 4096 stereo sample frames a chunk
            analyzer.push(std::span<const float>(audio.data() + at,
                                                 std::min<std::size_t>(8192, audio.size() - at)));
        analyzer.finish();
        best = std::min(best, msSince(t0));
        frames = analyzer.features().frames();
    }
    const double realtime = seconds * 1000.0 / best;
    return {{"seconds", seconds},
            {"sample_rate", rate},
            {"channels", 2},
            {"fft_size", settings.fftSize},
            {"bands", settings.bands.size()},
            {"frames", frames},
            {"ms", best},
            {"times_real_time", realtime},
            {"target_times_real_time", 200},
            {"meets_target", realtime > 200}};
}

json benchVideo(int width, int height, int frames) {
    std::vector<entropic::fx::Frame> clip;
    Rng rng(3);
    for (int k = 0; k < 8; ++k) {
        entropic::fx::Frame f(width, height);
        for (int y = 0; y < height; ++y) {
            std::uint8_t* p = f.data() + static_cast<std::ptrdiff_t>(y) * f.stride();
            for (int x = 0; x < width; ++x, p += 4) {
                const int band = ((x + 3 * k) / 7 + y / 9) % 2;
                p[0] = static_cast<std::uint8_t>(band ? 200 : 40 + (rng.next() & 31));
                p[1] = static_cast<std::uint8_t>((x * 255) / width);
                p[2] = static_cast<std::uint8_t>((y * 255) / height);
                p[3] = 255;
            }
        }
        clip.push_back(std::move(f));
    }
    double best = 1e9, sink = 0;
    for (int repeat = 0; repeat < 3; ++repeat) {
        VideoAnalyzer analyzer;
        const auto t0 = Clock::now();
        for (int n = 0; n < frames; ++n)
            sink += analyzer.push(clip[static_cast<std::size_t>(n) % clip.size()].view()).edges;
        best = std::min(best, msSince(t0));
    }
    return {{"size", std::to_string(width) + "x" + std::to_string(height)},
            {"frames", frames},
            {"ms", best},
            {"frames_per_second", frames * 1000.0 / best},
            {"features", "luma, R, G, B, hue, saturation, Sobel edges, motion"},
            {"checksum", sink}};
}

} // namespace

int main(int argc, char** argv) {
    std::int64_t frames = 18000; // 10 minutes at 30 fps
    double audioSeconds = 60;
    int videoWidth = 160, videoHeight = 90;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--frames") && i + 1 < argc)
            frames = std::atoll(argv[++i]);
        else if (!std::strcmp(argv[i], "--audio-seconds") && i + 1 < argc)
            audioSeconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--video-size") && i + 1 < argc)
            std::sscanf(argv[++i], "%dx%d", &videoWidth, &videoHeight);
        else {
            std::fprintf(stderr, "usage: %s [--frames N] [--audio-seconds S] [--video-size WxH]\n",
                         argv[0]);
            return 2;
        }
    }
    json report;
    report["routes"] = benchRoutes(frames);
    std::fprintf(stderr, "routes done\n");
    report["audio"] = benchAudio(audioSeconds);
    std::fprintf(stderr, "audio done\n");
    report["video"] = benchVideo(videoWidth, videoHeight, 3000);
    report["video_1080p_source"] = benchVideo(1920, 1080, 30);
    std::printf("%s\n", report.dump(2).c_str());
    return 0;
}
