#pragma once
#include "entropic/effects/blend.h"
#include "entropic/effects/frame.h"
#include "entropic/effects/parallel.h"

namespace entropic::engine {

// dst = src laid over dst by `mode` (fx::blendPixels), weighed by src's alpha
// scaled by opacity (0..1); dst stays opaque if it was. Normal is "over".
void compositeOver(fx::FrameView dst, fx::ConstFrameView src, double opacity, fx::BlendMode mode,
                   const fx::RowRunner& rows);

} // namespace entropic::engine
