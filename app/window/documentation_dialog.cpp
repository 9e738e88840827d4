#include "window/documentation_dialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QTextBrowser>
#include <QUrl>

namespace entropic::app {
namespace {

// A page's title is its first heading; a page without one is named by its file.
QString pageTitle(const QString& path) {
    QFile file(path);
    if (file.open(QIODevice::ReadOnly | QIODevice::Text))
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.startsWith(QStringLiteral("# "))) return line.mid(2);
        }
    return QFileInfo(path).completeBaseName();
}

} // namespace

QString DocumentationDialog::docsFolder() {
    const QStringList candidates = {
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/doc/entropic/docs"),
        QStringLiteral(ENTROPIC_DOCS_DIR),
    };
    for (const QString& dir : candidates)
        if (QFileInfo(dir + QStringLiteral("/editor.md")).isFile()) return QDir(dir).absolutePath();
    return {};
}

DocumentationDialog::DocumentationDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Entropic Documentation"));
    resize(1100, 760);
    index_ = new QListWidget(this);
    index_->setMaximumWidth(260);
    browser_ = new QTextBrowser(this);
    browser_->setOpenExternalLinks(true);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(index_);
    layout->addWidget(browser_, 1);

    const QString folder = docsFolder();
    if (folder.isEmpty()) {
        browser_->setPlainText(tr("The documentation is not installed next to this program."));
        return;
    }
    const QString readme = QDir(folder).absoluteFilePath(QStringLiteral("../README.md"));
    if (QFileInfo(readme).isFile()) pages_ << QFileInfo(readme).canonicalFilePath();
    for (const QFileInfo& info :
         QDir(folder).entryInfoList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
        pages_ << info.absoluteFilePath();
    for (const QString& page : pages_)
        index_->addItem(pageTitle(page));
    connect(index_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < pages_.size())
            browser_->setSource(QUrl::fromLocalFile(pages_[row]), QTextDocument::MarkdownResource);
    });
    index_->setCurrentRow(0);
}

bool DocumentationDialog::showPage(const QString& fileName) {
    for (int i = 0; i < pages_.size(); ++i)
        if (QFileInfo(pages_[i]).fileName() == fileName) {
            index_->setCurrentRow(i);
            return true;
        }
    return false;
}

} // namespace entropic::app
