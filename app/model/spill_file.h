#pragma once
// Where the history keeps entries it moved out of RAM: one append-only
// QTemporaryFile per document in the cache folder, removed when the history
// is reset or the document closes. On Linux Qt creates it unnamed
// (O_TMPFILE), so even a crash leaves nothing; where it has a name
// ("history-<pid>-XXXXXX.spill"), files of processes that no longer run are
// removed the next time a spill file is opened in that folder.
#include <memory>
#include <optional>

#include <QByteArray>
#include <QString>

class QTemporaryFile;

namespace entropic::app {

struct SpillRecord {
    qint64 offset = 0;
    qint64 size = 0;
};

class SpillFile {
  public:
    explicit SpillFile(QString directory);
    ~SpillFile();
    SpillFile(const SpillFile&) = delete;
    SpillFile& operator=(const SpillFile&) = delete;

    // Appends bytes; nullopt (and error) when the disk refuses.
    std::optional<SpillRecord> append(const QByteArray& bytes, QString* error);
    std::optional<QByteArray> read(const SpillRecord& record, QString* error);
    QString path() const;

    // The default folder: QStandardPaths::CacheLocation/history.
    static QString defaultDirectory();

  private:
    bool open(QString* error);

    QString directory_;
    std::unique_ptr<QTemporaryFile> file_;
};

} // namespace entropic::app
