#include "core/lut.h"

namespace entropic::fx {

Lut identityLut() {
    Lut lut{};
    for (int v = 0; v < 256; ++v)
        lut[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(v);
    return lut;
}

void applyLuts(ConstFrameView in, FrameView out, const Lut& r, const Lut& g, const Lut& b,
               const Lut& a, const RowRunner& rows) {
    rows.run(in.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = in.row(y);
            std::uint8_t* d = out.row(y);
            for (int x = 0; x < in.width; ++x, s += 4, d += 4) {
                d[0] = r[s[0]];
                d[1] = g[s[1]];
                d[2] = b[s[2]];
                d[3] = a[s[3]];
            }
        }
    });
}

} // namespace entropic::fx
