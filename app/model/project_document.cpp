#include "model/project_document.h"

#include <algorithm>
#include <cctype>
#include <exception>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalBlocker>
#include <QUuid>

#include "commands/edit_command.h"
#include "entropic/engine/error.h"
#include "entropic/signal/automation.h"
#include "model/atomic_file.h"
#include "model/history_policy.h"

namespace entropic::app {

using nlohmann::json;

namespace {

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

QString native(const QString& path) {
    return QDir::toNativeSeparators(path);
}

// Solo has one owner in the editor: the editor state's soloTracks (it is an
// undoable editor-state edit, like lock). A file may also carry the engine's
// per-track "solo" flag (docs/project-format.md); it joins soloTracks on load
// and the project's own flag stays false.
void adoptTrackSolo(engine::Project& project, EditorState& editor) {
    for (auto& track : project.tracks) {
        if (!track.solo) continue;
        track.solo = false;
        if (std::find(editor.soloTracks.begin(), editor.soloTracks.end(), track.id) ==
            editor.soloTracks.end())
            editor.soloTracks.push_back(track.id);
    }
}

// The engine's form of the project, with the editor's solo list written as
// each track's "solo" flag, so the export, entropic-render of the saved file
// and the playback mixer all hear the same tracks.
json engineJson(const engine::Project& project, const EditorState& editor) {
    json doc = engine::projectToJson(project);
    for (auto& track : doc["tracks"]) {
        const auto id = track["id"].get<std::string>();
        if (std::find(editor.soloTracks.begin(), editor.soloTracks.end(), id) !=
            editor.soloTracks.end())
            track["solo"] = true;
    }
    return doc;
}

// Reads and validates a document without touching the one being edited, so
// a bad file changes nothing. Errors name the file, then the field.
bool readDocument(const QString& path, const std::string& baseDir, engine::Project& project,
                  EditorState& editor, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("%1: cannot open the project file (%2)")
                               .arg(native(path), file.errorString()));
    const QByteArray bytes = file.readAll();
    const json doc = json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (doc.is_discarded())
        return fail(error,
                    QStringLiteral("%1: not a valid JSON document (damaged or not a project)")
                        .arg(native(path)));
    try {
        project = engine::parseProject(doc, baseDir);
        editor = EditorState::fromJson(doc.value("editor", json::object()));
        adoptTrackSolo(project, editor);
    } catch (const std::exception& e) {
        return fail(error, QStringLiteral("%1: %2").arg(native(path), QString::fromUtf8(e.what())));
    }
    return true;
}

// The format version of an existing project file, or 0 if it is not one.
std::int64_t projectVersionOf(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return 0;
    const QByteArray bytes = file.readAll();
    const json doc = json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (!doc.is_object() || doc.value("format", std::string()) != engine::kProjectFormatName)
        return 0;
    const auto version = doc.find("version");
    return version != doc.end() && version->is_number_integer() ? version->get<std::int64_t>() : 0;
}

// Relative sources point into baseDir; rewrite them for a file in targetDir.
void rebaseSources(json& doc, const QString& baseDir, const QString& targetDir) {
    const QDir base(baseDir.isEmpty() ? QDir::currentPath() : baseDir);
    const QDir target(targetDir);
    for (auto& track : doc["tracks"])
        for (auto& clip : track["clips"]) {
            const QString source = QString::fromStdString(clip["source"].get<std::string>());
            if (QDir::isAbsolutePath(source)) continue;
            clip["source"] =
                QDir::fromNativeSeparators(target.relativeFilePath(base.absoluteFilePath(source)))
                    .toStdString();
        }
}

} // namespace

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent) {
    history_ = std::make_unique<HistoryPolicy>(*this, undo_);
    connect(&undo_, &QUndoStack::cleanChanged, this, &ProjectDocument::fileStateChanged);
    newProject();
}

