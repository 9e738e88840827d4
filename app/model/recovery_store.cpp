#include "model/recovery_store.h"

#include <signal.h>

#include <algorithm>
#include <cerrno>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

#include "model/project_document.h"

namespace entropic::app {

using nlohmann::json;

namespace {

bool processRuns(qint64 pid) {
    if (pid <= 0 || pid == QCoreApplication::applicationPid()) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

std::optional<RecoveryCandidate> readCandidate(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    const QByteArray bytes = file.readAll();
    const json doc = json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (!doc.is_object()) return std::nullopt;
    const auto meta = doc.find("recovery");
    if (meta == doc.end() || !meta->is_object()) return std::nullopt;
    // Another editor still running has this document open: not a crash.
    if (processRuns(meta->value("pid", qint64{0}))) return std::nullopt;
    RecoveryCandidate c;
    c.recoveryFile = path;
    c.projectPath = QString::fromStdString(meta->value("project_path", std::string()));
    c.baseDir = QString::fromStdString(meta->value("base_dir", std::string()));
    c.savedAt = QDateTime::fromString(
        QString::fromStdString(meta->value("saved_at", std::string())), Qt::ISODateWithMs);
    if (!c.savedAt.isValid()) c.savedAt = QFileInfo(path).lastModified().toUTC();
    return c;
}

// Worth offering: the project file was not written after the recovery file.
bool newerThanProject(const RecoveryCandidate& c) {
    if (c.projectPath.isEmpty()) return true;
    const QFileInfo project(c.projectPath);
    return !project.exists() || project.lastModified().toUTC() < c.savedAt;
}

} // namespace

QString RecoveryStore::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

RecoveryStore::RecoveryStore(QString directory) : directory_(std::move(directory)) {}

std::vector<RecoveryCandidate> RecoveryStore::pending() const {
    std::vector<RecoveryCandidate> out;
    const QDir dir(directory_);
    for (const QString& name : dir.entryList({QStringLiteral("*.entropic")}, QDir::Files))
        if (auto c = readCandidate(dir.filePath(name)); c && newerThanProject(*c))
            out.push_back(*c);
    std::sort(out.begin(), out.end(), [](const RecoveryCandidate& a, const RecoveryCandidate& b) {
        return a.savedAt > b.savedAt;
    });
    return out;
}

std::optional<RecoveryCandidate> RecoveryStore::forProject(const QString& projectPath) const {
    const QString wanted = QFileInfo(projectPath).absoluteFilePath();
    for (const auto& c : pending())
        if (!c.projectPath.isEmpty() && QFileInfo(c.projectPath).absoluteFilePath() == wanted)
            return c;
    return std::nullopt;
}

bool RecoveryStore::restore(ProjectDocument& document, const RecoveryCandidate& candidate,
                            QString* error) const {
    return document.loadRecovered(candidate.recoveryFile, candidate.projectPath, candidate.baseDir,
                                  error);
}

bool RecoveryStore::discard(const RecoveryCandidate& candidate) const {
    return QFile::remove(candidate.recoveryFile);
}

} // namespace entropic::app
