#include "playback/frame_presenter.h"

#include "entropic/ipc/frame_ring.h"
#include "supervision/frame_decode_thread.h"
#include "supervision/frame_feed.h"
#include "supervision/ui_mailbox.h"

namespace entropic::app {

FramePresenter::FramePresenter(Position position, QObject* parent)
    : QObject(parent), position_(std::move(position)), mailbox_(std::make_shared<UiMailbox>(this)) {
    const auto mailbox = mailbox_;
    decoder_ = std::make_unique<FrameDecodeThread>(
        [mailbox, this](DecodeResult result) {
            mailbox->post([this, result = std::move(result)] { onDecoded(result); });
        },
        FrameDecodeThread::Mode::InOrder);
}

FramePresenter::~FramePresenter() {
    mailbox_->close();
    decoder_.reset();
}

void FramePresenter::begin(const Session& session) {
    decoder_->clear();
    session_ = session;
    schedule_.begin(session.direction, session.loop);
    posted_.clear();
    ready_.clear();
    active_ = true;
    if (!ring_ || ringName_ != session.ring) {
        ring_.reset();
        ringName_.clear();
        try {
            ring_ = std::make_unique<ipc::FrameRingReader>(session.ring.toStdString());
            ringName_ = session.ring;
        } catch (const std::exception&) {
            // The engine is gone or restarting: the player begins again with
            // the next engine's ring.
        }
    }
}

void FramePresenter::end() {
    active_ = false;
    decoder_->clear();
    ready_.clear();
    posted_.clear();
}

void FramePresenter::tick() {
    if (!active_) return;
    const double position = position_();
    schedule_.advance(position);
    scan(position);
    showDue(position);
}

void FramePresenter::scan(double position) {
    if (!ring_) return;
    for (int slot = 0; slot < ring_->slotCount(); ++slot) {
        ipc::RingFrameInfo info;
        if (!ring_->peek(static_cast<std::uint32_t>(slot), info)) continue;
        if (info.session != session_.id || posted_.count(info.sequence)) continue;
        if (ready_.count(info.frameIndex)) continue;
        if (!schedule_.wanted(info.frameIndex, position, session_.lookahead + 1)) continue;
        posted_.insert(info.sequence);
        DecodeJob job;
        job.ring = ringName_.toStdString();
        job.slot = info.slot;
        job.sequence = info.sequence;
        job.scaleDenom =
            FrameFeed::scaleDenomFor(QSize(info.width, info.height), session_.viewSize);
        job.frame = info.frameIndex;
        job.session = session_.id;
        job.renderMs = info.renderMs;
        decoder_->post(std::move(job));
    }
    // Forget sequences long gone from the ring.
    while (posted_.size() > 64)
        posted_.erase(posted_.begin());
}

void FramePresenter::onDecoded(const DecodeResult& result) {
    if (!active_ || result.job.session != session_.id) return;
    if (result.status != DecodeResult::Status::Decoded) return; // overwritten: it was late anyway
    const double position = position_();
    if (schedule_.stale(result.job.frame, position)) return;
    // The picture's width against the project's tells the tier, whatever the
    // decode scale was.
    const double scale = session_.projectWidth > 0
                             ? static_cast<double>(result.image.width() * result.job.scaleDenom) /
                                   session_.projectWidth
                             : 1.0;
    ready_[result.job.frame] = {result.image, scale};
    showDue(position);
}

void FramePresenter::showDue(double position) {
    for (auto it = ready_.begin(); it != ready_.end();)
        it = schedule_.stale(it->first, position) ? ready_.erase(it) : std::next(it);
    const auto due = ready_.find(schedule_.advance(position));
    if (due == ready_.end() || !schedule_.showNow(due->first)) return;
    schedule_.shown(due->first, position);
    Q_EMIT present(due->second.first, due->first, due->second.second);
}

} // namespace entropic::app
