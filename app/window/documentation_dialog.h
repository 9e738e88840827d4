#pragma once
// Help ▸ Documentation: the manual shipped with the program (README and docs/),
// read inside the editor, offline, links between pages followed.
#include <QDialog>
#include <QStringList>

class QListWidget;
class QTextBrowser;

namespace entropic::app {

class DocumentationDialog : public QDialog {
    Q_OBJECT
  public:
    explicit DocumentationDialog(QWidget* parent = nullptr);

    // The folder the pages come from: the installed docs, else the source
    // tree's docs/ (a build run in place). Empty when neither exists.
    static QString docsFolder();
    // The pages in reading order: README first, then docs/*.md by title.
    QStringList pages() const { return pages_; }
    // Shows a page by file name ("editor.md"); false if there is no such page.
    bool showPage(const QString& fileName);
    QTextBrowser* browser() const { return browser_; }

  private:
    QStringList pages_; // absolute paths
    QListWidget* index_;
    QTextBrowser* browser_;
};

} // namespace entropic::app
