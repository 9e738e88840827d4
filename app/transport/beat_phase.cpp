#include "transport/beat_phase.h"

#include <cmath>

namespace entropic::app {

std::optional<BeatPosition> beatAt(double frame, engine::Rational rate, double tempoBpm) {
    if (!rate.valid() || !(tempoBpm > 0) || !std::isfinite(frame)) return std::nullopt;
    // frames → seconds → beats in one expression, so whole beats at whole
    // frames (15 frames at 30 fps and 120 BPM) come out as exact integers.
    const double beats =
        frame * static_cast<double>(rate.den) * tempoBpm / (static_cast<double>(rate.num) * 60.0);
    const double whole = std::floor(beats);
    BeatPosition position{static_cast<std::int64_t>(whole), beats - whole};
    if (position.phase >= 1) position.phase = 0; // floor's rounding at huge values
    return position;
}

double beatFlash(double phase) {
    if (!(phase >= 0) || phase >= kFlashBeats) return 0;
    return 1.0 - phase / kFlashBeats;
}

} // namespace entropic::app
