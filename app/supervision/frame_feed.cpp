#include "supervision/frame_feed.h"

#include <QSettings>

#include "supervision/engine_reply.h"
#include "supervision/engine_supervisor.h"
#include "supervision/frame_decode_thread.h"
#include "supervision/ui_mailbox.h"

namespace entropic::app {

FrameFeed::FrameFeed(EngineSupervisor* engine, QObject* parent)
    : QObject(parent), engine_(engine), mailbox_(std::make_shared<UiMailbox>(this)) {
    const auto mailbox = mailbox_;
    decoder_ = std::make_unique<FrameDecodeThread>([mailbox, this](DecodeResult result) {
        mailbox->post([this, result = std::move(result)] { onDecoded(result); });
    });
    // Resumed, not ready: by then the project has been sent to the new engine.
    connect(engine_, &EngineSupervisor::engineResumed, this, [this] {
        if (!pending_ && last_) pending_ = Want{last_->frame, last_->viewSize};
        pump();
    });
    connect(engine_, &EngineSupervisor::engineReady, this, [this] {
        if (proxies_) sendProxyConfig();
    });
    settle_.setSingleShot(true);
    settle_.setInterval(kSettleMs);
    connect(&settle_, &QTimer::timeout, this, [this] {
        if (pending_ || !last_) return; // a newer frame is on its way
        pending_ = Want{last_->frame, last_->viewSize};
        pump();
    });
}

bool FrameFeed::scrubProxiesSetting() {
    return QSettings().value(QLatin1String(kScrubProxiesKey), true).toBool();
}

void FrameFeed::setScrubProxies(bool on) {
    if (on == proxies_) return;
    proxies_ = on;
    if (engine_->isReady()) sendProxyConfig();
}

void FrameFeed::sendProxyConfig() {
    engine_->request(
        {{"cmd", "proxy_config"}, {"enabled", proxies_}}, [](const nlohmann::json&) {},
        EngineSupervisor::kDefaultTimeoutMs, this);
}

FrameFeed::~FrameFeed() {
    mailbox_->close();
    decoder_.reset();
}

int FrameFeed::scaleDenomFor(QSize frameSize, QSize viewSize) {
    if (viewSize.isEmpty() || frameSize.isEmpty()) return 1;
    for (const int denom : {4, 2})
        if (viewSize.width() * denom <= frameSize.width() &&
            viewSize.height() * denom <= frameSize.height())
            return denom;
    return 1;
}

void FrameFeed::requestFrame(qint64 frame, QSize viewSize) {
    last_ = Want{frame, viewSize};
    pending_ = last_; // replaces whatever was waiting
    pending_->proxy = proxies_;
    settle_.stop();
    pump();
}

void FrameFeed::refresh() {
    if (!last_) return;
    settle_.stop();
    pending_ = Want{last_->frame, last_->viewSize};
    pump();
}

void FrameFeed::pump() {
    if (inFlight_ || !pending_ || !engine_->isReady()) return;
    const Want want = *pending_;
    pending_.reset();
    inFlight_ = true;
    ++rendersSent_;
    nlohmann::json request = {{"cmd", "render_frame"}, {"frame", want.frame}};
    if (want.proxy) request["proxy"] = true;
    engine_->request(
        std::move(request),
        [this, want](const nlohmann::json& reply) { onRenderReply(want, reply); }, timeoutMs_,
        this);
}

void FrameFeed::onRenderReply(const Want& want, const nlohmann::json& reply) {
    inFlight_ = false;
    if (!replyOk(reply)) {
        if (replyErrorCode(reply) == QLatin1String(kEngineUnavailable)) {
            // The engine died or is restarting: not the user's problem yet.
            // Ask again when it is back, unless something newer is waiting.
            if (!pending_) pending_ = want;
            if (engine_->isReady()) pump(); // a timeout on a live engine
            return;
        }
        Q_EMIT renderFailed(replyErrorCode(reply), replyErrorMessage(reply));
        pump();
        return;
    }
    DecodeJob job;
    job.ring = reply.value("ring", engine_->ringName().toStdString());
    job.slot = reply.value("slot", 0u);
    job.sequence = reply.value("sequence", std::uint64_t{0});
    job.scaleDenom =
        scaleDenomFor(QSize(reply.value("width", 0), reply.value("height", 0)), want.viewSize);
    job.frame = reply.value("frame", want.frame);
    job.viewSize = want.viewSize;
    job.hash = QString::fromStdString(reply.value("hash", std::string()));
    job.renderMs = reply.value("render_ms", 0.0);
    job.retried = want.retried;
    if (reply.value("proxy", false)) {
        ++proxyFramesShown_;
        // Shown while the playhead moves; the exact frame once it rests.
        if (!pending_) settle_.start();
    }
    decoder_->post(std::move(job));
    pump(); // the next render overlaps this decode
}

void FrameFeed::onDecoded(const DecodeResult& result) {
    const DecodeJob& job = result.job;
    switch (result.status) {
    case DecodeResult::Status::Decoded:
        Q_EMIT frameReady(result.image, job.frame, job.hash, job.renderMs);
        return;
    case DecodeResult::Status::Overwritten:
        if (pending_ || inFlight_) return; // something newer is on its way anyway
        if (!job.retried) {
            pending_ = Want{job.frame, job.viewSize, true};
            pump();
            return;
        }
        Q_EMIT renderFailed(QStringLiteral("frame_lost"),
                            QStringLiteral("frame %1 was overwritten in the ring twice before it "
                                           "could be read")
                                .arg(job.frame));
        return;
    case DecodeResult::Status::Failed:
        // A ring that vanished with its engine is not worth a message: the
        // frame is rendered again once the next engine is up.
        if (!engine_->isReady()) return;
        Q_EMIT renderFailed(QStringLiteral("frame_unreadable"), result.error);
        return;
    }
}

} // namespace entropic::app
