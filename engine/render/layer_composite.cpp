#include "layer_composite.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace entropic::engine {

void compositeOver(fx::FrameView dst, fx::ConstFrameView src, double opacity, fx::BlendMode mode,
                   const fx::RowRunner& rows) {
    const int width = std::min(dst.width, src.width);
    const auto scale = static_cast<std::uint32_t>(std::lround(std::clamp(opacity, 0.0, 1.0) * 255));
    const bool plain = mode == fx::BlendMode::Normal;
    rows.run(std::min(dst.height, src.height), [&](int begin, int end) {
        std::vector<std::uint8_t> blended(plain ? 0 : static_cast<std::size_t>(width) * 4);
        for (int y = begin; y < end; ++y) {
            const std::uint8_t* s = src.row(y);
            std::uint8_t* d = dst.row(y);
            if (!plain) {
                fx::blendPixels(mode, d, s, blended.data(), width);
                s = blended.data(); // same alpha as src's row
            }
            for (int x = 0; x < width; ++x, s += 4, d += 4) {
                // a in 0..65025; exact at both ends (0 keeps dst, 65025 takes src).
                const std::uint32_t a = s[3] * scale;
                if (a == 0) continue;
                const std::uint32_t inv = 65025 - a;
                for (int c = 0; c < 3; ++c)
                    d[c] = static_cast<std::uint8_t>((s[c] * a + d[c] * inv + 32512) / 65025);
                d[3] = static_cast<std::uint8_t>((255 * a + d[3] * inv + 32512) / 65025);
            }
        }
    });
}

} // namespace entropic::engine
