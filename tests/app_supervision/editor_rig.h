#pragma once
// What the editor wires together, without widgets: a supervisor, the project
// kept in sync, and a frame feed, with everything they report recorded.
#include <map>
#include <vector>

#include <QImage>
#include <QString>

#include "supervision/engine_supervisor.h"
#include "supervision/frame_feed.h"
#include "supervision/project_sync.h"
#include "supervision_support.h"

namespace entropic::test {

struct ShownFrame {
    qint64 frame = 0;
    QString hash;
    QSize size;
    qint64 enginePid = 0; // which engine rendered it
};

struct EditorRig {
    app::EngineSupervisor engine;
    app::ProjectSync sync;
    app::FrameFeed feed;
    nlohmann::json project;
    std::vector<ShownFrame> shown;
    std::vector<QString> failures; // renderFailed and syncFailed: what the user would see
    std::vector<QString> restartReasons;
    std::vector<QString> gaveUpReasons;
    int readyCount = 0;

    explicit EditorRig(nlohmann::json projectJson = testProject(),
                       app::EngineSupervisor::Options options = engineOptions())
        : engine(std::move(options)), sync(&engine), feed(&engine),
          project(std::move(projectJson)) {
        QObject::connect(&engine, &app::EngineSupervisor::engineReady, [this] { ++readyCount; });
        QObject::connect(&engine, &app::EngineSupervisor::restarting,
                         [this](const QString& why) { restartReasons.push_back(why); });
        QObject::connect(&engine, &app::EngineSupervisor::gaveUp,
                         [this](const QString& why) { gaveUpReasons.push_back(why); });
        QObject::connect(&sync, &app::ProjectSync::syncFailed, [this](const QString& m) {
            failures.push_back(QStringLiteral("sync: ") + m);
        });
        QObject::connect(&sync, &app::ProjectSync::loaded, &feed, &app::FrameFeed::refresh);
        QObject::connect(
            &feed, &app::FrameFeed::renderFailed, [this](const QString& code, const QString& m) {
                failures.push_back(QStringLiteral("render: ") + code + QStringLiteral(": ") + m);
            });
        QObject::connect(&feed, &app::FrameFeed::frameReady,
                         [this](const QImage& image, qint64 frame, const QString& hash, double) {
                             shown.push_back({frame, hash, image.size(), engine.enginePid()});
                         });
        sync.setSource([this] { return app::ProjectSync::Snapshot{project, {}}; });
    }

    void start() { engine.start(); }
    bool waitReady(int timeoutMs = 20000) {
        return spinUntil([&] { return engine.isReady() && sync.inSync(); }, timeoutMs);
    }
    // Asks for a frame and waits until the feed shows it; its hash, or empty.
    QString fetch(qint64 frame, QSize view = {}, int timeoutMs = 20000) {
        const std::size_t before = shown.size();
        feed.requestFrame(frame, view);
        const bool ok = spinUntil(
            [&] {
                for (std::size_t i = before; i < shown.size(); ++i)
                    if (shown[i].frame == frame) return feed.idle();
                return false;
            },
            timeoutMs);
        if (!ok) return {};
        for (std::size_t i = shown.size(); i-- > before;)
            if (shown[i].frame == frame) return shown[i].hash;
        return {};
    }
};

} // namespace entropic::test
