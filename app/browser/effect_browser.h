#pragma once
// Every registered effect, grouped util / fx (and mod once the signal engine
// lands), with search. Built from descriptors alone: a new effect appears
// here by being in the registry. Double-click adds to the selected clip;
// dragging carries the effect id (mime type kEffectMimeType).
#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace entropic::app {

inline constexpr const char* kEffectMimeType = "application/x-entropic-effect";

class EffectBrowser : public QWidget {
    Q_OBJECT
  public:
    explicit EffectBrowser(QWidget* parent = nullptr);
    void setFilter(const QString& text);
    int visibleEffectCount() const;

  Q_SIGNALS:
    void effectActivated(const QString& effectId);

  private:
    void rebuild();
    QLineEdit* search_;
    QTreeWidget* tree_;
};

} // namespace entropic::app
