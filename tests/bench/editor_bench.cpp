// Editor benchmarks (make bench), offscreen with a real engine: launch to the
// first frame on screen, parameter change in the inspector to the changed
// frame painted in the viewer (1080p, empty chain and a three-effect chain),
// and the editor's memory with the demo loaded. Prints one JSON object.
#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>

#include <nlohmann/json.hpp>

#include "event_wait.h"

#include "commands/edits.h"
#include "inspector/effect_card.h"
#include "inspector/inspector_panel.h"
#include "inspector/param_control.h"
#include "model/project_document.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "test_support.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"
#include "viewer/viewer_widget.h"
#include "window/main_window.h"

using namespace entropic;
using nlohmann::json;

namespace {

bool waitFor(const std::function<bool()>& done, int timeoutMs = 60000) {
    return bench::waitFor(done, timeoutMs);
}

json percentiles(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
    };
    return {{"n", v.size()}, {"p50_ms", at(0.5)}, {"p99_ms", at(0.99)}, {"max_ms", v.back()}};
}

double residentMb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0;
}

// Turns a knob of the last effect on the selected clip `count` times and
// measures each change until the viewer has painted the new frame.
json knobLatency(app::MainWindow& window, const std::string& key, double from, double step,
                 int count) {
    std::vector<double> samples;
    int painted = 0;
    QString hash;
    // Only a frame that differs from the one on screen counts: a render of
    // the previous setting that lands after the change is not the change.
    QObject::connect(&window.frameFeed(), &app::FrameFeed::frameReady, &window,
                     [&](const QImage&, qint64, const QString& h, double) {
                         window.viewer().repaint(); // painted, not just scheduled
                         if (h != hash) ++painted;
                         hash = h;
                     });
    auto* card = window.inspector().cards().back();
    app::ParamControl* knob = nullptr;
    for (auto* c : card->findChildren<app::ParamControl*>())
        if (c->spec().key == key) knob = c;
    auto* box = knob->findChild<QDoubleSpinBox*>();
    for (int i = 0; i < count; ++i) {
        const int before = painted;
        QElapsedTimer t;
        t.start();
        box->setValue(from + step * (i % 20));
        if (!waitFor([&] { return painted > before; }, 20000)) break;
        samples.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        waitFor([] { return false; }, 30); // let the pipeline settle between changes
    }
    return percentiles(samples);
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("ENTROPIC_ENGINE", ENTROPIC_ENGINE_PATH);
    qputenv("XDG_CONFIG_HOME", ENTROPIC_BINARY_DIR "/test-scratch/bench-home/config");
    qputenv("XDG_DATA_HOME", ENTROPIC_BINARY_DIR "/test-scratch/bench-home/data");
    QElapsedTimer launch;
    launch.start();
    QApplication app(argc, argv);
    if (argc < 2) {
        std::cerr << "usage: entropic-editor-bench CLIP_1080P\n";
        return 2;
    }
    json out;
    app::MainWindow window;
    window.resize(1600, 960);
    window.show();
    int frames = 0;
    QObject::connect(&window.frameFeed(), &app::FrameFeed::frameReady, &window, [&] { ++frames; });
    window.openPath(QStringLiteral(ENTROPIC_SOURCE_DIR "/resources/demo/demo.entropic"));
    if (!waitFor([&] { return frames > 0; })) {
        std::cout << json{{"error", "no frame from the engine"}}.dump(2) << std::endl;
        return 1;
    }
    window.viewer().repaint();
    out["launch_to_first_frame_ms"] = static_cast<double>(launch.nsecsElapsed()) / 1e6;
    out["demo_loaded_rss_mb"] = residentMb();

    // A 1080p project of the bench clip: one clip, then effects on it.
    const QString dir = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/bench-editor");
    QDir().mkpath(dir);
    const QString projectPath = dir + QStringLiteral("/bench.entropic");
    QFile file(projectPath);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(
        QByteArray::fromStdString(test::clipProjectJson(QDir(argv[1]).absolutePath().toStdString(),
                                                        300, json::array(), 1920, 1080)
                                      .dump()));
    file.close();
    window.openPath(projectPath);
    window.selection().select(QStringLiteral("c1"));
    waitFor([&] { return window.engine().isReady(); });
    window.transport().setFrame(10);
    waitFor([] { return false; }, 1500);

    // The lightest chain that has a knob: one levels instance.
    window.inspector().addEffect(QStringLiteral("util.levels"));
    waitFor([&] { return !window.inspector().cards().isEmpty(); });
    out["param_to_paint_1080p_one_tool"] = knobLatency(window, "gamma", 0.8, 0.05, 40);
    window.inspector().addEffect(QStringLiteral("fx.channelshift"));
    window.inspector().addEffect(QStringLiteral("fx.noise"));
    waitFor([&] { return window.inspector().cards().size() == 3; });
    out["param_to_paint_1080p_three_effects"] = knobLatency(window, "amount", 0.05, 0.01, 40);
    out["rss_mb_after"] = residentMb();
    window.document().undoStack()->clear();
    std::cout << out.dump(2) << std::endl;
    return 0;
}
