#pragma once
// The editor's single source of truth (docs/architecture.md): the project being
// edited, its file, and its undo history. Every change goes through an
// undoable command (app/commands/, pushed with push() or through the
// app/commands/edits.h facade); views listen to the signals and never change
// the project themselves. The engine gets the project as JSON (toEngineJson)
// after every change; nothing flows back. docs/editor-model.md describes it.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include "entropic/engine/project/project.h"
#include "model/editor_state.h"

namespace entropic::app {

class EditCommand;
class HistoryPolicy;

class ProjectDocument : public QObject {
    Q_OBJECT
  public:
    explicit ProjectDocument(QObject* parent = nullptr);
    ~ProjectDocument() override;

    const engine::Project& project() const { return project_; }
    const EditorState& editorState() const { return editor_; }
    // Where the playhead stands: saved with the project, but a view state,
    // so moving it neither marks the project modified nor enters history.
    void setPlayhead(std::int64_t frame) { editor_.playhead = frame; }
    QUndoStack* undoStack() { return &undo_; }
    // Step limit, memory cap and spill of the undo stack (model/history_policy.h).
    HistoryPolicy& history() { return *history_; }

    // Records and applies an edit: the command is redone now and becomes one
    // history entry (or merges into the last one, for a knob drag). Commands
    // must go through here, never straight onto undoStack(), so the history
    // policy can prune and spill them.
    void push(std::unique_ptr<EditCommand> command);

    // --- Files -------------------------------------------------------------
    QString filePath() const { return filePath_; }
    // The file name, or "Untitled" before the first save.
    QString fileName() const;
    // Title for the window: fileName() and "*" when modified.
    QString displayName() const;
    bool isModified() const { return !undo_.isClean(); }
    // How the history began, its first entry: "New project", "Opened demo.entropic".
    QString origin() const { return origin_; }
    // A fresh project (1920x1080, 30 fps, tracks V1 and A1); clears history.
    void newProject();
    // Replaces the project with a file's; clears history. On failure returns
    // false with a message naming the file and field, and changes nothing.
    bool load(const QString& path, QString* error);
    // Replaces the project with an autosaved recovery file's (model/autosaver.h):
    // the document then belongs to projectPath (empty: untitled) and is
    // modified. Relative sources resolve against baseDir, the folder they were
    // written against. Same failure rules as load().
    bool loadRecovered(const QString& recoveryPath, const QString& projectPath,
                       const QString& baseDir, QString* error);
    // Saves atomically (temp file, fsync, rename); marks the history clean.
    // Relative sources are rewritten against the target's folder when it is
    // not baseDir(). Refuses to overwrite a project from a newer Entropic.
    bool save(const QString& path, QString* error);
    // The whole document as written to disk (format: docs/project-format.md,
    // plus the "editor" object), sources relative to baseDir().
    nlohmann::json toJson() const;
    // What load_project gets: the project (editor-only state left out), with
    // the editor state's solo tracks flagged "solo" so the engine's export and
    // the playback mixer hear the same tracks. toJson() carries the flags too.
    nlohmann::json toEngineJson() const;
    // The folder relative sources resolve against: the folder of the file
    // the document was loaded from (empty for a new project: the working
    // directory). Fixed until the next load, so history never mixes bases.
    QString baseDir() const;

    // --- Live performance: never saved, never in the history ------------------
    // Gate events being played now, by lane id (app/performance/). The engine
    // gets them added to their lanes (toLiveEngineJson, what ProjectSync
    // sends), so the viewer shows a held pad; liveChanged() follows a change.
    // Events for lanes the project lacks are ignored.
    using LiveEvents = std::map<std::string, std::vector<sig::GateEvent>>;
    void setLiveEvents(LiveEvents events);
    const LiveEvents& liveEvents() const { return live_; }
    // Automation lanes being recorded now (performance/automation_recorder.h):
    // each replaces the project's lane of its target (or is added) in what
    // the engine gets, so the picture follows a knob while it is recorded.
    // liveChanged() follows a change. Lanes for targets the project lacks
    // are sent as they are (the engine refuses them as it would a saved one).
    using LiveLanes = std::vector<sig::AutomationLane>;
    void setLiveLanes(LiveLanes lanes);
    const LiveLanes& liveLanes() const { return liveLanes_; }
    // toEngineJson() with the live events and lanes in.
    nlohmann::json toLiveEngineJson() const;

    // --- Internal, for commands and the history only --------------------------
    // Commands mutate through these and then call notifyChanged(); views must not.
    engine::Project& mutableProject() { return project_; }
    EditorState& mutableEditorState() { return editor_; }
    void notifyChanged(const QString& clipId = {});
    // Fresh ids unique in this project: "V3", "clip-12", "fx-7" (the highest
    // number in use plus one).
    QString newId(const QString& prefix) const;
    // Replaces project and editor state with a toJson() form (history
    // checkpoints). Throws engine::EngineError if it does not parse.
    void applySnapshot(const nlohmann::json& doc);
    // Copies another document's state without touching history or files
    // (the history's scratch document).
    void assignState(const engine::Project& project, const EditorState& editor);

  Q_SIGNALS:
    // After any change to the project or editor state (edit, undo, redo, load).
    void changed();
    // After a change to one clip's effect chain (also emitted with changed()).
    void clipEffectsChanged(const QString& clipId);
    // Path or modified flag changed.
    void fileStateChanged();
    // The live events or lanes changed (setLiveEvents, setLiveLanes).
    void liveChanged();

  private:
    bool loadFile(const QString& readPath, const QString& baseDir, QString* error);

    engine::Project project_;
    EditorState editor_;
    QUndoStack undo_;
    std::unique_ptr<HistoryPolicy> history_;
    QString filePath_;
    QString origin_;
    LiveEvents live_;
    LiveLanes liveLanes_;
};

} // namespace entropic::app
