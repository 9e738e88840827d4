// entropic-play-bench INPUT [--seconds N] [--fx EFFECT_ID]... [--cached] [--from F]
//
// Plays INPUT (a .entropic project, or a media file: a project of that file,
// repeated along the track to last N seconds, carrying the --fx chain at its
// defaults) through the editor's own Player, FramePresenter and a real
// engine, with the silent clock, offscreen. Prints one JSON object: frames
// due, presented and dropped; the largest and mean gap between the audio
// position and the presented frame's time; the resolution tier over time;
// the ping round trip while playing; CPU seconds of the editor and the engine.
//
// Uncached by default (the engine's frame cache is set to 0 MB). --cached
// first lets the engine render the range ahead into its cache (the green
// bar), then plays it.
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "engine_call.h"
#include "event_wait.h"

#include "entropic/engine/media/media_info.h"
#include "entropic/engine/project/project.h"
#include "entropic/ipc/engine_client.h"
#include "entropic/ipc/prompt_wakeups.h"
#include "playback/player.h"
#include "playback/silent_output.h"
#include "supervision/engine_reply.h"
#include "supervision/engine_supervisor.h"
#include "supervision/project_sync.h"
#include "transport/transport.h"

using namespace entropic;
using nlohmann::json;

namespace {

// Runs the event loop for ms without spinning: the editor's CPU time is measured.
using bench::runFor;
using bench::waitFor;

// utime + stime of a process, in seconds.
double cpuSeconds(long long pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) return 0;
    const QByteArray text = stat.readAll();
    // Fields after the ")" that ends the command name: state is field 3, utime 14, stime 15.
    const QList<QByteArray> f = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (f.size() < 13) return 0;
    return (f[11].toDouble() + f[12].toDouble()) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

json percentiles(std::vector<double> v) {
    if (v.empty()) return json::object();
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
    };
    return {{"n", v.size()}, {"p50_ms", at(0.5)}, {"p99_ms", at(0.99)}, {"max_ms", v.back()}};
}

