#pragma once
// What the autosaver leaves behind when the editor does not close cleanly.
// A recovery file is the document as toJson() writes it plus a "recovery"
// object: the project it belongs to (empty for an untitled one), the folder
// its relative sources resolve against, when it was written and by which
// process. On start the window asks pending() and offers each candidate;
// when opening a project it asks forProject(). Choosing restore() loads it
// into a document (modified, belonging to the original project path);
// discard() deletes it.
#include <optional>
#include <vector>

#include <QDateTime>
#include <QString>

namespace entropic::app {

class ProjectDocument;

struct RecoveryCandidate {
    QString recoveryFile;
    QString projectPath; // empty: an untitled project
    QString baseDir;
    QDateTime savedAt; // UTC
};

class RecoveryStore {
  public:
    // QStandardPaths::AppDataLocation/recovery
    static QString defaultDirectory();
    explicit RecoveryStore(QString directory = defaultDirectory());

    QString directory() const { return directory_; }
    // Recovery files newer than their project (or whose project is untitled
    // or gone), not held by another running editor; newest first.
    std::vector<RecoveryCandidate> pending() const;
    std::optional<RecoveryCandidate> forProject(const QString& projectPath) const;
    bool restore(ProjectDocument& document, const RecoveryCandidate& candidate,
                 QString* error) const;
    bool discard(const RecoveryCandidate& candidate) const;

  private:
    QString directory_;
};

} // namespace entropic::app
