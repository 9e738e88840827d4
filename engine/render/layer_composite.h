#pragma once
#include "entropic/effects/frame.h"
#include "entropic/effects/parallel.h"

namespace entropic::engine {

// dst = src over dst, src's alpha scaled by opacity (0..1); dst stays opaque if it was.
void compositeOver(fx::FrameView dst, fx::ConstFrameView src, double opacity,
                   const fx::RowRunner& rows);

} // namespace entropic::engine
