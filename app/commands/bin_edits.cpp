// edits.h: the media bin's list of imported files (EditorState::bin).
#include <algorithm>

#include <QDir>
#include <QFileInfo>

#include "commands/clip_set_command.h"
#include "commands/edit_rules.h"
#include "commands/editor_state_command.h"
#include "commands/edits.h"

namespace entropic::app::edits {

using namespace rules;

namespace {

// How the bin writes a path: relative to the project's folder when it has one.
std::string asWritten(const ProjectDocument& doc, const QString& path) {
    if (doc.baseDir().isEmpty() || QDir::isRelativePath(path))
        return QDir::fromNativeSeparators(path).toStdString();
    return QDir::fromNativeSeparators(QDir(doc.baseDir()).relativeFilePath(path)).toStdString();
}

QString fileName(const std::string& source) {
    return QFileInfo(q(source)).fileName();
}

} // namespace

bool addToBin(ProjectDocument& doc, const QStringList& paths, QString* error) {
    (void)error;
    EditorState after = doc.editorState();
    std::vector<std::string> added;
    for (const QString& path : paths) {
        const std::string source = asWritten(doc, path);
        if (std::find(after.bin.begin(), after.bin.end(), source) != after.bin.end()) continue;
        after.bin.push_back(source);
        added.push_back(source);
    }
    if (added.empty()) return true;
    const QString text = added.size() == 1
                             ? QStringLiteral("Import %1").arg(fileName(added.front()))
                             : QStringLiteral("Import %1 files").arg(added.size());
    doc.push(
        std::make_unique<EditorStateCommand>(text, kPartBin, doc.editorState(), std::move(after)));
    return true;
}

bool removeFromBin(ProjectDocument& doc, const QStringList& sources, QString* error) {
    EditorState after = doc.editorState();
    for (const QString& source : sources) {
        auto it = std::find(after.bin.begin(), after.bin.end(), source.toStdString());
        if (it == after.bin.end())
            return refuse(error, QStringLiteral("%1 is not in the bin").arg(source));
        after.bin.erase(it);
    }
    if (sources.isEmpty()) return true;
    const QString text =
        sources.size() == 1
            ? QStringLiteral("Remove %1 from the bin").arg(fileName(sources.front().toStdString()))
            : QStringLiteral("Remove %1 files from the bin").arg(sources.size());
    doc.push(
        std::make_unique<EditorStateCommand>(text, kPartBin, doc.editorState(), std::move(after)));
    return true;
}

bool relinkSource(ProjectDocument& doc, const QString& source, const QString& newPath,
                  QString* error) {
    if (!QFileInfo(newPath).isFile())
        return refuse(error, QStringLiteral("%1 is not a file").arg(newPath));
    const std::string old = source.toStdString();
    const std::string now = asWritten(doc, QFileInfo(newPath).absoluteFilePath());
    if (old == now) return true;
    std::vector<PlacedClip> removed, inserted;
    for (const auto& track : doc.project().tracks)
        for (const auto& clip : track.clips) {
            if (clip.source != old) continue;
            removed.push_back({track.id, track.kind, clip});
            engine::Clip relinked = clip;
            relinked.source = now;
            relinked.sourcePath = engine::resolveSourcePath(now, doc.baseDir().toStdString());
            inserted.push_back({track.id, track.kind, std::move(relinked)});
        }
    const QString text = QStringLiteral("Relink %1 to %2").arg(fileName(old), fileName(now));
    if (!removed.empty())
        doc.push(std::make_unique<ClipSetCommand>(text, std::move(removed), std::move(inserted)));
    EditorState after = doc.editorState();
    auto it = std::find(after.bin.begin(), after.bin.end(), old);
    if (it != after.bin.end()) {
        if (std::find(after.bin.begin(), after.bin.end(), now) != after.bin.end())
            after.bin.erase(it);
        else
            *it = now;
        doc.push(std::make_unique<EditorStateCommand>(text + QStringLiteral(" (bin)"), kPartBin,
                                                      doc.editorState(), std::move(after)));
    }
    return true;
}

} // namespace entropic::app::edits