ProjectDocument::~ProjectDocument() {
    // The stack's entries go before the history they point to, quietly.
    disconnect(&undo_, nullptr, this, nullptr);
    const QSignalBlocker blocker(&undo_);
    undo_.clear();
}

void ProjectDocument::push(std::unique_ptr<EditCommand> command) {
    history_->push(std::move(command));
}

QString ProjectDocument::fileName() const {
    return filePath_.isEmpty() ? QStringLiteral("Untitled") : QFileInfo(filePath_).fileName();
}

QString ProjectDocument::displayName() const {
    return isModified() ? fileName() + QLatin1Char('*') : fileName();
}

QString ProjectDocument::baseDir() const {
    return QString::fromStdString(project_.baseDir);
}

void ProjectDocument::newProject() {
    engine::Project p;
    // The id only seeds effects; a fresh one keeps two new projects' noise apart.
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    p.seed = 0;
    p.frameRate = {30, 1};
    p.width = 1920;
    p.height = 1080;
    p.tracks.push_back({.id = "V1", .kind = engine::TrackKind::Video, .name = "V1"});
    p.tracks.push_back({.id = "A1", .kind = engine::TrackKind::Audio, .name = "A1"});
    project_ = std::move(p);
    editor_ = {};
    filePath_.clear();
    origin_ = tr("New project");
    undo_.clear();
    undo_.setClean();
    history_->reset();
    Q_EMIT changed();
    Q_EMIT fileStateChanged();
}

bool ProjectDocument::loadFile(const QString& readPath, const QString& baseDir, QString* error) {
    engine::Project project;
    EditorState editor;
    if (!readDocument(readPath, baseDir.toStdString(), project, editor, error)) return false;
    project_ = std::move(project);
    editor_ = std::move(editor);
    undo_.clear();
    undo_.setClean();
    history_->reset();
    return true;
}

bool ProjectDocument::load(const QString& path, QString* error) {
    const QFileInfo info(path);
    if (!loadFile(path, info.absolutePath(), error)) return false;
    filePath_ = info.absoluteFilePath();
    origin_ = tr("Opened %1").arg(info.fileName());
    Q_EMIT changed();
    Q_EMIT fileStateChanged();
    return true;
}

bool ProjectDocument::loadRecovered(const QString& recoveryPath, const QString& projectPath,
                                    const QString& baseDir, QString* error) {
    if (!loadFile(recoveryPath, baseDir, error)) return false;
    filePath_ = projectPath.isEmpty() ? QString() : QFileInfo(projectPath).absoluteFilePath();
    undo_.resetClean(); // what was recovered is not what the project file holds
    origin_ = tr("Recovered %1").arg(fileName());
    Q_EMIT changed();
    Q_EMIT fileStateChanged();
    return true;
}

bool ProjectDocument::save(const QString& path, QString* error) {
    const QFileInfo info(path);
    const QString target = info.absoluteFilePath();
    if (info.exists()) {
        const auto version = projectVersionOf(target);
        if (version > engine::kProjectFormatVersion)
            return fail(error,
                        QStringLiteral("%1: written by a newer Entropic (format %2); it is not "
                                       "overwritten — save under another name")
                            .arg(native(target))
                            .arg(version));
    }
    // Never write a file that would not open again: a saved project with a
    // broken signal graph is refused on load. Edits that remove what routes
    // point at take the routes with them (commands/signal_pruning.h), so this
    // is the last line of defence, not the everyday path.
    if (project_.signals != sig::SignalGraphSpec{}) {
        try {
            engine::compileSignals(project_);
        } catch (const std::exception& e) {
            return fail(error,
                        QStringLiteral("%1 was not saved: %2 — undo the edit that removed what it "
                                       "names, then save")
                            .arg(native(target), QString::fromUtf8(e.what())));
        }
    }
    json doc = toJson();
    if (QDir::cleanPath(info.absolutePath()) != QDir::cleanPath(baseDir()))
        rebaseSources(doc, baseDir(), info.absolutePath());
    const std::string text = doc.dump(2) + "\n";
    const bool written = writeFileAtomically(
        target,
        [&](QIODevice& file) {
            if (file.write(text.data(), static_cast<qint64>(text.size())) !=
                static_cast<qint64>(text.size()))
                throw std::runtime_error(file.errorString().toStdString());
        },
        error);
    if (!written) return false;
    const bool moved = filePath_ != target;
    filePath_ = target;
    undo_.setClean();
    if (moved) Q_EMIT fileStateChanged();
    return true;
}

