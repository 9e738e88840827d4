#pragma once
// The media bin: files imported into the project, each with a thumbnail and
// its probe facts. Import by dialog (the window's File ▸ Import), by dropping
// files from the desktop, or programmatically; a file the engine's media layer
// refuses is reported by name and reason and nothing of it is added. Items
// drag onto the timeline. Missing files are marked and can be relinked.
#include <QHash>
#include <QWidget>

#include "bin/media_probe_job.h"

class QListWidget;
class QListWidgetItem;

namespace entropic::app {

class ProjectDocument;

// A bin item dragged out: the absolute path of the file (also as text/uri-list).
inline constexpr const char* kMediaMimeType = "application/x-entropic-media";

class MediaBin : public QWidget {
    Q_OBJECT
  public:
    explicit MediaBin(ProjectDocument& doc, QWidget* parent = nullptr);

    // Probes every file off the UI thread; the ones that open are added to the
    // bin as one history entry when all are done.
    // What the bin shows while it holds nothing: how to import.
    static QString emptyHint();
    void importFiles(const QStringList& paths);
    int itemCount() const;
    // Probe facts of an item, if probed (absolute path).
    const ProbedMedia* probed(const QString& absolutePath) const;
    // Selects the item of a file (absolute path), scrolls to it and brings the
    // bin's dock to the front; false (and a message) if the file is not in the bin.
    bool reveal(const QString& absolutePath);

  Q_SIGNALS:
    void message(const QString& text);
    void importFinished(const QStringList& added);
    void relinkRequested(const QString& source);

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void sync();
    void decorate(QListWidgetItem* item, const QString& absolutePath);
    void showContextMenu(const QPoint& pos);

    ProjectDocument& doc_;
    QListWidget* list_;
    QHash<QString, ProbedMedia> probed_; // by absolute path
    QStringList pendingAdds_;
    int pending_ = 0;
};

} // namespace entropic::app
