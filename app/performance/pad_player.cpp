#include "performance/pad_player.h"

#include <algorithm>

#include "model/pad_settings.h"

namespace entropic::app {

std::vector<GateChange> PadPlayer::setPads(std::vector<Pad> pads, double now) {
    std::vector<GateChange> out;
    for (int i = 0; i < padCount(); ++i) {
        const bool same =
            i < static_cast<int>(pads.size()) &&
            pads[static_cast<std::size_t>(i)].mode == pads_[static_cast<std::size_t>(i)].mode;
        if (!same) turnOff(i, now, out);
    }
    pads_ = std::move(pads);
    state_.resize(pads_.size());
    return out;
}

bool PadPlayer::isOn(int pad) const {
    return pad >= 0 && pad < padCount() && state_[static_cast<std::size_t>(pad)].on;
}

void PadPlayer::turnOff(int pad, double time, std::vector<GateChange>& out) {
    auto& s = state_[static_cast<std::size_t>(pad)];
    if (!s.on) return;
    s.on = false;
    out.push_back({pad, false, 0, time});
}

std::vector<GateChange> PadPlayer::press(int pad, double velocity, double now) {
    std::vector<GateChange> out = advance(now);
    if (pad < 0 || pad >= padCount()) return out;
    const Pad& p = pads_[static_cast<std::size_t>(pad)];
    auto& s = state_[static_cast<std::size_t>(pad)];
    if (p.mode == PadMode::Toggle && s.on) {
        turnOff(pad, now, out);
        return out;
    }
    if (p.mode == PadMode::Gate && s.on) return out; // a key held down repeats; it is one hit
    if (s.on) turnOff(pad, now, out);                // a one-shot hit again starts over
    if (p.choke != 0)
        for (int other = 0; other < padCount(); ++other)
            if (other != pad && pads_[static_cast<std::size_t>(other)].choke == p.choke)
                turnOff(other, now, out);
    s.on = true;
    s.endsAt = now + std::max(0.0, p.lengthSeconds);
    out.push_back({pad, true, std::clamp(velocity, 0.0, 1.0), now});
    return out;
}

std::vector<GateChange> PadPlayer::release(int pad, double now) {
    std::vector<GateChange> out = advance(now);
    if (pad >= 0 && pad < padCount() && pads_[static_cast<std::size_t>(pad)].mode == PadMode::Gate)
        turnOff(pad, now, out);
    return out;
}

std::vector<GateChange> PadPlayer::advance(double now) {
    std::vector<int> ended;
    for (int i = 0; i < padCount(); ++i) {
        const auto& s = state_[static_cast<std::size_t>(i)];
        if (s.on && pads_[static_cast<std::size_t>(i)].mode == PadMode::OneShot && s.endsAt <= now)
            ended.push_back(i);
    }
    std::stable_sort(ended.begin(), ended.end(), [&](int a, int b) {
        return state_[static_cast<std::size_t>(a)].endsAt <
               state_[static_cast<std::size_t>(b)].endsAt;
    });
    std::vector<GateChange> out;
    for (int i : ended)
        turnOff(i, state_[static_cast<std::size_t>(i)].endsAt, out);
    return out;
}

std::vector<GateChange> PadPlayer::releaseAll(double now) {
    std::vector<GateChange> out = advance(now);
    for (int i = 0; i < padCount(); ++i)
        turnOff(i, now, out);
    return out;
}

} // namespace entropic::app
