#pragma once
// Internal to signal/: the per-route processing chain (spec.h RouteProcessing)
// with its state, advanced once per frame from frame 0.
#include <cstdint>
#include <optional>
#include <string>

#include "dsp/adsr.h"
#include "dsp/smoothing.h"
#include "entropic/signal/spec.h"
#include "entropic/signal/timing.h"

namespace entropic::sig {

// The quantize stage's one rule (docs/signals.md): 0 (off) or 2..1024 levels
// — a single level would hold the value at 0. Throws out_of_range naming
// `field` otherwise; the JSON reader and the graph compiler both ask it.
void checkQuantizeLevels(const std::string& field, std::int64_t levels);

class RouteProcessor {
  public:
    RouteProcessor(const RouteProcessing& processing, const Timing& timing);
    // The processed value at frame (frames 0, 1, 2, … in order).
    double step(double x, std::int64_t frame);

  private:
    RouteProcessing p_;
    Timing timing_;
    std::optional<dsp::Adsr> adsr_;
    bool gate_ = false;
    std::optional<dsp::SlewLimiter> slew_;
    std::optional<dsp::OnePole> smooth_;
};

} // namespace entropic::sig
