#include "performance/automation_recorder.h"

#include <algorithm>
#include <cmath>

#include <QSettings>

#include "entropic/signal/automation.h"
#include "model/project_document.h"
#include "performance/key_thinning.h"

namespace entropic::app {

namespace {
// How often touches without a press are checked for their pause.
constexpr int kIdlePollMs = 50;

const char* modeName(AutomationMode mode) {
    switch (mode) {
    case AutomationMode::Latch:
        return "latch";
    case AutomationMode::Touch:
        return "touch";
    case AutomationMode::Off:
        break;
    }
    return "off";
}
} // namespace

AutomationRecorder::AutomationRecorder(ProjectDocument& doc, Clock clock, QObject* parent)
    : QObject(parent), doc_(doc), clock_(std::move(clock)) {
    steady_.start();
    wall_ = [this] { return static_cast<double>(steady_.nsecsElapsed()) / 1e9; };
    idle_.setInterval(kIdlePollMs);
    connect(&idle_, &QTimer::timeout, this, &AutomationRecorder::releaseIdle);
    playing_ = clock_.playing();
}

AutomationMode AutomationRecorder::savedMode() {
    const QString name = QSettings().value(kModeKey).toString();
    for (auto mode : {AutomationMode::Latch, AutomationMode::Touch})
        if (name == QLatin1String(modeName(mode))) return mode;
    return AutomationMode::Off;
}

void AutomationRecorder::saveMode(AutomationMode mode) {
    QSettings().setValue(kModeKey, QString::fromLatin1(modeName(mode)));
}

void AutomationRecorder::setMode(AutomationMode mode) {
    if (mode == mode_) return;
    // What was being written stays in the take; the new mode applies to new moves.
    if (playing_) {
        const std::int64_t end = frameNow() + 1;
        for (auto& w : writing_)
            close(w, end);
        updateLive();
    }
    mode_ = mode;
    if (recording())
        idle_.start();
    else
        idle_.stop();
    Q_EMIT modeChanged(mode_);
}

std::int64_t AutomationRecorder::frameNow() {
    const auto frame = static_cast<std::int64_t>(std::floor(clock_.frame()));
    if (!playing_) return frame;
    // Playback looped: what is being written ends where the loop did and
    // goes on, its value held, from where playback went back to.
    if (frame < lastFrame_)
        for (auto& w : writing_)
            if (w.open) {
                const double value = w.open->keys.back().value;
                close(w, lastFrame_ + 1);
                record(w, frame, value);
            }
    lastFrame_ = frame;
    return frame;
}

AutomationRecorder::Writing* AutomationRecorder::writing(const sig::ParamTarget& target,
                                                         bool make) {
    for (auto& w : writing_)
        if (w.target == target) return &w;
    if (!make) return nullptr;
    const fx::ParamSpec* spec = edits::paramSpec(doc_, target);
    if (!spec || spec->components() != 1) return nullptr; // points and colours: not recorded
    Writing w;
    w.target = target;
    w.hold = spec->type == fx::ParamType::Enum || spec->type == fx::ParamType::Bool;
    w.tolerance = kTolerance * (spec->max - spec->min);
    writing_.push_back(std::move(w));
    return &writing_.back();
}

void AutomationRecorder::touch(const sig::ParamTarget& target) {
    if (!recording()) return;
    if (auto* w = writing(target, true)) w->held = true;
}

void AutomationRecorder::release(const sig::ParamTarget& target) {
    auto* w = writing(target, false);
    if (!w) return;
    w->held = false;
    if (mode_ == AutomationMode::Touch && w->open && playing_) {
        close(*w, frameNow() + 1);
        updateLive();
    }
}

std::optional<double> AutomationRecorder::move(const sig::ParamTarget& target, double value) {
    if (!recording()) return std::nullopt;
    auto* w = writing(target, true);
    if (!w) return std::nullopt;
    const double v = edits::paramSpec(doc_, target)->clamp({value, 0, 0, 0})[0];
    w->lastMoveWall = wall_();
    record(*w, frameNow(), v);
    updateLive();
    return v;
}

void AutomationRecorder::record(Writing& w, std::int64_t frame, double value) {
    // Playback looped back to before what this span wrote: the span ends
    // there, and a new one starts.
    if (w.open && frame < w.open->keys.back().frame) close(w, w.open->keys.back().frame + 1);
    if (!w.open) w.open = edits::RecordedSpan{frame, 0, {}};
    auto& keys = w.open->keys;
    const auto interp = w.hold ? sig::Interpolation::Hold : sig::Interpolation::Linear;
    if (!keys.empty() && keys.back().frame == frame) {
        keys.back().value = value; // several moves in one frame: the last counts
        return;
    }
    // The knob rested: its value held up to the frame before this move.
    if (!w.hold && !keys.empty() && keys.back().frame < frame - 1)
        keys.push_back({frame - 1, keys.back().value, interp});
    keys.push_back({frame, value, interp});
}

edits::RecordedSpan AutomationRecorder::finished(const Writing& w, edits::RecordedSpan span,
                                                 std::int64_t end) const {
    auto& keys = span.keys;
    span.to = std::max(end, keys.back().frame + 1);
    if (!w.hold && keys.back().frame < span.to - 1)
        keys.push_back({span.to - 1, keys.back().value, keys.back().interp});
    keys = w.hold ? thinHoldKeys(keys) : thinLinearKeys(keys, w.tolerance);
    return span;
}

void AutomationRecorder::close(Writing& w, std::int64_t end) {
    if (!w.open) return;
    w.closed.push_back(finished(w, *w.open, end));
    w.open.reset();
}

void AutomationRecorder::releaseIdle() {
    if (!playing_) return;
    const std::int64_t frame = frameNow();
    if (mode_ != AutomationMode::Touch) return;
    const double now = wall_();
    bool released = false;
    for (auto& w : writing_)
        if (w.open && !w.held && now - w.lastMoveWall >= kTouchReleaseMs / 1000.0) {
            close(w, frame + 1);
            released = true;
        }
    if (released) updateLive();
}

std::optional<double> AutomationRecorder::currentValue(const sig::ParamTarget& target) const {
    const double frame = std::floor(clock_.frame());
    for (const auto& lane : doc_.liveLanes())
        if (lane.target == target && !lane.keys.empty()) return sig::laneValue(lane, frame);
    if (const auto* lane = sig::findLane(doc_.project().signals, target);
        lane && !lane->keys.empty())
        return sig::laneValue(*lane, frame);
    return edits::baseValue(doc_, target);
}

void AutomationRecorder::updateLive() {
    const auto frame = static_cast<std::int64_t>(std::floor(clock_.frame()));
    // An open span holds its last value to the end of the timeline, for now.
    const std::int64_t end = std::max(doc_.project().frameCount(), frame + 1);
    ProjectDocument::LiveLanes lanes;
    for (const auto& w : writing_) {
        auto spans = w.closed;
        if (w.open) spans.push_back(finished(w, *w.open, end));
        const auto base = edits::baseValue(doc_, w.target);
        if (spans.empty() || !base) continue; // nothing written, or its effect is gone
        lanes.push_back(edits::spliceRecording(
            w.target, sig::findLane(doc_.project().signals, w.target), *base, spans));
    }
    doc_.setLiveLanes(std::move(lanes));
}

void AutomationRecorder::setPlaying(bool playing) {
    if (playing == playing_) return;
    if (!playing) {
        // The clock may already read where a stop puts the playhead back:
        // the take ends on the last frame seen playing, at the earliest.
        const std::int64_t end =
            std::max(static_cast<std::int64_t>(std::floor(clock_.frame())), lastFrame_) + 1;
        for (auto& w : writing_)
            close(w, end);
        playing_ = false;
        idle_.stop();
        writeTake();
        return;
    }
    playing_ = true;
    writing_.clear();
    lastFrame_ = static_cast<std::int64_t>(std::floor(clock_.frame()));
    if (recording()) idle_.start();
}

void AutomationRecorder::writeTake() {
    std::vector<edits::AutomationTake> takes;
    for (const auto& w : writing_)
        if (!w.closed.empty()) takes.push_back({w.target, w.closed});
    writing_.clear();
    if (!takes.empty()) {
        QString error;
        if (edits::writeAutomation(doc_, takes, tr("Record automation"), &error))
            Q_EMIT notice(
                tr("Automation recorded (%n parameter(s))", "", static_cast<int>(takes.size())));
        else
            Q_EMIT notice(tr("The automation was not recorded: %1").arg(error));
    }
    // After the take landed, so the engine never shows the lanes without it.
    doc_.setLiveLanes({});
}

} // namespace entropic::app
