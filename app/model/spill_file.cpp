#include "model/spill_file.h"

#include <signal.h>

#include <cerrno>

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace entropic::app {

namespace {

// "history-<pid>-XXXXXX.spill": the pid tells whether the owner still runs.
void removeStaleFiles(const QString& directory) {
    QDir dir(directory);
    const auto files = dir.entryList({QStringLiteral("history-*-*.spill")}, QDir::Files);
    for (const QString& name : files) {
        bool ok = false;
        const qint64 pid = name.section(QLatin1Char('-'), 1, 1).toLongLong(&ok);
        if (!ok || pid == QCoreApplication::applicationPid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) dir.remove(name);
    }
}

} // namespace

SpillFile::SpillFile(QString directory) : directory_(std::move(directory)) {}

SpillFile::~SpillFile() = default; // QTemporaryFile removes the file

QString SpillFile::defaultDirectory() {
    QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty()) base = QDir::tempPath();
    return base + QStringLiteral("/history");
}

QString SpillFile::path() const {
    return file_ ? file_->fileName() : QString();
}

bool SpillFile::open(QString* error) {
    if (file_) return true;
    if (!QDir().mkpath(directory_)) {
        if (error) *error = QStringLiteral("%1: cannot create the folder").arg(directory_);
        return false;
    }
    removeStaleFiles(directory_);
    auto file = std::make_unique<QTemporaryFile>(QStringLiteral("%1/history-%2-XXXXXX.spill")
                                                     .arg(directory_)
                                                     .arg(QCoreApplication::applicationPid()));
    if (!file->open()) {
        if (error) *error = QStringLiteral("%1: %2").arg(directory_, file->errorString());
        return false;
    }
    file_ = std::move(file);
    return true;
}

std::optional<SpillRecord> SpillFile::append(const QByteArray& bytes, QString* error) {
    if (!open(error)) return std::nullopt;
    const qint64 offset = file_->size();
    if (!file_->seek(offset) || file_->write(bytes) != bytes.size() || !file_->flush()) {
        if (error) *error = QStringLiteral("%1: %2").arg(file_->fileName(), file_->errorString());
        file_->resize(offset); // a partial record is never read, but keep the file tidy
        return std::nullopt;
    }
    return SpillRecord{offset, bytes.size()};
}

std::optional<QByteArray> SpillFile::read(const SpillRecord& record, QString* error) {
    if (!file_ || !file_->seek(record.offset)) {
        if (error) *error = QStringLiteral("history file %1 is gone").arg(path());
        return std::nullopt;
    }
    QByteArray bytes = file_->read(record.size);
    if (bytes.size() != record.size) {
        if (error) *error = QStringLiteral("%1: short read").arg(file_->fileName());
        return std::nullopt;
    }
    return bytes;
}

} // namespace entropic::app
