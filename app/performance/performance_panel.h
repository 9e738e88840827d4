#pragma once
// The Performance panel (docs/performance.md): a grid of pads (4×4 by
// default, up to 8×8), each a performance lane with its gate source, played
// with the mouse or the computer keyboard (PadKeys) and lit while on; Arm
// records what is played into the lanes (overdub or replace, quantized to a
// beat grid if chosen), "Capture last
// performance" writes the last minute of playing even when not armed. A
// pad's context menu sets its key, colour, mode and choke group, the marker
// it jumps to, and makes it drive an effect parameter through an envelope or
// bypass or enable an effect while on; with MIDI, a pad learns a note and the
// panel lists the MIDI mappings.
#include <functional>
#include <optional>
#include <vector>

#include <QWidget>

#include "entropic/effects/container.h"
#include "entropic/signal/spec.h"
#include "performance/live_performance.h"

class QAction;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QMenu;
class QSpinBox;
class QToolButton;

namespace entropic::app {

class ClipSelection;
class MidiControl;
class MidiMappingList;
class PadButton;
class PadKeys;
class Player;
class ProjectDocument;
class Transport;

class PerformancePanel : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kMaxGrid = 8;
    // The gate level at which a bypass or enable pad switches fully: below
    // the softest MIDI note (1/127).
    static constexpr double kSwitchThreshold = 0.001;
    PerformancePanel(ProjectDocument& doc, Player& player, Transport& transport,
                     ClipSelection& selection, QWidget* parent = nullptr);
    ~PerformancePanel() override;

    // The default key of a grid slot: rows 1 2 3 4 / Q W E R / A S D F / Z X C V.
    static QString defaultKey(int row, int column);

    LivePerformance& live() { return *live_; }
    PadKeys& keys() { return *keys_; }
    void setGrid(int rows, int columns);
    int rows() const { return rows_; }
    int columns() const { return columns_; }
    PadButton* padButton(int slot) const;
    // Makes a pad in an empty slot (what a click on "+" does).
    bool makePad(int slot, QString* error = nullptr);
    // The context menu of a slot's pad (tests trigger its actions).
    void fillPadMenu(int slot, QMenu& menu);
    QCheckBox* keysPlayPads() const { return keysPlayPads_; }
    QToolButton* armButton() const { return arm_; }
    QComboBox* takeMode() const { return takeMode_; }
    // The quantize grid of takes (quantizeChoices(), by index; QSettings
    // "performance/quantize" keeps the choice's key).
    QComboBox* quantize() const { return quantize_; }
    QAction* captureAction() const { return capture_; }
    // MIDI: notes play the pads that learned them, the pad menu learns
    // notes, and the mapping list joins the panel. Without it, no MIDI.
    void setMidi(MidiControl& midi);
    MidiMappingList* midiMappings() const { return midiList_; }
    // The pad a MIDI note plays, or -1.
    int padForNote(int channel, int note) const;

  Q_SIGNALS:
    // For the status bar: a take recorded, a refusal.
    void notice(const QString& text);

  private:
    void rebuildGrid();
    void refreshPads();
    void onMenu(int slot, const QPoint& globalPos);
    void drive(int pad, const std::string& effect, const std::string& param, const QString& label);
    // A route from the pad's gate into an effect's mix: bypassed while the
    // pad is on, or (enable) bypassed while it is off.
    void switchEffect(int pad, const std::string& effect, bool enable);
    std::vector<const fx::EffectInstance*> selectedClipEffects() const;
    // A route whose signal is the pad's gate source; nullopt for a pad
    // without one, after the notice noSource.
    std::optional<sig::RouteSpec> routeFromPad(int pad, const QString& noSource);
    void editPad(int pad, const std::function<void(PadSettings&)>& change);
    int padAt(int slot) const; // the pad index a slot shows, or -1
    int padForKey(const QString& key) const;

    ProjectDocument& doc_;
    ClipSelection& selection_;
    LivePerformance* live_ = nullptr;
    PadKeys* keys_ = nullptr;
    MidiControl* midi_ = nullptr;
    MidiMappingList* midiList_ = nullptr;
    QGridLayout* grid_ = nullptr;
    std::vector<PadButton*> buttons_;
    QToolButton* arm_ = nullptr;
    QComboBox* takeMode_ = nullptr;
    QComboBox* quantize_ = nullptr;
    QCheckBox* keysPlayPads_ = nullptr;
    QSpinBox *rowsBox_ = nullptr, *columnsBox_ = nullptr, *retroBox_ = nullptr;
    QAction* capture_ = nullptr;
    int rows_ = 4;
    int columns_ = 4;
};

} // namespace entropic::app
