#include "model/autosaver.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QUuid>

#include "model/atomic_file.h"
#include "model/project_document.h"

namespace entropic::app {

using nlohmann::json;

Autosaver::Autosaver(ProjectDocument& document, QString directory, QObject* parent)
    : QObject(parent), document_(document), directory_(std::move(directory)),
      sessionId_(QUuid::createUuid().toString(QUuid::Id128).left(12)) {
    timer_.setInterval(kDefaultIntervalSeconds * 1000);
    loadSettings();
    connect(&timer_, &QTimer::timeout, this, &Autosaver::onTimeout);
    connect(&document_, &ProjectDocument::changed, this, [this] { dirty_ = true; });
    connect(&document_, &ProjectDocument::fileStateChanged, this, &Autosaver::onFileStateChanged);
    timer_.start();
}

Autosaver::~Autosaver() {
    discard();
}

void Autosaver::setInterval(std::chrono::milliseconds interval) {
    timer_.setInterval(
        static_cast<int>(std::max<std::chrono::milliseconds::rep>(interval.count(), 1)));
}

void Autosaver::loadSettings() {
    const int seconds =
        QSettings().value(QLatin1String(kIntervalKey), kDefaultIntervalSeconds).toInt();
    setInterval(std::chrono::seconds(seconds > 0 ? seconds : kDefaultIntervalSeconds));
}

QString Autosaver::recoveryFilePath() const {
    const QString path = document_.filePath();
    if (path.isEmpty())
        return QStringLiteral("%1/untitled-%2.entropic").arg(directory_, sessionId_);
    // The hash keeps two projects called "edit.entropic" in different folders apart.
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    return QStringLiteral("%1/%2-%3.entropic")
        .arg(directory_, hash, QFileInfo(path).completeBaseName());
}

bool Autosaver::saveNow(QString* error) {
    if (!QDir().mkpath(directory_)) {
        const QString message =
            QStringLiteral("%1: cannot create the recovery folder").arg(directory_);
        if (error) *error = message;
        Q_EMIT autosaveFailed(message);
        return false;
    }
    json doc = document_.toJson();
    doc["recovery"] = {
        {"project_path", document_.filePath().toStdString()},
        {"base_dir", document_.baseDir().toStdString()},
        {"saved_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
        {"pid", QCoreApplication::applicationPid()}};
    const std::string text = doc.dump() + "\n";
    const QString target = recoveryFilePath();
    QString message;
    const bool ok = writeFileAtomically(
        target,
        [&](QIODevice& file) {
            if (file.write(text.data(), static_cast<qint64>(text.size())) !=
                static_cast<qint64>(text.size()))
                throw std::runtime_error(file.errorString().toStdString());
        },
        &message);
    if (!ok) {
        if (error) *error = message;
        Q_EMIT autosaveFailed(message);
        return false;
    }
    if (!written_.isEmpty() && written_ != target)
        QFile::remove(written_); // saved under a new name
    written_ = target;
    dirty_ = false;
    Q_EMIT autosaved(target);
    return true;
}

void Autosaver::discard() {
    if (!written_.isEmpty()) QFile::remove(written_);
    written_.clear();
}

void Autosaver::onTimeout() {
    if (!document_.isModified()) {
        discard();
        return;
    }
    if (dirty_ || written_ != recoveryFilePath()) saveNow();
}

void Autosaver::onFileStateChanged() {
    // Saved, loaded, or back at the saved state: the project file has it all.
    if (!document_.isModified()) discard();
}

} // namespace entropic::app
