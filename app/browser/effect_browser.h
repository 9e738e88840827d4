#pragma once
// Every registered effect, grouped util / fx (and mod once the signal engine
// lands), then the presets (named chains, engine::loadPresets), with search.
// Built from descriptors and preset files alone: a new effect appears here by
// being in the registry. Double-click adds to the selected clip; dragging
// carries the effect id (kEffectMimeType) or the preset id (kPresetMimeType).
#include <vector>

#include <QWidget>

#include "entropic/engine/project/preset.h"

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace entropic::app {

inline constexpr const char* kEffectMimeType = "application/x-entropic-effect";
inline constexpr const char* kPresetMimeType = "application/x-entropic-preset";

class EffectBrowser : public QWidget {
    Q_OBJECT
  public:
    explicit EffectBrowser(QWidget* parent = nullptr);
    void setFilter(const QString& text);
    int visibleEffectCount() const; // effects only, presets not counted
    int visiblePresetCount() const;

  Q_SIGNALS:
    void effectActivated(const QString& effectId);
    void presetActivated(const QString& presetId);

  private:
    void rebuild();
    QLineEdit* search_;
    std::vector<engine::Preset> presets_; // read once, when the browser is made
    QTreeWidget* tree_;
};

} // namespace entropic::app