json ProjectDocument::toJson() const {
    json doc = engineJson(project_, editor_);
    doc["editor"] = editor_.toJson();
    return doc;
}

json ProjectDocument::toEngineJson() const {
    return engineJson(project_, editor_);
}

void ProjectDocument::setLiveEvents(LiveEvents events) {
    std::erase_if(events, [](const auto& lane) { return lane.second.empty(); });
    if (events == live_) return;
    live_ = std::move(events);
    Q_EMIT liveChanged();
}

void ProjectDocument::setLiveLanes(LiveLanes lanes) {
    if (lanes == liveLanes_) return;
    liveLanes_ = std::move(lanes);
    Q_EMIT liveChanged();
}

json ProjectDocument::toLiveEngineJson() const {
    if (live_.empty() && liveLanes_.empty()) return engineJson(project_, editor_);
    // The held pads' events join their lanes, written by the engine's own serializer.
    engine::Project live = project_;
    for (auto& lane : live.performance)
        if (const auto it = live_.find(lane.id); it != live_.end())
            lane.events.insert(lane.events.end(), it->second.begin(), it->second.end());
    // Lanes being recorded replace the project's lanes of their parameters.
    for (const auto& recorded : liveLanes_) {
        if (auto* lane = sig::findLane(live.signals, recorded.target))
            *lane = recorded;
        else
            live.signals.lanes.push_back(recorded);
    }
    return engineJson(live, editor_);
}

void ProjectDocument::notifyChanged(const QString& clipId) {
    if (!clipId.isEmpty()) Q_EMIT clipEffectsChanged(clipId);
    Q_EMIT changed();
}

QString ProjectDocument::newId(const QString& prefix) const {
    const std::string p = prefix.toStdString();
    long long highest = 0;
    auto consider = [&](const std::string& id) {
        if (id.size() <= p.size() || id.compare(0, p.size(), p) != 0) return;
        const std::string digits = id.substr(p.size());
        if (digits.size() > 15 || !std::all_of(digits.begin(), digits.end(),
                                               [](unsigned char c) { return std::isdigit(c); }))
            return;
        highest = std::max(highest, std::stoll(digits));
    };
    for (const auto& t : project_.tracks) {
        consider(t.id);
        for (const auto& c : t.clips) {
            consider(c.id);
            consider(c.link);
            for (const auto& e : c.effects)
                consider(e.instanceId);
        }
    }
    for (const auto& s : project_.signals.sources)
        consider(s.id);
    for (const auto& o : project_.signals.operators)
        consider(o.id);
    for (const auto& r : project_.signals.routes)
        consider(r.id);
    for (const auto& lane : project_.performance)
        consider(lane.id);
    return prefix + QString::number(highest + 1);
}

void ProjectDocument::applySnapshot(const json& doc) {
    engine::Project project = engine::parseProject(doc, project_.baseDir);
    EditorState editor = EditorState::fromJson(doc.value("editor", json::object()));
    editor.playhead = editor_.playhead; // view state, never rolled back by history
    adoptTrackSolo(project, editor);
    project_ = std::move(project);
    editor_ = std::move(editor);
    notifyChanged();
}

void ProjectDocument::assignState(const engine::Project& project, const EditorState& editor) {
    project_ = project;
    editor_ = editor;
}

} // namespace entropic::app
