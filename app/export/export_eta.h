#pragma once
// The "time left" of a running export, from the recent pace rather than the
// average since the start: an export's first seconds (opening decoders,
// filling the encoder's look-ahead) are slower than the rest, so an average
// keeps the estimate frozen while the export speeds up.
#include <deque>
#include <optional>

namespace entropic::app {

class ExportEta {
  public:
    // Pace is measured over the samples of the last `windowSeconds`.
    explicit ExportEta(double windowSeconds = 3.0) : window_(windowSeconds) {}

    // A progress report: `done` of `total` frames at `elapsedSeconds` since the start.
    void add(double elapsedSeconds, double done, double total);
    void reset() { samples_.clear(); }

    // Frames a second over the recent window; nullopt until two reports differ.
    std::optional<double> fps() const;
    // Seconds left at that pace; nullopt while the pace is unknown.
    std::optional<double> secondsLeft() const;

  private:
    struct Sample {
        double t, done;
    };
    double window_;
    double total_ = 0;
    std::deque<Sample> samples_;
};

} // namespace entropic::app
