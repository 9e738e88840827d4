#pragma once
#include <cstdint>

namespace entropic::fx {

// One block's motion as the decoder saw it (FFmpeg AVMotionVector, in the
// coordinates of the frame given to the effect): the block of w×h pixels
// centred at (dstX, dstY) in this frame came from the block centred at
// (srcX, srcY) of a reference frame. Blocks may lie partly or wholly outside
// the frame.
struct MotionVector {
    std::int16_t w = 0, h = 0;
    std::int32_t srcX = 0, srcY = 0;
    std::int32_t dstX = 0, dstY = 0;
    std::int8_t direction = -1; // -1: from a past frame, +1: from a future frame
};

} // namespace entropic::fx
