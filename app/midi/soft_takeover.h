#pragma once
// Soft takeover (pick-up): a controller whose position is far from the knob it
// is mapped to must not make the knob jump. The knob follows only once the
// controller has come within reach of its value or passed it; after that it
// follows until something else (the mouse, an undo, automation) moves the
// knob away from what the controller last set.
#include <optional>

namespace entropic::app {

class SoftTakeover {
  public:
    // Within this fraction of the knob's range the controller takes over at once.
    static constexpr double kReach = 0.03;

    // The controller asks for `wanted`; the knob is at `current` in a range
    // of `span` (max - min). True: set the knob to `wanted`.
    bool follow(double wanted, double current, double span);
    // What the knob holds after the caller set it (clamped, rounded to a
    // whole step): the value later moves are compared with.
    void landed(double value) { lastSet_ = value; }

  private:
    bool engaged_ = false;
    std::optional<double> lastWanted_; // where the controller was
    std::optional<double> lastSet_;    // what it last set the knob to
};

} // namespace entropic::app
