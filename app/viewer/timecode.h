#pragma once
#include <QString>

#include "entropic/engine/media/rational.h"

namespace entropic::app {

// "HH:MM:SS:FF" for a frame index at a frame rate (non-drop-frame; fractional
// rates count frames per rounded second, as NLEs display them).
QString formatTimecode(qint64 frame, engine::Rational rate);

} // namespace entropic::app
