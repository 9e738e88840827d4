#pragma once
// Where a timeline position falls in the beat, for the transport's beat
// indicator. Beats count from frame 0 at the project tempo — the same grid
// quantize and one-shot lengths in beats use (performance/quantize.h) — so
// the light flashes exactly on the frames a quantized hit lands on.
#include <cstdint>
#include <optional>

#include "entropic/engine/media/rational.h"

namespace entropic::app {

struct BeatPosition {
    std::int64_t beat = 0; // beats since frame 0 (negative before it)
    double phase = 0;      // how far into that beat, [0, 1)
};

// nullopt when the rate or the tempo is not positive.
std::optional<BeatPosition> beatAt(double frame, engine::Rational rate, double tempoBpm);

// How brightly the indicator shows at a phase: 1 on the beat, fading to 0 a
// fifth of a beat later, then dark until the next one.
inline constexpr double kFlashBeats = 0.2;
double beatFlash(double phase);

} // namespace entropic::app