json projectFor(const std::string& input, double seconds, const std::vector<std::string>& chain) {
    if (input.size() > 9 && input.substr(input.size() - 9) == ".entropic")
        return engine::projectToJson(engine::loadProjectFile(input));
    const engine::MediaInfo info = engine::probeMedia(input);
    json doc = engine::projectToJson(engine::projectForMedia(input, info));
    json& clips = doc["tracks"][0]["clips"];
    json clip = clips[0];
    json effects = json::array();
    for (std::size_t i = 0; i < chain.size(); ++i)
        effects.push_back({{"id", "e" + std::to_string(i + 1)}, {"effect", chain[i]}});
    clip["effects"] = effects;
    const std::int64_t length = clip["out"].get<std::int64_t>() - clip["in"].get<std::int64_t>();
    const double fps = info.video->frameRate.toDouble();
    const auto wanted = static_cast<std::int64_t>(seconds * fps) + 1;
    clips = json::array();
    for (std::int64_t start = 0, n = 1; start < wanted; start += length, ++n) {
        clip["id"] = "clip" + std::to_string(n);
        clip["start"] = start;
        clips.push_back(clip);
    }
    return doc;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("ENTROPIC_ENGINE"))
        qputenv("ENTROPIC_ENGINE", ENTROPIC_ENGINE_PATH);
    QApplication app(argc, argv);
    std::string input;
    double seconds = 10;
    double from = 0;
    bool cached = false;
    std::vector<std::string> chain;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc)
            seconds = std::stod(argv[++i]);
        else if (a == "--from" && i + 1 < argc)
            from = std::stod(argv[++i]);
        else if (a == "--fx" && i + 1 < argc)
            chain.emplace_back(argv[++i]);
        else if (a == "--cached")
            cached = true;
        else if (!a.empty() && a[0] != '-' && input.empty())
            input = a;
        else {
            std::cerr << "usage: entropic-play-bench INPUT [--seconds N] [--from FRAME] [--fx "
                         "EFFECT_ID]... [--cached]\n";
            return 2;
        }
    }
    if (input.empty()) {
        std::cerr << "usage: entropic-play-bench INPUT [--seconds N] [--from FRAME] [--fx "
                     "EFFECT_ID]... [--cached]\n";
        return 2;
    }
    json doc;
    try {
        doc = projectFor(input, seconds, chain);
    } catch (const std::exception& e) {
        std::cout << json{{"error", e.what()}}.dump(2) << std::endl;
        return 1;
    }
    // Sources in the project are relative to the input's folder.
    const std::string baseDir = std::filesystem::absolute(input).parent_path().string();
    const auto project =
        std::make_shared<const engine::Project>(engine::parseProject(doc, baseDir));

    app::EngineSupervisor engine;
    app::ProjectSync sync(&engine);
    app::Transport transport;
    transport.setLastFrame(std::max<std::int64_t>(0, project->frameCount() - 1));
    // The silent clock: a steady clock paced like a device, no sound card needed.
    app::Player player(
        &engine, &transport, nullptr,
        [](const app::AudioSettings& settings, int rate, int channels, app::AudioOutput::Pull pull,
           QString* notice) -> std::unique_ptr<app::AudioOutput> {
            auto out = std::make_unique<app::SilentOutput>(QStringLiteral("benchmark"),
                                                           settings.bufferFrames);
            QString error;
            out->open(rate, channels, std::move(pull), &error);
            if (notice) *notice = QStringLiteral("playing silently (benchmark)");
            return out;
        });
    player.setLoopEnabled(false);
    player.setViewSize(QSize(960, 540)); // the viewer of a 1080p-screen editor
    sync.setSource([&] {
        return app::ProjectSync::Snapshot{doc, QString::fromStdString(baseDir)};
    });
    engine.start();
    if (!waitFor([&] { return engine.isReady() && sync.inSync(); }, 60000)) {
        std::cout << json{{"error", "the engine did not take the project"}}.dump(2) << std::endl;
        return 1;
    }
    auto call = [&](json request, int timeoutMs = 10000) {
        return bench::callEngine(engine, std::move(request), timeoutMs);
    };
    const auto firstFrame = static_cast<std::int64_t>(from);
    const auto lastFrame = std::min<std::int64_t>(
        project->frameCount(),
        firstFrame + static_cast<std::int64_t>(seconds * project->frameRate.toDouble()));
    json out;
    out["input"] = input;
    out["chain"] = chain;
    out["size"] = {project->width, project->height};
    out["fps"] = project->frameRate.toDouble();
    out["seconds"] = seconds;
    out["cached"] = cached;
    if (cached) {
        call({{"cmd", "cache_config"}, {"budget_mb", 4096}});
        call({{"cmd", "render_frame"}, {"frame", firstFrame}},
             30000); // the playhead: render-ahead starts here
        QElapsedTimer filling;
        filling.start();
        const bool full = waitFor(
            [&] {
                runFor(250);
                const json status = call({{"cmd", "cache_status"}});
                for (const auto& r : status.value("ranges", json::array()))
                    if (r[0].get<std::int64_t>() <= firstFrame &&
                        r[1].get<std::int64_t>() >= lastFrame)
                        return true;
                return false;
            },
            1800000);
        out["cache_fill_s"] = filling.elapsed() / 1000.0;
        if (!full) out["cache_fill_error"] = "the range was not cached in 30 minutes";
        out["cache_status"] = call({{"cmd", "cache_status"}});
    } else {
        call({{"cmd", "cache_config"}, {"budget_mb", 0}});
        // The paused viewer shows the playhead's frame before Space, as in
        // the editor: opening the file (its packet index) is not playback.
        call({{"cmd", "render_frame"}, {"frame", firstFrame}}, 30000);
    }
    transport.setFrame(firstFrame);
    player.setProject(project);
    runFor(300);

    const double editorCpu0 = cpuSeconds(getpid()), engineCpu0 = cpuSeconds(engine.enginePid());
    QElapsedTimer wall;
    wall.start();
    player.play(1.0);
    // The engine's ping round trip, from a client of its own on a thread of
    // its own (as the editor's watchdog pings), every 50 ms while playing.
    std::vector<double> enginePings;
    std::atomic<bool> pinging{true};
    std::thread pinger([&, endpoint = engine.endpoint().toStdString()] {
        ipc::preferPromptWakeups(); // as the editor's watchdog thread does
        ipc::EngineClient client(endpoint, 5000);
        while (pinging) {
            const auto t0 = std::chrono::steady_clock::now();
            try {
                client.request({{"cmd", "ping"}});
                enginePings.push_back(
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                        .count());
            } catch (const std::exception&) {
                enginePings.push_back(5000);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    std::vector<double> pings;
    json tiers = json::array();
    int lastTier = -1;
    while (player.playing() && wall.elapsed() < static_cast<qint64>(seconds * 1000)) {
        QElapsedTimer ping;
        ping.start();
        bool answered = false;
        // Timed in the reply callback: how long the editor waited for the engine.
        engine.request(
            {{"cmd", "ping"}},
            [&](const json&) {
                pings.push_back(static_cast<double>(ping.nsecsElapsed()) / 1e6);
                answered = true;
            },
            5000);
        waitFor([&] { return answered; }, 6000);
        const int tier = player.engineStats().value("tier", 0);
        if (tier != lastTier) {
            tiers.push_back({{"t_s", wall.elapsed() / 1000.0},
                             {"tier", tier},
                             {"scale", player.engineStats().value("scale", 1.0)}});
            lastTier = tier;
        }
        runFor(100);
    }
    const double played = wall.elapsed() / 1000.0;
    pinging = false;
    pinger.join();
    const auto stats = player.presenter().stats();
    player.pause();
    runFor(300);
    const double editorCpu = cpuSeconds(getpid()) - editorCpu0;
    const double engineCpu = cpuSeconds(engine.enginePid()) - engineCpu0;
    const double period = 1000.0 / project->frameRate.toDouble();
    out["played_s"] = played;
    out["frames_due"] = stats.due;
    out["frames_presented"] = stats.presented;
    out["frames_dropped"] = stats.dropped();
    out["dropped_percent"] =
        stats.due ? 100.0 * static_cast<double>(stats.dropped()) / static_cast<double>(stats.due)
                  : 0.0;
    out["av_gap_max_ms"] = stats.maxGapFrames * period;
    out["av_gap_mean_ms"] = stats.meanGapFrames * period;
    out["frame_period_ms"] = period;
    out["tiers"] = tiers;
    out["engine"] = player.engineStats();
    out["ping_while_playing"] = percentiles(enginePings);
    out["ping_through_editor_ui_while_playing"] = percentiles(pings);
    out["cpu_s"] = {{"editor", editorCpu}, {"engine", engineCpu}, {"wall", played}};
    std::cout << out.dump(2) << std::endl;
    return 0;
}
