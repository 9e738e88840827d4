// entropic-live-bench [INPUT] [--fx EFFECT_ID]... [--cached] [--hits N]
//
// How long a live hit takes to reach the screen (issue 13, docs/performance.md):
// the real editor (MainWindow, offscreen) and a real engine play INPUT (a
// media file; by default make bench's 60 s clip) at 1080p on the silent clock, with
// the --fx chain (default: fx.noise, fx.channelshift) and a Levels effect
// last, whose output black a pad drives — a hit turns the picture pale. The
// pad is played N times (default 30) by a key press sent through Qt's event
// system, as a user's would be, and N times by a MIDI note sent from a test
// client through a JACK server the bench starts (dummy backend), arriving
// through the editor's own MIDI input (RtMidi). Each sample runs from the
// press to the first frame the player presents, painted, whose pixels show
// it. Prints one JSON object with key_to_frame_ms and midi_to_frame_ms
// (p50, p99, max, n), and the frames presented a second before the hits.
// Uncached by default (frame cache 0 MB); --cached fills
// the frame cache (the green bar) first.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>
#include <rtmidi/RtMidi.h>

#include "event_wait.h"
#include "jack_server.h"

#include "commands/edits.h"
#include "commands/performance_edits.h"
#include "entropic/engine/media/media_info.h"
#include "midi/midi_control.h"
#include "model/project_document.h"
#include "playback/cache_monitor.h"
#include "playback/player.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "test_support.h"
#include "transport/transport.h"
#include "viewer/viewer_widget.h"
#include "window/main_window.h"

using namespace entropic;
using bench::runFor;
using bench::waitFor;
using nlohmann::json;

namespace {

// A hit whose picture never came within this long counts as this long, and
// as missed: a miss must weigh on p99, not vanish from it.
constexpr double kMissMs = 5000;

json percentiles(std::vector<double> v) {
    if (v.empty()) return json{{"n", 0}};
    const auto missed = std::count(v.begin(), v.end(), kMissMs);
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * v.size()))];
    };
    return {{"n", v.size()},
            {"p50", at(0.5)},
            {"p99", at(0.99)},
            {"max", v.back()},
            {"missed", missed}};
}

// Mean brightness (0..255) of a grid of samples: the pad's pale picture is
// far above any frame of the clip.
double meanLevel(const QImage& image) {
    if (image.isNull()) return 0;
    double sum = 0;
    int n = 0;
    for (int y = 0; y < 18; ++y)
        for (int x = 0; x < 32; ++x) {
            const QRgb p = image.pixel(x * image.width() / 32, y * image.height() / 18);
            sum += (qRed(p) + qGreen(p) + qBlue(p)) / 3.0;
            ++n;
        }
    return sum / n;
}

