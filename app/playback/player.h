#pragma once
// Real-time playback (docs/architecture.md): Space, J/K/L. The sound is the
// master clock (AudioPlayback); the player tells the engine where that clock
// is — a play command with a start point, rate and loop, then the position
// 60 times a second — and the engine renders ahead into the ring. On every
// tick (about 4 ms) the presenter shows the frame the clock says is due, and
// the transport's playhead follows.
//
// Paused, the player does nothing: the viewer's FrameFeed shows a
// full-resolution frame. Moving the playhead while playing (a click on the
// ruler) carries on playing from there. If the engine restarts mid-play, play
// resumes on the new engine from where the sound is.
#include <cstdint>
#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QObject>
#include <QSize>
#include <QTimer>

#include <nlohmann/json.hpp>

#include "entropic/engine/project/project.h"
#include "entropic/engine/render/playback_plan.h"
#include "playback/audio_playback.h"
#include "playback/frame_presenter.h"

namespace entropic::app {

class EngineSupervisor;
class Transport;

class Player : public QObject {
    Q_OBJECT
  public:
    static constexpr int kTickMs = 4;         // presenter and playhead
    static constexpr int kClockReportMs = 16; // the clock to the engine: ~60 Hz
    static constexpr double kMaxShuttle = 4;
    static constexpr int kPrerollMs = 600;
    static constexpr int kPrerollFrames = 4; // decoded frames ready before the sound starts
    // Frames the engine renders ahead of the clock in a project with pads: a
    // live hit cannot show on frames rendered before it, so fewer ahead is a
    // shorter wait for the hit (entropic-live-bench), at the price of less
    // cushion for a slow frame. Without pads, as many as the ring holds.
    static constexpr int kLiveAhead = 1;

    // open: how the audio output is made (default: the device in the
    // settings, silence if there is none); the play benchmark passes silence.
    Player(EngineSupervisor* engine, Transport* transport, QObject* parent = nullptr,
           AudioPlayback::OutputFactory open = &openAudioOutput);
    ~Player() override;

    // The project as the engine has it (its sound, length, rate, size).
    void setProject(engine::ProjectSnapshot project);
    // The in/out range [first, end) that loops when loop is on (nullopt: none).
    void setLoopRange(std::optional<engine::PlayLoop> range);
    void setLoopEnabled(bool on);
    bool loopEnabled() const { return loopEnabled_; }
    void setViewSize(QSize size) { viewSize_ = size; }

    bool playing() const { return playing_; }
    double rate() const { return rate_; }
    // The audio clock, in timeline frames (fractional).
    double position() const;
    const FramePresenter& presenter() const { return *presenter_; }
    // The engine's statistics of the current (or last) playback.
    const nlohmann::json& engineStats() const { return engineStats_; }

  public Q_SLOTS:
    void play(double rate = 1.0);
    void pause();
    void togglePlay();
    // L: forward, faster with each press (1×, 2×, 4×); J the same backwards.
    void shuttleForward();
    void shuttleBackward();

  Q_SIGNALS:
    void playingChanged(bool playing);
    void rateChanged(double rate);
    void framePresented(const QImage& image, qint64 frame, double scale);
    // One line for the status bar (e.g. no audio device: playing silently).
    void notice(const QString& text);

  private:
    void tick();
    // preroll: the engine holds its clock at the start until the sound starts.
    void startSession(bool preroll = false);
    // Pre-roll over (the first frames are ready, or it took too long): sound on.
    void startSound();
    void sendClock();
    void onTransportMoved(qint64 frame);
    std::optional<engine::PlayLoop> activeLoop() const;
    std::optional<LoopRange> sampleLoop() const; // activeLoop() in timeline samples
    std::int64_t sampleOf(double frame) const;

    EngineSupervisor* engine_;
    Transport* transport_;
    AudioPlayback audio_;
    std::unique_ptr<FramePresenter> presenter_;
    engine::ProjectSnapshot project_;
    std::optional<engine::PlayLoop> loopRange_;
    bool loopEnabled_ = true;
    QSize viewSize_;
    QTimer ticker_;
    QElapsedTimer sinceClock_;
    nlohmann::json engineStats_ = nlohmann::json::object();
    std::uint32_t session_ = 0;
    double rate_ = 0;
    bool playing_ = false;
    bool clockInFlight_ = false;
    bool moving_ = false; // the player itself is moving the playhead
    // Starting from stopped, the sound waits (at most kPrerollMs) until the
    // engine has the first frames ready, so the start is never a run of drops.
    bool prerolling_ = false;
    double prerollFrom_ = 0;
    QElapsedTimer preroll_;
    QString lastNotice_;
};

} // namespace entropic::app
