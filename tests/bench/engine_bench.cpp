// Engine benchmarks (make bench): export against the ffmpeg CLI doing the same
// work in the same run, ping round trips idle and during an export, and
// render_frame latency at 1080p. Prints one JSON object.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/ipc/engine_client.h"
#include "test_support.h"

using namespace entropic;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

json percentiles(std::vector<double> v) {
    if (v.empty()) return {{"n", 0}};
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
    };
    return {{"n", v.size()}, {"p50_ms", at(0.50)}, {"p99_ms", at(0.99)}, {"max_ms", v.back()}};
}

double timeRun(const std::vector<std::string>& argv) {
    const auto t = Clock::now();
    const auto r = test::runProgram(argv);
    if (r.exitCode != 0) throw std::runtime_error(argv[0] + " failed: " + r.out);
    return msSince(t) / 1000.0;
}

json exportAgainstFfmpeg(const std::string& media, const std::filesystem::path& dir, int rounds) {
    const std::string ours = (dir / "ours.mp4").string(), theirs = (dir / "ffmpeg.mp4").string();
    std::vector<double> oursS, theirsS;
    for (int i = 0; i < rounds; ++i) {
        // Same work: decode, convert to RGBA and back, libx264 veryfast CRF 18, AAC.
        oursS.push_back(timeRun({test::builtProgram("engine/entropic-render"), media, "-o", ours,
                                 "--quiet", "--crf", "18", "--x264-preset", "veryfast"}));
        theirsS.push_back(timeRun({"/usr/bin/ffmpeg",
                                   "-v",
                                   "error",
                                   "-nostdin",
                                   "-y",
                                   "-i",
                                   media,
                                   "-vf",
                                   "format=rgba,format=yuv420p",
                                   "-c:v",
                                   "libx264",
                                   "-preset",
                                   "veryfast",
                                   "-crf",
                                   "18",
                                   "-c:a",
                                   "aac",
                                   "-ar",
                                   "48000",
                                   "-ac",
                                   "2",
                                   theirs}));
    }
    const double o = *std::min_element(oursS.begin(), oursS.end());
    const double t = *std::min_element(theirsS.begin(), theirsS.end());
    return {{"entropic_s", o},
            {"ffmpeg_s", t},
            {"ratio", o / t},
            {"rounds", rounds},
            {"target_ratio", 1.10}};
}

json loadClip(ipc::EngineClient& client, const std::string& media, int width, int height,
              std::int64_t frames) {
    const json project = test::clipProjectJson(media, frames, json::array(), width, height);
    return client.request({{"cmd", "load_project"}, {"project", project}}, 30000);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: entropic-engine-bench MEDIA [--rounds N] [--export-only]\n");
        return 2;
    }
    const std::string media = std::filesystem::absolute(argv[1]).string();
    int rounds = 2;
    bool exportOnly = false; // a 4K clip: the export at its own size, no 1080p figures
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--rounds" && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
        if (a == "--export-only") exportOnly = true;
    }
    const auto dir = test::scratchDir("bench-engine");
    json out;
    try {
        // At the clip's own size (entropic-render makes the project from it).
        out["export_empty_chain"] = exportAgainstFfmpeg(media, dir, rounds);
        if (exportOnly) {
            std::cout << out.dump(2) << std::endl;
            return 0;
        }

        test::EngineProcess engine;
        ipc::EngineClient client(engine.endpoint(), 30000);
        const json loaded = loadClip(client, media, 1920, 1080, 300);
        if (!loaded.value("ok", false)) throw std::runtime_error("load_project: " + loaded.dump());

        std::vector<double> idle;
        for (int i = 0; i < 2000; ++i) {
            const auto t = Clock::now();
            client.request({{"cmd", "ping"}});
            idle.push_back(msSince(t));
        }
        out["ping_idle"] = percentiles(idle);

        std::vector<double> render;
        client.request({{"cmd", "render_frame"}, {"frame", 0}}); // opens the decoder
        for (int i = 0; i < 60; ++i) {
            const auto t = Clock::now();
            const json r = client.request({{"cmd", "render_frame"}, {"frame", (i * 37) % 300}});
            if (!r.value("ok", false)) throw std::runtime_error("render_frame: " + r.dump());
            render.push_back(msSince(t));
        }
        out["render_frame_1080p_random"] = percentiles(render);
        std::vector<double> sequential;
        for (int i = 0; i < 60; ++i) {
            const auto t = Clock::now();
            client.request({{"cmd", "render_frame"}, {"frame", 100 + i}});
            sequential.push_back(msSince(t));
        }
        out["render_frame_1080p_sequential"] = percentiles(sequential);

        const std::string exported = (dir / "during.mp4").string();
        const json started = client.request({{"cmd", "export_start"}, {"path", exported}});
        if (!started.value("ok", false))
            throw std::runtime_error("export_start: " + started.dump());
        std::vector<double> busy;
        for (;;) {
            const auto t = Clock::now();
            client.request({{"cmd", "ping"}});
            busy.push_back(msSince(t));
            const json s = client.request({{"cmd", "export_status"}})["export"];
            if (s["state"] != "running") {
                out["export_via_engine"] = s;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        out["ping_during_export"] = percentiles(busy);
        client.request({{"cmd", "shutdown"}});
        engine.waitExit();
    } catch (const std::exception& e) {
        out["error"] = e.what();
        std::cout << out.dump(2) << std::endl;
        return 1;
    }
    std::cout << out.dump(2) << std::endl;
    return 0;
}
