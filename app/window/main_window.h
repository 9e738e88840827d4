#pragma once
// The editor's window: owns the document, the playhead, the selection and the
// engine, docks the panels, and holds the menus with every action. Panels talk
// to the document through commands; the window only wires them together.
#include <QMainWindow>
#include <QPointer>

#include <nlohmann/json.hpp>

class QLabel;
class QMenu;

namespace entropic::app {

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
    CacheMonitor& cacheMonitor() { return *cache_; }
    ModulationPanel& modulation() { return *modulation_; }
    SignalValues& signalValues() { return *signalValues_; }
    AnalysisMonitor& analysis() { return *analysis_; }

  protected:
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildPanels();
    void buildMenus();
    void connectEngine();
    void restoreLayout();
    void requestCurrentFrame();
    void connectPlayback();
    void buildPlaybackMenu();
    // The document's project as the engine gets it (solo applied).
    void updatePlaybackProject();
    void updateTitle();
    void onDocumentChanged();
    void rememberEffectChange(const QString& clipId);
    void onEngineGaveUp(const QString& reason);
    bool maybeSave();
    bool saveAs();
    bool save();
    void openDialog();
    void importDialog();
    void showExport();
    void addRecent(const QString& path);
    void rebuildRecentMenu();
    void status(const QString& text);

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
    SignalValues* signalValues_ = nullptr;
    AnalysisMonitor* analysis_ = nullptr;
    QLabel* analysisLabel_ = nullptr;
    ToastOverlay* toasts_ = nullptr;
    QPointer<ExportDialog> exportDialog_;
    QLabel* engineLabel_ = nullptr;
    QLabel* renderLabel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    // What each clip's chain looked like, to name the effect changed last
    // when the engine keeps crashing.
    std::map<QString, nlohmann::json> chains_;
    QString lastChangedClip_, lastChangedEffect_;
};

} // namespace entropic::app
