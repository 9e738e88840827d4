#pragma once
// Keeps the engine's copy of the project equal to the editor's. The engine
// holds nothing that cannot be rebuilt from the last project it was sent
// (docs/architecture.md), so this is all it takes to survive an engine restart:
// after every change, and after every engineReady(), send the whole project.
//
// Coalesced: at most one load_project is in flight; changes made meanwhile are
// sent as one, with the newest state, when it is answered. The snapshot is
// taken when it is sent, never when the change happened.
#include <functional>

#include <QObject>
#include <QPointer>
#include <QString>

#include <nlohmann/json.hpp>

namespace entropic::app {

class EngineSupervisor;
class ProjectDocument;

class ProjectSync : public QObject {
    Q_OBJECT
  public:
    struct Snapshot {
        nlohmann::json project; // what load_project gets as "project"
        QString baseDir;        // folder relative media paths resolve against; may be empty
    };
    using SnapshotSource = std::function<Snapshot()>;
    static constexpr int kDefaultTimeoutMs = 10000; // load_project opens every media file

    explicit ProjectSync(EngineSupervisor* engine, QObject* parent = nullptr);

    // Follows a document: its changed() and liveChanged() are
    // projectChanged(), and the snapshot is toLiveEngineJson() (held pads
    // included) and baseDir(). (In project_sync_document.cpp, so code
    // that uses setSource() alone does not need the model.)
    void setDocument(ProjectDocument* document);
    // Any other source of projects (tests, tools). Sends it. A snapshot whose
    // project is null is not sent (the document is gone).
    void setSource(SnapshotSource source);

    // The project changed: sent as soon as nothing is in flight.
    void projectChanged();

    // The engine has the newest state (nothing in flight, nothing pending).
    bool inSync() const { return !inFlight_ && !dirty_ && loads_ > 0; }
    int loadsSent() const { return loads_; }
    // The last successful load_project reply: frames, width, height, missing_media.
    const nlohmann::json& lastLoad() const { return lastLoad_; }
    void setTimeoutMs(int ms) { timeoutMs_ = ms; }

  Q_SIGNALS:
    // The engine took the project: a viewer renders its frame again now.
    void loaded();
    // The engine refused the project (e.g. project_invalid); message names the
    // field or file. The next change is sent as usual.
    void syncFailed(const QString& message);

  private:
    void onEngineReady();
    void pump();
    void onReply(unsigned token, const nlohmann::json& reply);

    EngineSupervisor* engine_;
    SnapshotSource source_;
    QMetaObject::Connection documentConnection_;
    QMetaObject::Connection liveConnection_;
    nlohmann::json lastLoad_;
    unsigned token_ = 0; // tells the reply of the load in flight from an older one
    int loads_ = 0;
    int timeoutMs_ = kDefaultTimeoutMs;
    bool inFlight_ = false;
    bool dirty_ = false;
};

} // namespace entropic::app
