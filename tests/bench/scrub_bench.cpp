// entropic-scrub-bench INPUT [--seeks N] [--exact-seeks M] [--drag-seconds S] [--fresh]
//
// Random access and scrubbing on a media file through the real engine and
// the editor's own frame feed (issue 14):
//   random_seek_ms   render_frame with a scrub proxy allowed, request to reply
//                    (the frame is in the ring), N random frames;
//   random_exact_ms  the same, exact frames only (what a jump cost before
//                    proxies, and what the resting playhead costs now);
//   drag_*           the playhead dragged across the clip for S seconds, the
//                    pointer moving every 16 ms, through FrameFeed as in the
//                    viewer: frames shown a second, how far behind the pointer
//                    the shown frame was, and how long after the pointer
//                    stopped the exact frame came;
//   proxy_build_s    how long the engine took to make the proxy (0 when it
//                    was already in the cache folder; --fresh uses an empty
//                    cache folder of its own).
// The frame cache is off throughout, so every frame is rendered. JSON on stdout.
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine_call.h"
#include "event_wait.h"

#include "entropic/engine/media/media_info.h"
#include "entropic/engine/project/project.h"
#include "supervision/engine_reply.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "supervision/project_sync.h"

using namespace entropic;
using bench::runFor;
using bench::waitFor;
using nlohmann::json;

namespace {

json percentiles(std::vector<double> v) {
    if (v.empty()) return json::object();
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
    };
    return {{"n", v.size()}, {"p50", at(0.5)}, {"p99", at(0.99)}, {"max", v.back()}};
}

// A fixed sequence of frames, the same every run (not std::*_distribution,
// whose output differs between standard libraries).
std::vector<std::int64_t> randomFrames(std::int64_t count, int n) {
    std::vector<std::int64_t> out;
    std::uint64_t state = 0x5eed;
    for (int i = 0; i < n; ++i) {
        state += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        out.push_back(
            static_cast<std::int64_t>((z ^ (z >> 31)) % static_cast<std::uint64_t>(count)));
    }
    return out;
}

