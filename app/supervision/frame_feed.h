#pragma once
// The viewer's source of frames: asks the engine to render, reads the frame
// from the shared-memory ring and decodes it off the UI thread.
//
// Coalesced: at most one render_frame is in flight, and a new request replaces
// the one waiting, so dragging the playhead shows the newest frame instead of
// working through a queue of stale ones.
//
// With scrub proxies on, a moved playhead asks for a proxy frame first (the
// engine's all-intra copy of the file, a millisecond away where the exact
// frame may need a GOP of decoding), and once the playhead has rested for
// kSettleMs, for the exact frame: the viewer always ends on it. Nothing is shown as an error while
// the engine starts or restarts: the request waits, and once the engine is
// back (and has the project again) the last frame asked for is rendered again.
#include <cstdint>
#include <memory>
#include <optional>

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>
#include <QTimer>

#include <nlohmann/json.hpp>

namespace entropic::app {

class EngineSupervisor;
class FrameDecodeThread;
class UiMailbox;
struct DecodeResult;

class FrameFeed : public QObject {
    Q_OBJECT
  public:
    // While stopped a frame may take up to 10 s at full resolution (docs/architecture.md).
    static constexpr int kDefaultRenderTimeoutMs = 15000;
    // The playhead rests this long before its proxy frame is replaced.
    static constexpr int kSettleMs = 150;
    // QSettings: scrub proxies on (the default) or off (Preferences ▸ Playback).
    static constexpr const char* kScrubProxiesKey = "playback/scrubProxies";
    static bool scrubProxiesSetting();

    explicit FrameFeed(EngineSupervisor* engine, QObject* parent = nullptr);
    ~FrameFeed() override;

    // Shows `frame` (project frame index) in a view of viewSize device pixels
    // (an empty size: decode at full size).
    void requestFrame(qint64 frame, QSize viewSize);
    // Renders the last requested frame again: the project changed (connect
    // ProjectSync::loaded here).
    void refresh();
    void setRenderTimeoutMs(int ms) { timeoutMs_ = ms; }
    // Asks the engine to make scrub proxies (now and after every restart)
    // and shows them while the playhead moves. Off by default.
    void setScrubProxies(bool on);
    bool scrubProxies() const { return proxies_; }

    // 4 when the view fits in a quarter of the frame (each way), 2 for half, else 1.
    static int scaleDenomFor(QSize frameSize, QSize viewSize);

    int rendersSent() const { return rendersSent_; }
    int proxyFramesShown() const { return proxyFramesShown_; }
    // Nothing in flight, waiting or about to replace a proxy frame.
    bool idle() const { return !inFlight_ && !pending_ && !settle_.isActive(); }

  Q_SIGNALS:
    void frameReady(const QImage& image, qint64 frame, const QString& hash, double renderMs);
    // The engine could not render (the message names the effect or file), or
    // the frame could not be read from the ring.
    void renderFailed(const QString& code, const QString& message);

  private:
    struct Want {
        qint64 frame = 0;
        QSize viewSize;
        bool retried = false; // a frame overwritten in the ring is asked for once more
        bool proxy = false;   // a scrub proxy frame will do
    };
    void pump();
    void sendProxyConfig();
    void onRenderReply(const Want& want, const nlohmann::json& reply);
    void onDecoded(const DecodeResult& result);

    EngineSupervisor* engine_;
    std::shared_ptr<UiMailbox> mailbox_;
    std::unique_ptr<FrameDecodeThread> decoder_;
    std::optional<Want> pending_; // waiting for the render in flight (or for the engine)
    std::optional<Want> last_;    // the newest asked for: what refresh() and a restart render
    int timeoutMs_ = kDefaultRenderTimeoutMs;
    int rendersSent_ = 0;
    int proxyFramesShown_ = 0;
    bool inFlight_ = false;
    bool proxies_ = false;
    QTimer settle_; // the playhead rested: the exact frame replaces the proxy
};

} // namespace entropic::app