double nowMs() {
    return std::chrono::duration<double, std::milli>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("ENTROPIC_ENGINE"))
        qputenv("ENTROPIC_ENGINE", ENTROPIC_ENGINE_PATH);
    qputenv("XDG_CONFIG_HOME", ENTROPIC_BINARY_DIR "/test-scratch/live-bench-home/config");
    qputenv("XDG_DATA_HOME", ENTROPIC_BINARY_DIR "/test-scratch/live-bench-home/data");
    QApplication app(argc, argv);
    std::string input = ENTROPIC_BINARY_DIR "/bench-media/clip-1080p30-16mbps-60s.mp4";
    std::vector<std::string> chain;
    bool cached = false;
    int hits = 30;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--fx" && i + 1 < argc)
            chain.emplace_back(argv[++i]);
        else if (a == "--cached")
            cached = true;
        else if (a == "--hits" && i + 1 < argc)
            hits = std::max(1, std::atoi(argv[++i]));
        else if (!a.empty() && a[0] != '-')
            input = a;
        else {
            std::cerr << "usage: entropic-live-bench [INPUT] [--fx EFFECT_ID]... [--cached] "
                         "[--hits N]\n";
            return 2;
        }
    }
    if (chain.empty()) chain = {"fx.noise", "fx.channelshift"};
    if (!QFile::exists(QString::fromStdString(input))) {
        std::cout << json{{"error", "no input " + input + " (make bench makes it)"}}.dump(2)
                  << std::endl;
        return 1;
    }
    // Before the editor: its MIDI input finds this server on its first scan.
    test::JackServer jack;

    json out;
    out["input"] = input;
    app::MainWindow window;
    window.resize(1600, 960);
    window.show();
    window.cacheMonitor().setBudgetMb(cached ? 4096 : 0);

    json effects = json::array();
    for (std::size_t i = 0; i < chain.size(); ++i)
        effects.push_back({{"id", "e" + std::to_string(i + 1)}, {"effect", chain[i]}});
    effects.push_back({{"id", "live"}, {"effect", "util.levels"}});
    const QString dir = QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/live-bench");
    QDir().mkpath(dir);
    const QString projectPath = dir + QStringLiteral("/live.entropic");
    {
        QFile file(projectPath);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        // All of the input: the hits must not run past its end.
        const auto info = engine::probeMedia(input);
        const std::int64_t frames = info.video ? info.video->frameCount : 0;
        json project =
            test::clipProjectJson(QDir(QString::fromStdString(input)).absolutePath().toStdString(),
                                  std::max<std::int64_t>(frames, 30), effects, 1920, 1080);
        file.write(QByteArray::fromStdString(project.dump()));
    }
    if (!window.openPath(projectPath) ||
        !waitFor([&] { return window.engine().isReady(); }, 60000)) {
        std::cout << json{{"error", "the editor did not open the bench project"}}.dump(2)
                  << std::endl;
        return 1;
    }
    std::cerr << "live-bench: project open\n";
    auto& doc = window.document();
    chain.push_back("util.levels");
    out["chain"] = chain;
    out["size"] = {doc.project().width, doc.project().height};
    out["fps"] = doc.project().frameRate.toDouble();
    out["cached"] = cached;

    // The pad: key 1, MIDI note 36 on any channel, straight onto the output black.
    QString error, lane;
    app::PadSettings pad;
    pad.key = "1";
    pad.midiNote = 36;
    sig::RouteSpec route;
    if (!app::edits::addPad(doc, QStringLiteral("Live"), pad, &error, &lane) ||
        (route.signal = app::edits::padSource(doc, lane).toStdString(),
         route.target = {"live", "out_black", 0}, route.depth = 0.8,
         !app::edits::addRoute(doc, route, &error))) {
        std::cout << json{{"error", error.toStdString()}}.dump(2) << std::endl;
        return 1;
    }

    double level = 0;
    double presentedAt = 0;
    int presented = 0;
    QObject::connect(&window.player(), &app::Player::framePresented, &window,
                     [&](const QImage& image, qint64, double) {
                         window.viewer().repaint(); // painted, not just scheduled
                         level = meanLevel(image);
                         presentedAt = nowMs();
                         ++presented;
                     });
    if (cached) {
        window.transport().setFrame(0);
        runFor(20000); // the engine renders ahead of the playhead into the cache
    }
    QString notice;
    QObject::connect(&window.player(), &app::Player::notice, &window,
                     [&](const QString& text) { notice = text; });
    int stills = 0;
    QObject::connect(&window.frameFeed(), &app::FrameFeed::frameReady, &window, [&] { ++stills; });
    window.transport().setFrame(1);
    waitFor([&] { return stills > 0; }, 60000); // the project is in the engine
    std::cerr << "live-bench: first frame, playing\n";
    // No loop: a hit held over the loop's end would light the next pass.
    window.player().setLoopEnabled(false);
    window.player().play();
    if (!waitFor([&] { return presented > 30; }, 60000)) {
        std::cout << json{{"error", "playback presented no frames"},
                          {"playing", window.player().playing()},
                          {"notice", notice.toStdString()}}
                         .dump(2)
                  << std::endl;
        return 1;
    }
    double calm = 0; // the clip's own brightest, over a second
    const int presentedBefore = presented;
    QElapsedTimer calmTime;
    calmTime.start();
    for (int i = 0; i < 30; ++i) {
        const int before = presented;
        waitFor([&] { return presented > before; }, 2000);
        calm = std::max(calm, level);
    }
    // How smoothly it plays with the pad's shorter render-ahead (Player::kLiveAhead).
    out["presented_fps_before_hits"] =
        (presented - presentedBefore) * 1000.0 / std::max<qint64>(1, calmTime.elapsed());
    const double threshold = calm + 40;
    std::cerr << "live-bench: calm level " << calm << ", hitting\n";
    out["calm_level"] = calm;

    // One hit: press, wait for the pale frame on screen, hold a little,
    // release, wait for the picture to come back.
    auto sample = [&](const std::function<void()>& press, const std::function<void()>& release,
                      std::vector<double>& into, int index) {
        runFor(200 + (index * 37) % 200); // off the frame grid, differently each time
        const double t0 = nowMs();
        press();
        const bool shown = waitFor([&] { return level > threshold && presentedAt >= t0; },
                                   static_cast<int>(kMissMs));
        into.push_back(shown ? presentedAt - t0 : kMissMs);
        runFor(120);
        release();
        waitFor([&] { return level <= threshold; }, 5000);
    };

    std::vector<double> keys;
    // Keys go where a user's would: the editor window, the viewer focused.
    QApplication::setActiveWindow(&window);
    window.viewer().setFocus();
    for (int i = 0; i < hits; ++i)
        sample([&] { QTest::keyPress(&window.viewer(), Qt::Key_1); },
               [&] { QTest::keyRelease(&window.viewer(), Qt::Key_1); }, keys, i);
    out["key_to_frame_ms"] = percentiles(keys);

    if (!jack.running()) {
        out["midi_to_frame_ms"] = {{"n", 0}, {"error", jack.problem().toStdString()}};
    } else {
        auto* midi = window.findChild<app::MidiControl*>();
        RtMidiOut controller(RtMidi::UNIX_JACK, "bench-controller");
        controller.openVirtualPort("pads");
        if (!midi || !waitFor([&] { return !midi->input().openDevices().isEmpty(); }, 10000)) {
            out["midi_to_frame_ms"] = {{"n", 0},
                                       {"error", "the editor's MIDI input did not open the port"}};
        } else {
            std::vector<double> notes;
            auto send = [&](std::vector<unsigned char> bytes) { controller.sendMessage(&bytes); };
            for (int i = 0; i < hits; ++i)
                sample([&] { send({0x90, 36, 127}); }, [&] { send({0x80, 36, 0}); }, notes, i);
            out["midi_to_frame_ms"] = percentiles(notes);
        }
    }
    window.player().pause();
    doc.undoStack()->clear();
    std::cout << out.dump(2) << std::endl;
    return 0;
}
