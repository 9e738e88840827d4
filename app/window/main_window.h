#pragma once
// The editor's window: owns the document, the playhead, the selection and the
// engine, docks the panels, and holds the menus with every action. Panels talk
// to the document through commands; the window only wires them together.
#include <QMainWindow>
#include <QPointer>

#include "supervision/crash_culprit.h"

class QLabel;
class QMenu;

namespace entropic::app {

class AutomationRecorder;
class Autosaver;
class CacheMonitor;
class Player;
class ClipSelection;
class EffectBrowser;
class EngineSupervisor;
class ExportDialog;
class FrameFeed;
class HistoryPanel;
class InspectorPanel;
class MidiControl;
class AnalysisMonitor;
class MediaBin;
class ModulationPanel;
class SignalValues;
class ProjectDocument;
class ProjectSync;
class TimelineWidget;
class ToastOverlay;
class Transport;
class TransportBar;
class ViewerWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project file, or imports a media file into a new project.
    bool openPath(const QString& path);
    // Offers the newest recovery file after a crash (asks the user).
    void offerRecovery();

    ProjectDocument& document() { return *doc_; }
    EngineSupervisor& engine() { return *engine_; }
    Transport& transport() { return *transport_; }
    ClipSelection& selection() { return *selection_; }
    ViewerWidget& viewer() { return *viewer_; }
    TransportBar& transportBar() { return *transportBar_; }
    InspectorPanel& inspector() { return *inspector_; }
    EffectBrowser& effectBrowser() { return *browser_; }
    MediaBin& mediaBin() { return *bin_; }
    TimelineWidget& timeline() { return *timeline_; }
    ToastOverlay& toasts() { return *toasts_; }
    FrameFeed& frameFeed() { return *feed_; }
    Player& player() { return *player_; }
    AutomationRecorder& automationRecorder() { return *recorder_; }
    CacheMonitor& cacheMonitor() { return *cache_; }
    ModulationPanel& modulation() { return *modulation_; }
    SignalValues& signalValues() { return *signalValues_; }
    AnalysisMonitor& analysis() { return *analysis_; }
    // The status bar's frame field: the last still frame and its render
    // time, or while playing the frame on screen, speed and resolution tier.
    QString frameStatus() const;
    // Help ▸ About: the version and the libraries it runs on.
    QString aboutText() const;

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    // main_window.cpp: panels, engine and playback wiring, title, close.
    void buildPanels();
    void buildStatusBar();
    void connectEngine();
    void restoreLayout();
    void requestCurrentFrame();
    void connectPlayback();
    // The document's project as the engine gets it (solo applied).
    void updatePlaybackProject();
    void updateTitle();
    void onDocumentChanged();
    void rememberEffectChange(const QString& clipId);
    void onEngineGaveUp(const QString& reason);
    void status(const QString& text);

    // main_window_menus.cpp: the menus, the one source of every shortcut.
    void buildMenus();
    void buildFileMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildPlaybackMenu();
    void addAutomationModes(QMenu& menu);
    void buildHelpMenu();

    // main_window_files.cpp: new, open, save, import, export, recent files.
    bool maybeSave();
    bool saveAs();
    bool save();
    void openDialog();
    void importDialog();
    void showExport();
    void addRecent(const QString& path);
    void rebuildRecentMenu();

    ProjectDocument* doc_;
    Transport* transport_;
    ClipSelection* selection_;
    EngineSupervisor* engine_;
    ProjectSync* sync_;
    FrameFeed* feed_;
    Player* player_;
    CacheMonitor* cache_;
    Autosaver* autosaver_;
    ViewerWidget* viewer_ = nullptr;
    TransportBar* transportBar_ = nullptr;
    TimelineWidget* timeline_ = nullptr;
    InspectorPanel* inspector_ = nullptr;
    EffectBrowser* browser_ = nullptr;
    MediaBin* bin_ = nullptr;
    HistoryPanel* history_ = nullptr;
    ModulationPanel* modulation_ = nullptr;
    MidiControl* midi_ = nullptr;
    AutomationRecorder* recorder_ = nullptr;
    SignalValues* signalValues_ = nullptr;
    AnalysisMonitor* analysis_ = nullptr;
    QLabel* analysisLabel_ = nullptr;
    ToastOverlay* toasts_ = nullptr;
    QPointer<ExportDialog> exportDialog_;
    QLabel* engineLabel_ = nullptr;
    QLabel* renderLabel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    CrashCulprit culprit_;
};

} // namespace entropic::app
