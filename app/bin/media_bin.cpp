#include "bin/media_bin.h"

#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QUrl>
#include <QVBoxLayout>

#include "commands/edits.h"
#include "model/project_document.h"

namespace entropic::app {
namespace {

constexpr int kPathRole = Qt::UserRole + 1;   // absolute path
constexpr int kSourceRole = Qt::UserRole + 2; // as written in the project

class BinList : public QListWidget {
  public:
    using QListWidget::QListWidget;

  protected:
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override {
        if (items.isEmpty()) return nullptr;
        auto* mime = new QMimeData;
        const QString path = items.front()->data(kPathRole).toString();
        mime->setData(kMediaMimeType, path.toUtf8());
        mime->setUrls({QUrl::fromLocalFile(path)});
        return mime;
    }
    QStringList mimeTypes() const override {
        return {QString::fromLatin1(kMediaMimeType), QStringLiteral("text/uri-list")};
    }

    // An empty bin says how to fill it, where the thumbnails will be.
    void paintEvent(QPaintEvent* event) override {
        QListWidget::paintEvent(event);
        if (count() > 0) return;
        QPainter p(viewport());
        p.setPen(QColor(150, 150, 162));
        p.drawText(viewport()->rect().adjusted(16, 16, -16, -16),
                   Qt::AlignCenter | Qt::TextWordWrap, MediaBin::emptyHint());
    }
};

QIcon placeholderIcon(const QColor& color, const QString& text) {
    QPixmap pixmap(160, 90);
    pixmap.fill(color);
    QPainter p(&pixmap);
    p.setPen(Qt::white);
    p.drawText(pixmap.rect(), Qt::AlignCenter, text);
    return QIcon(pixmap);
}

} // namespace

MediaBin::MediaBin(ProjectDocument& doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    list_ = new BinList(this);
    list_->setViewMode(QListView::IconMode);
    list_->setIconSize(QSize(160, 90));
    list_->setGridSize(QSize(176, 136));
    list_->setResizeMode(QListView::Adjust);
    list_->setMovement(QListView::Static);
    list_->setWordWrap(true);
    list_->setDragEnabled(true);
    list_->setDragDropMode(QAbstractItemView::DragOnly);
    list_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    list_->setContextMenuPolicy(Qt::CustomContextMenu);
    list_->setAcceptDrops(false);
    layout->addWidget(list_);
    connect(list_, &QListWidget::customContextMenuRequested, this, &MediaBin::showContextMenu);
    connect(&doc_, &ProjectDocument::changed, this, &MediaBin::sync);
    sync();
}

int MediaBin::itemCount() const {
    return list_->count();
}

QString MediaBin::emptyHint() {
    return tr("No media yet.\n\nDrop video, image or sound files here, or import them with File ▸ "
              "Import Media "
              "(Ctrl+I).");
}

const ProbedMedia* MediaBin::probed(const QString& absolutePath) const {
    auto it = probed_.constFind(absolutePath);
    return it == probed_.constEnd() ? nullptr : &it.value();
}

void MediaBin::importFiles(const QStringList& paths) {
    for (const QString& raw : paths) {
        const QString path = QFileInfo(raw).absoluteFilePath();
        ++pending_;
        probeMediaAsync(path, this, [this](const ProbedMedia& result) {
            --pending_;
            if (result.ok) {
                probed_.insert(result.path, result);
                pendingAdds_ << result.path;
            } else {
                Q_EMIT message(tr("Cannot import %1: %2")
                                   .arg(QFileInfo(result.path).fileName(), result.error));
            }
            if (pending_ > 0) return;
            const QStringList added = std::exchange(pendingAdds_, {});
            if (!added.isEmpty()) {
                QString error;
                if (!edits::addToBin(doc_, added, &error)) Q_EMIT message(error);
            }
            Q_EMIT importFinished(added);
        });
    }
}

bool MediaBin::reveal(const QString& absolutePath) {
    const QString wanted = QDir::cleanPath(absolutePath);
    for (int i = 0; i < list_->count(); ++i) {
        QListWidgetItem* item = list_->item(i);
        if (QDir::cleanPath(item->data(kPathRole).toString()) != wanted) continue;
        list_->clearSelection();
        list_->setCurrentItem(item);
        item->setSelected(true);
        list_->scrollToItem(item, QAbstractItemView::PositionAtCenter);
        // Docked and perhaps tabbed behind another panel: to the front.
        for (QWidget* w = parentWidget(); w; w = w->parentWidget())
            if (auto* dock = qobject_cast<QDockWidget*>(w)) {
                dock->show();
                dock->raise();
            }
        list_->setFocus(Qt::OtherFocusReason);
        return true;
    }
    Q_EMIT message(tr("%1 is not in the media bin").arg(QFileInfo(absolutePath).fileName()));
    return false;
}

void MediaBin::sync() {
    const QString baseDir = doc_.baseDir();
    QStringList wanted;
    for (const auto& source : doc_.editorState().bin)
        wanted << QString::fromStdString(source);
    QStringList shown;
    for (int i = 0; i < list_->count(); ++i)
        shown << list_->item(i)->data(kSourceRole).toString();
    if (wanted == shown) return;
    list_->clear();
    for (const QString& source : wanted) {
        const QString path = QString::fromStdString(
            engine::resolveSourcePath(source.toStdString(), baseDir.toStdString()));
        auto* item = new QListWidgetItem(QFileInfo(path).fileName(), list_);
        item->setData(kPathRole, path);
        item->setData(kSourceRole, source);
        decorate(item, path);
        if (!probed_.contains(path) && QFileInfo::exists(path)) {
            probeMediaAsync(path, this, [this](const ProbedMedia& result) {
                if (!result.ok) return;
                probed_.insert(result.path, result);
                for (int i = 0; i < list_->count(); ++i)
                    if (list_->item(i)->data(kPathRole).toString() == result.path)
                        decorate(list_->item(i), result.path);
            });
        }
    }
}

void MediaBin::decorate(QListWidgetItem* item, const QString& path) {
    if (!QFileInfo::exists(path)) {
        item->setIcon(placeholderIcon(QColor(110, 24, 32), tr("missing")));
        item->setToolTip(tr("%1\nThe file is missing: right-click to relink it.").arg(path));
        item->setForeground(QColor(255, 120, 120));
        return;
    }
    const ProbedMedia* media = probed(path);
    if (!media) {
        item->setIcon(placeholderIcon(QColor(40, 40, 48), tr("…")));
        item->setToolTip(path);
        return;
    }
    item->setIcon(media->thumbnail.isNull() ? placeholderIcon(QColor(30, 60, 50), tr("♪ audio"))
                                            : QIcon(QPixmap::fromImage(media->thumbnail)));
    const QString facts = describeMedia(media->info);
    item->setText(QStringLiteral("%1\n%2").arg(QFileInfo(path).fileName(), facts));
    item->setToolTip(QStringLiteral("%1\n%2").arg(path, facts));
}

void MediaBin::showContextMenu(const QPoint& pos) {
    QListWidgetItem* item = list_->itemAt(pos);
    if (!item) return;
    QMenu menu(this);
    const QString source = item->data(kSourceRole).toString();
    const QString path = item->data(kPathRole).toString();
    if (!QFileInfo::exists(path))
        menu.addAction(tr("Relink…"), this, [this, source] { Q_EMIT relinkRequested(source); });
    menu.addAction(tr("Remove from bin"), this, [this, source] {
        QString error;
        if (!edits::removeFromBin(doc_, {source}, &error)) Q_EMIT message(error);
    });
    menu.exec(list_->viewport()->mapToGlobal(pos));
}

void MediaBin::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MediaBin::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    importFiles(paths);
}

} // namespace entropic::app
