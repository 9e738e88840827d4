#include "playback/player.h"

#include <algorithm>
#include <cmath>

#include "supervision/engine_instance.h"
#include "supervision/engine_reply.h"
#include "supervision/engine_supervisor.h"
#include "transport/transport.h"

namespace entropic::app {

Player::Player(EngineSupervisor* engine, Transport* transport, QObject* parent,
               AudioPlayback::OutputFactory open)
    : QObject(parent), engine_(engine), transport_(transport), audio_(std::move(open)) {
    presenter_ = std::make_unique<FramePresenter>([this] { return position(); });
    connect(presenter_.get(), &FramePresenter::present, this, &Player::framePresented);
    ticker_.setTimerType(Qt::PreciseTimer);
    ticker_.setInterval(kTickMs);
    connect(&ticker_, &QTimer::timeout, this, &Player::tick);
    connect(transport_, &Transport::frameChanged, this, &Player::onTransportMoved);
    // A new engine knows nothing of the play: start a session on it from
    // where the sound is (the sound never stopped).
    connect(engine_, &EngineSupervisor::engineResumed, this, [this] {
        if (playing_) startSession(prerolling_);
    });
}

Player::~Player() = default;

void Player::setProject(engine::ProjectSnapshot project) {
    project_ = std::move(project);
    audio_.setProject(project_);
}

void Player::setLoopRange(std::optional<engine::PlayLoop> range) {
    if (range && range->end <= range->first) range.reset();
    if (range.has_value() == loopRange_.has_value() &&
        (!range || (range->first == loopRange_->first && range->end == loopRange_->end)))
        return;
    loopRange_ = range;
    if (!playing_) return;
    audio_.setLoop(sampleLoop()); // the sound and the engine both take the new loop
    startSession();
}

void Player::setLoopEnabled(bool on) {
    if (on == loopEnabled_) return;
    loopEnabled_ = on;
    if (!playing_) return;
    audio_.setLoop(sampleLoop());
    startSession();
}

std::optional<engine::PlayLoop> Player::activeLoop() const {
    if (!loopEnabled_ || !loopRange_) return std::nullopt;
    return loopRange_;
}

std::optional<LoopRange> Player::sampleLoop() const {
    const auto loop = activeLoop();
    if (!loop || !project_) return std::nullopt;
    // Whole frames: the mixer's own rule, so the loop wraps on a frame boundary.
    const auto at = [this](std::int64_t frame) {
        return PlaybackClock::frameToSample(frame, project_->sampleRate, project_->frameRate);
    };
    return LoopRange{at(loop->first), at(loop->end)};
}

std::int64_t Player::sampleOf(double frame) const {
    if (!project_) return 0;
    const auto& r = project_->frameRate;
    return static_cast<std::int64_t>(std::floor(
        frame * project_->sampleRate * static_cast<double>(r.den) / static_cast<double>(r.num)));
}

double Player::position() const {
    if (!project_) return 0;
    if (prerolling_) return prerollFrom_;
    const auto& r = project_->frameRate;
    return static_cast<double>(audio_.position()) / project_->sampleRate * r.toDouble();
}

void Player::play(double rate) {
    if (!project_ || rate == 0) return;
    rate = std::clamp(rate, -kMaxShuttle, kMaxShuttle);
    const bool wasPlaying = playing_;
    const std::int64_t count = project_->frameCount();
    double from = wasPlaying ? position() : static_cast<double>(transport_->frame());
    // Play from the start when the playhead sits at the end (and vice versa).
    if (!activeLoop() && rate > 0 && from >= static_cast<double>(count - 1)) from = 0;
    if (!activeLoop() && rate < 0 && from < 1)
        from = static_cast<double>(std::max<std::int64_t>(0, count - 1)) + 0.999;
    rate_ = rate;
    playing_ = true;
    if (wasPlaying) {
        // A new rate or place while playing: the sound moves at once.
        prerolling_ = false;
        audio_.setLoop(sampleLoop());
        if (!audio_.play(sampleOf(from), rate)) return;
        startSession();
    } else {
        if (const auto loop = activeLoop(); loop && (from < static_cast<double>(loop->first) ||
                                                     from >= static_cast<double>(loop->end)))
            from = rate > 0 ? static_cast<double>(loop->first)
                            : static_cast<double>(loop->end) - 0.001;
        prerolling_ = true;
        prerollFrom_ = from;
        preroll_.start();
        startSession(true);
        ticker_.start();
        Q_EMIT playingChanged(true);
    }
    Q_EMIT rateChanged(rate_);
}

void Player::startSound() {
    prerolling_ = false;
    audio_.setLoop(sampleLoop());
    if (!audio_.play(sampleOf(prerollFrom_), rate_)) {
        pause();
        return;
    }
    if (audio_.notice() != lastNotice_) {
        lastNotice_ = audio_.notice();
        if (!lastNotice_.isEmpty()) Q_EMIT notice(lastNotice_);
    }
    sendClock(); // the engine's clock starts moving with the sound
}

void Player::startSession(bool preroll) {
    if (!project_) return;
    session_ = session_ == 0xffffffffu ? 1 : session_ + 1;
    const auto loop = activeLoop();
    const double from = position();
    nlohmann::json request = {{"cmd", "play"},
                              {"session", session_},
                              {"time", {{"num", sampleOf(from)}, {"den", project_->sampleRate}}},
                              {"rate", rate_}};
    if (loop) request["loop"] = {{"first", loop->first}, {"end", loop->end}};
    if (preroll) request["preroll"] = true;
    const int ahead = project_->performance.empty() ? 0 : kLiveAhead; // 0: as the ring holds
    if (ahead > 0) request["ahead"] = ahead;
    engine_->request(
        std::move(request), [](const nlohmann::json&) {}, EngineSupervisor::kDefaultTimeoutMs,
        this);

    FramePresenter::Session s;
    s.ring = engine_->ringName();
    s.id = session_;
    s.direction = rate_ < 0 ? -1 : 1;
    s.loop = loop;
    s.lookahead = engine::playLookahead(EngineInstance::kRingSlots, ahead); // as the engine does
    s.projectWidth = project_->width;
    s.viewSize = viewSize_;
    presenter_->begin(s);
    clockInFlight_ = false;
}

void Player::pause() {
    if (!playing_) return;
    const double at = position();
    prerolling_ = false;
    audio_.pause();
    ticker_.stop();
    playing_ = false;
    presenter_->end();
    engine_->request(
        {{"cmd", "stop"}, {"session", session_}},
        [this](const nlohmann::json& reply) {
            if (replyOk(reply)) engineStats_ = reply;
        },
        EngineSupervisor::kDefaultTimeoutMs, this);
    moving_ = true;
    transport_->setFrame(static_cast<qint64>(std::floor(at)));
    moving_ = false;
    rate_ = 0;
    Q_EMIT rateChanged(0);
    Q_EMIT playingChanged(false);
}

void Player::togglePlay() {
    if (playing_)
        pause();
    else
        play(1.0);
}

void Player::shuttleForward() {
    play(playing_ && rate_ > 0 ? std::min(kMaxShuttle, rate_ * 2) : 1.0);
}

void Player::shuttleBackward() {
    play(playing_ && rate_ < 0 ? std::max(-kMaxShuttle, rate_ * 2) : -1.0);
}

void Player::onTransportMoved(qint64 frame) {
    if (!playing_ || moving_) return;
    if (prerolling_) {
        // Moved before the sound started: pre-roll from the new place.
        prerollFrom_ = static_cast<double>(frame);
        preroll_.restart();
        startSession(true);
        return;
    }
    // The artist moved the playhead while playing: play on from there.
    audio_.seek(sampleOf(static_cast<double>(frame)));
    startSession();
    sendClock();
}

void Player::sendClock() {
    if (!playing_ || prerolling_ || !project_ || clockInFlight_ || !engine_->isReady()) return;
    clockInFlight_ = true;
    sinceClock_.restart();
    const std::uint32_t session = session_;
    engine_->request(
        {{"cmd", "clock"},
         {"session", session},
         {"time", {{"num", audio_.position()}, {"den", project_->sampleRate}}}},
        [this, session](const nlohmann::json& reply) {
            if (session != session_) return;
            clockInFlight_ = false;
            if (replyOk(reply)) engineStats_ = reply;
        },
        EngineSupervisor::kDefaultTimeoutMs, this);
}

void Player::tick() {
    if (!playing_ || !project_) return;
    if (prerolling_) {
        presenter_->tick();
        if (presenter_->readyFrames() >= kPrerollFrames || preroll_.elapsed() >= kPrerollMs)
            startSound();
        return;
    }
    const double at = position();
    const std::int64_t count = project_->frameCount();
    if (!activeLoop() &&
        ((rate_ > 0 && at >= static_cast<double>(count)) || (rate_ < 0 && at < 0))) {
        // The end (or the start, backwards): stop on the last frame.
        const bool forward = rate_ > 0;
        pause();
        moving_ = true;
        transport_->setFrame(forward ? count - 1 : 0);
        moving_ = false;
        return;
    }
    presenter_->tick();
    moving_ = true;
    transport_->setFrame(static_cast<qint64>(std::floor(at)));
    moving_ = false;
    if (!sinceClock_.isValid() || sinceClock_.elapsed() >= kClockReportMs) sendClock();
}

} // namespace entropic::app