int usage() {
    std::cerr << "usage: entropic-scrub-bench INPUT [--seeks N] [--exact-seeks M] "
                 "[--drag-seconds S] [--fresh]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("ENTROPIC_ENGINE"))
        qputenv("ENTROPIC_ENGINE", ENTROPIC_ENGINE_PATH);
    std::string input;
    int seeks = 200, exactSeeks = 20;
    double dragSeconds = 5;
    bool fresh = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seeks" && i + 1 < argc)
            seeks = std::max(1, std::stoi(argv[++i]));
        else if (a == "--exact-seeks" && i + 1 < argc)
            exactSeeks = std::max(0, std::stoi(argv[++i]));
        else if (a == "--drag-seconds" && i + 1 < argc)
            dragSeconds = std::max(0.5, std::stod(argv[++i]));
        else if (a == "--fresh")
            fresh = true;
        else if (!a.empty() && a[0] != '-' && input.empty())
            input = a;
        else
            return usage();
    }
    if (input.empty()) return usage();
    // Before the engine starts: it finds its cache folder in the environment.
    QTemporaryDir cacheDir;
    if (fresh) qputenv("XDG_CACHE_HOME", cacheDir.path().toUtf8());
    QApplication app(argc, argv);

    json doc;
    try {
        doc = engine::projectToJson(engine::projectForMedia(input, engine::probeMedia(input)));
    } catch (const std::exception& e) {
        std::cout << json{{"error", e.what()}}.dump(2) << std::endl;
        return 1;
    }
    const std::string baseDir = std::filesystem::absolute(input).parent_path().string();
    const auto project = engine::parseProject(doc, baseDir);
    const std::int64_t frames = project.frameCount();

    app::EngineSupervisor engine;
    app::ProjectSync sync(&engine);
    app::FrameFeed feed(&engine);
    sync.setSource([&] {
        return app::ProjectSync::Snapshot{doc, QString::fromStdString(baseDir)};
    });
    QElapsedTimer sinceStart;
    sinceStart.start();
    engine.start();
    if (!waitFor([&] { return engine.isReady() && sync.inSync(); }, 120000)) {
        std::cout << json{{"error", "the engine did not take the project"}}.dump(2) << std::endl;
        return 1;
    }
    auto call = [&](json request, int timeoutMs = 30000) {
        return bench::callEngine(engine, std::move(request), timeoutMs);
    };
    call({{"cmd", "cache_config"}, {"budget_mb", 0}});
    feed.setScrubProxies(true); // sends proxy_config: the engine starts making the proxy

    json out;
    out["input"] = input;
    out["frames"] = frames;
    out["size"] = {project.width, project.height};
    QElapsedTimer building;
    building.start();
    json status;
    const bool made = waitFor(
        [&] {
            runFor(200);
            status = call({{"cmd", "proxy_status"}});
            const auto sources = status.value("sources", json::array());
            bool all = !sources.empty();
            for (const auto& s : sources) {
                if (s.value("state", "") == "failed") return true;
                all = all && s.value("state", "") == "ready";
            }
            return all;
        },
        3600000);
    out["proxy_build_s"] = building.elapsed() / 1000.0;
    out["proxy_status"] = status;
    if (!made) out["error"] = "the proxy was not made in an hour";

    auto timeRenders = [&](const std::vector<std::int64_t>& list, bool proxy, int* proxied) {
        std::vector<double> ms;
        for (const std::int64_t f : list) {
            QElapsedTimer t;
            t.start();
            const json reply =
                call({{"cmd", "render_frame"}, {"frame", f}, {"proxy", proxy}}, 60000);
            if (!app::replyOk(reply)) continue;
            ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
            if (proxied && reply.value("proxy", false)) ++*proxied;
        }
        return ms;
    };
    int proxied = 0;
    out["random_seek_ms"] = percentiles(timeRenders(randomFrames(frames, seeks), true, &proxied));
    out["random_seek_proxy_frames"] = proxied;
    out["random_exact_ms"] =
        percentiles(timeRenders(randomFrames(frames, exactSeeks), false, nullptr));

    // The drag: the pointer crosses the clip (its first 90 %) in dragSeconds.
    std::vector<qint64> shownFrames;
    std::vector<double> lag;
    qint64 pointer = 0;
    QString lastHash;
    bool exactShown = false;
    QObject::connect(&feed, &app::FrameFeed::frameReady,
                     [&](const QImage&, qint64 frame, const QString& hash, double) {
                         shownFrames.push_back(frame);
                         lag.push_back(static_cast<double>(std::llabs(pointer - frame)));
                         lastHash = hash;
                         exactShown = true;
                     });
    const QSize view(960, 540);
    QElapsedTimer drag;
    drag.start();
    const std::int64_t span = std::max<std::int64_t>(1, frames * 9 / 10);
    while (drag.elapsed() < static_cast<qint64>(dragSeconds * 1000)) {
        pointer = static_cast<qint64>(span * (drag.elapsed() / (dragSeconds * 1000)));
        feed.requestFrame(pointer, view);
        runFor(16);
    }
    const double dragMs = static_cast<double>(drag.elapsed());
    const std::size_t shownWhileDragging = shownFrames.size();
    const std::vector<double> dragLag = lag;
    // The pointer stops: how long until the exact frame is on screen.
    QElapsedTimer rest;
    rest.start();
    exactShown = false;
    const int proxiesBefore = feed.proxyFramesShown();
    waitFor([&] { return feed.idle() && exactShown; }, 120000);
    out["drag_updates_per_s"] = static_cast<double>(shownWhileDragging) / (dragMs / 1000.0);
    out["drag_seconds"] = dragMs / 1000.0;
    out["drag_lag_frames"] = percentiles(dragLag);
    out["drag_proxy_frames"] = proxiesBefore;
    out["rest_to_exact_ms"] = static_cast<double>(rest.elapsed());
    const json exact = call({{"cmd", "render_frame"}, {"frame", pointer}});
    out["rests_on_exact_frame"] = exact.value("hash", std::string()) == lastHash.toStdString();
    std::cout << out.dump(2) << std::endl;
    return 0;
}
