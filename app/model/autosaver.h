#pragma once
// Autosave (docs/architecture.md): every interval (60 s by default, QSettings
// key autosave/intervalSeconds), if the document changed since the last
// autosave and is not saved, writes it atomically to a recovery file in
// RecoveryStore::defaultDirectory(). The recovery file goes away when the
// document is saved (or undone back to its saved state), replaced, or
// closed cleanly (the Autosaver is destroyed); a crash leaves it for
// RecoveryStore to find on the next start.
#include <chrono>

#include <QObject>
#include <QString>
#include <QTimer>

#include "model/recovery_store.h"

namespace entropic::app {

class ProjectDocument;

class Autosaver : public QObject {
    Q_OBJECT
  public:
    static constexpr int kDefaultIntervalSeconds = 60;
    static constexpr const char* kIntervalKey = "autosave/intervalSeconds";

    explicit Autosaver(ProjectDocument& document,
                       QString directory = RecoveryStore::defaultDirectory(),
                       QObject* parent = nullptr);
    // A clean close: the recovery file is removed.
    ~Autosaver() override;

    std::chrono::milliseconds interval() const {
        return std::chrono::milliseconds(timer_.interval());
    }
    void setInterval(std::chrono::milliseconds interval);
    void loadSettings();

    // Where this document's recovery file goes: named after the project's
    // path, or a per-session name for an untitled project.
    QString recoveryFilePath() const;
    // Writes the recovery file now (what the timer does).
    bool saveNow(QString* error = nullptr);
    // Removes the recovery file, if there is one.
    void discard();

  Q_SIGNALS:
    void autosaved(const QString& recoveryFile);
    void autosaveFailed(const QString& message);

  private:
    void onTimeout();
    void onFileStateChanged();

    ProjectDocument& document_;
    QString directory_;
    QString sessionId_;
    QTimer timer_;
    QString written_;    // the recovery file on disk, if any
    bool dirty_ = false; // changed since the last autosave
};

} // namespace entropic::app
