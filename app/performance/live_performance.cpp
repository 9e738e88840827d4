#include "performance/live_performance.h"

#include <algorithm>
#include <cmath>

#include "model/project_document.h"
#include "performance/quantize.h"

namespace entropic::app {

namespace {
// One-shots end, and waiting cues launch, on time even when nothing else happens.
constexpr int kOneShotPollMs = 5;
} // namespace

LivePerformance::LivePerformance(ProjectDocument& doc, Clock clock, QObject* parent)
    : QObject(parent), doc_(doc), clock_(std::move(clock)) {
    steady_.start();
    wall_ = [this] { return static_cast<double>(steady_.nsecsElapsed()) / 1e9; };
    oneShots_.setInterval(kOneShotPollMs);
    connect(&oneShots_, &QTimer::timeout, this, [this] { apply(player_.advance(now())); });
    cueWait_.setInterval(kOneShotPollMs);
    connect(&cueWait_, &QTimer::timeout, this, &LivePerformance::launchCue);
    connect(&doc_, &ProjectDocument::changed, this, &LivePerformance::syncPads);
    playing_ = clock_.playing();
    syncPads();
}

double LivePerformance::fps() const {
    const double rate = doc_.project().frameRate.toDouble();
    return rate > 0 ? rate : 30;
}

double LivePerformance::now() const {
    return playing_ ? clock_.frame() / fps() : wall_();
}

std::int64_t LivePerformance::frameAt(double time) const {
    return static_cast<std::int64_t>(std::floor(time * fps() + 1e-6));
}

void LivePerformance::syncPads() {
    const auto& pads = doc_.editorState().pads;
    std::vector<std::string> lanes;
    std::vector<PadPlayer::Pad> settings;
    for (const auto& p : pads) {
        lanes.push_back(p.lane);
        settings.push_back({p.mode, p.lengthSeconds(doc_.project().tempoBpm), p.choke});
    }
    // Another pad in a slot: whatever the old one held goes off first.
    if (lanes != lanes_) apply(player_.releaseAll(now()));
    apply(player_.setPads(std::move(settings), now()));
    lanes_ = std::move(lanes);
    velocity_.resize(lanes_.size(), 1.0);
    updateLive();
}

void LivePerformance::press(int pad, double velocity) {
    apply(player_.press(pad, velocity, now()));
    const auto& pads = doc_.editorState().pads;
    if (pad >= 0 && pad < static_cast<int>(pads.size()) &&
        pads[static_cast<std::size_t>(pad)].cueFrame >= 0)
        cue(pads[static_cast<std::size_t>(pad)].cueFrame);
}

void LivePerformance::cue(std::int64_t target) {
    if (!playing_) {
        pendingCue_.reset();
        cueWait_.stop();
        Q_EMIT cueRequested(target);
        return;
    }
    const auto& project = doc_.project();
    const double step = quantizeStep(quantizeBeats_, project.tempoBpm, project.frameRate);
    const double frame = clock_.frame();
    // The line at or after the hit, as a clip launcher waits for the next bar;
    // the epsilon keeps a hit exactly on a line from waiting a whole step.
    const double launch = step > 0 ? std::ceil(frame / step - 1e-9) * step : frame;
    // A later cue replaces one still waiting: the last hit is the one meant.
    pendingCue_ = PendingCue{target, frame, launch};
    cueWait_.start();
    launchCue();
}

std::optional<std::int64_t> LivePerformance::pendingCueLaunch() const {
    if (!pendingCue_) return std::nullopt;
    return static_cast<std::int64_t>(std::llround(pendingCue_->launch));
}

void LivePerformance::launchCue() {
    if (!pendingCue_ || !playing_) return;
    const double frame = clock_.frame();
    // Waiting for the line, unless the clock went back past the hit (a loop
    // wrapped, the playhead was moved): the line will not come, so go now.
    if (frame + 1e-6 < pendingCue_->launch && frame + 1e-6 >= pendingCue_->hit) return;
    const std::int64_t target = pendingCue_->target;
    pendingCue_.reset();
    cueWait_.stop();
    // A pad held across the jump: its hit ends where the jump leaves and a
    // new one starts where it lands, so a take never holds an event running
    // backwards.
    const std::int64_t from = static_cast<std::int64_t>(std::floor(frame));
    const double wall = wall_();
    std::vector<std::pair<std::string, double>> held;
    for (int i = 0; i < player_.padCount() && i < static_cast<int>(lanes_.size()); ++i)
        if (player_.isOn(i)) {
            const auto& lane = lanes_[static_cast<std::size_t>(i)];
            held.emplace_back(lane, velocity_[static_cast<std::size_t>(i)]);
            take_.close(lane, from, wall);
            retro_.close(lane, from, wall);
        }
    Q_EMIT cueRequested(target);
    for (const auto& [lane, velocity] : held) {
        take_.open(lane, target, velocity);
        retro_.open(lane, target, velocity);
    }
    updateLive();
}

void LivePerformance::release(int pad) {
    apply(player_.release(pad, now()));
}

void LivePerformance::apply(const std::vector<GateChange>& changes) {
    const double wall = wall_();
    for (const auto& c : changes) {
        if (c.pad < 0 || c.pad >= static_cast<int>(lanes_.size())) continue;
        const auto& lane = lanes_[static_cast<std::size_t>(c.pad)];
        if (c.on) velocity_[static_cast<std::size_t>(c.pad)] = c.velocity;
        if (playing_) {
            const std::int64_t frame = frameAt(c.time);
            if (c.on) {
                take_.open(lane, frame, c.velocity);
                retro_.open(lane, frame, c.velocity);
            } else {
                take_.close(lane, frame, wall);
                retro_.close(lane, frame, wall);
            }
        }
        Q_EMIT padChanged(c.pad, c.on);
    }
    retro_.forgetBefore(wall - retroSeconds_);
    bool anyOneShot = false;
    for (int i = 0; i < player_.padCount(); ++i)
        anyOneShot =
            anyOneShot ||
            (player_.isOn(i) && doc_.editorState().pads.size() > static_cast<std::size_t>(i) &&
             doc_.editorState().pads[static_cast<std::size_t>(i)].mode == PadMode::OneShot);
    if (anyOneShot && !oneShots_.isActive()) oneShots_.start();
    if (!anyOneShot) oneShots_.stop();
    if (!changes.empty()) updateLive();
}

void LivePerformance::updateLive() {
    ProjectDocument::LiveEvents live;
    const std::int64_t frame = static_cast<std::int64_t>(std::floor(clock_.frame()));
    if (playing_) {
        // What was played this run, and what is held: on to the end.
        for (const auto& h : take_.hits())
            live[h.lane].push_back(h.event);
        const std::int64_t end = std::max(doc_.project().frameCount(), frame + 1);
        for (auto& [lane, events] : take_.openUntil(end))
            live[lane].insert(live[lane].end(), events.begin(), events.end());
    } else {
        // Stopped: a held pad as if held for a second already, so a pad that
        // drives a parameter through an envelope shows its held level.
        const std::int64_t on =
            std::max<std::int64_t>(0, frame - static_cast<std::int64_t>(std::lround(fps())));
        for (int i = 0; i < player_.padCount(); ++i)
            if (player_.isOn(i) && i < static_cast<int>(lanes_.size()))
                live[lanes_[static_cast<std::size_t>(i)]].push_back(
                    {on, frame + 1, velocity_[static_cast<std::size_t>(i)]});
    }
    doc_.setLiveEvents(std::move(live));
}

void LivePerformance::setPlaying(bool playing) {
    if (playing == playing_) return;
    pendingCue_.reset(); // a cue waiting for a line that will not come now
    cueWait_.stop();
    apply(player_.releaseAll(now()));
    if (playing_) writeTake();
    playing_ = playing;
    if (playing_) {
        takeStart_ = static_cast<std::int64_t>(std::floor(clock_.frame()));
        take_.clear();
    }
    updateLive();
}

void LivePerformance::writeTake() {
    const std::int64_t frame = static_cast<std::int64_t>(std::floor(clock_.frame()));
    take_.closeAll(frame, wall_());
    retro_.closeAll(frame, wall_());
    if (!armed_ || take_.empty()) {
        take_.clear();
        return;
    }
    auto [first, last] = take_.span(frame);
    std::vector<edits::LaneTake> takes;
    for (auto& [lane, events] : take_.byLane(frame)) {
        takes.push_back({QString::fromStdString(lane), quantized(events)});
        // Replace clears what quantized events cover too.
        for (const auto& e : takes.back().events) {
            first = std::min(first, e.onFrame);
            last = std::max(last, e.offFrame);
        }
    }
    if (takeMode_ == edits::TakeMode::Replace)
        for (const auto& lane : lanes_)
            if (std::none_of(takes.begin(), takes.end(), [&](const edits::LaneTake& t) {
                    return t.laneId.toStdString() == lane;
                }))
                takes.push_back({QString::fromStdString(lane), {}});
    // Replace clears what the take played over: from where it started (or
    // its earliest hit, after a loop) to its last frame.
    const std::int64_t from = std::min(takeStart_, first);
    const std::int64_t to = std::max(last, frame + 1);
    QString error;
    if (edits::writePerformance(doc_, takes, from, to, takeMode_, tr("Record take"), &error))
        Q_EMIT notice(tr("Take recorded"));
    else
        Q_EMIT notice(tr("The take was not recorded: %1").arg(error));
    take_.clear();
}

std::vector<sig::GateEvent> LivePerformance::quantized(std::vector<sig::GateEvent> events) const {
    const auto& project = doc_.project();
    return quantizeEvents(std::move(events),
                          quantizeStep(quantizeBeats_, project.tempoBpm, project.frameRate));
}

void LivePerformance::setRetroSeconds(double seconds) {
    retroSeconds_ = std::clamp(seconds, 1.0, 3600.0);
    retro_.forgetBefore(wall_() - retroSeconds_);
}

bool LivePerformance::captureLast(QString* error) {
    retro_.forgetBefore(wall_() - retroSeconds_);
    const std::int64_t frame = static_cast<std::int64_t>(std::floor(clock_.frame()));
    std::vector<edits::LaneTake> takes;
    for (auto& [lane, events] : retro_.byLane(frame))
        takes.push_back({QString::fromStdString(lane), quantized(events)});
    if (takes.empty()) {
        if (error) *error = tr("Nothing was played in the last %1 s").arg(retroSeconds_);
        return false;
    }
    if (!edits::writePerformance(doc_, takes, 0, 0, edits::TakeMode::Overdub,
                                 tr("Capture last performance"), error))
        return false;
    retro_.clear();
    return true;
}

} // namespace entropic::app
