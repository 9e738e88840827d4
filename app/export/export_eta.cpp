#include "export/export_eta.h"

#include <algorithm>

namespace entropic::app {

void ExportEta::add(double elapsedSeconds, double done, double total) {
    total_ = total;
    if (!samples_.empty() && elapsedSeconds <= samples_.back().t) return; // a repeated report
    samples_.push_back({elapsedSeconds, done});
    // Keep one sample older than the window so the pace spans all of it.
    while (samples_.size() > 2 && samples_[1].t <= elapsedSeconds - window_)
        samples_.pop_front();
}

std::optional<double> ExportEta::fps() const {
    if (samples_.size() < 2) return std::nullopt;
    const Sample& first = samples_.front();
    const Sample& last = samples_.back();
    if (last.done <= first.done) return std::nullopt;
    return (last.done - first.done) / (last.t - first.t);
}

std::optional<double> ExportEta::secondsLeft() const {
    const auto pace = fps();
    if (!pace) return std::nullopt;
    return std::max(0.0, total_ - samples_.back().done) / *pace;
}

} // namespace entropic::app
