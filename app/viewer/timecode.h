#pragma once
#include <optional>

#include <QString>

#include "entropic/engine/media/rational.h"

namespace entropic::app {

// "HH:MM:SS:FF" for a frame index at a frame rate (non-drop-frame; fractional
// rates count frames per rounded second, as NLEs display them).
QString formatTimecode(qint64 frame, engine::Rational rate);

// What a user types to go somewhere, as a frame index (never negative):
//   "01:02:03:04", "2:03:04", "3:04" timecode, right-aligned as in NLEs
//                               (the last part is frames; ':' or ';');
//   "90"                        a plain whole number is a frame;
//   "1.5s", "2s", "1.5"         seconds (a decimal point or an "s").
// nullopt for anything else, or a part out of range: frames >= the rounded
// rate, or seconds or minutes >= 60 with a larger unit to their left (the
// leftmost part may run over: "90:00" is 90 seconds).
std::optional<qint64> parseTimecode(const QString& text, engine::Rational rate);

} // namespace entropic::app
