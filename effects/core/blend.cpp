#include "entropic/effects/blend.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace entropic::fx {
namespace {

constexpr std::array<BlendModeInfo, 11> kModes{{
    {BlendMode::Normal, "normal", "Normal"},
    {BlendMode::Add, "add", "Add"},
    {BlendMode::Subtract, "subtract", "Subtract"},
    {BlendMode::Multiply, "multiply", "Multiply"},
    {BlendMode::Screen, "screen", "Screen"},
    {BlendMode::Overlay, "overlay", "Overlay"},
    {BlendMode::Difference, "difference", "Difference"},
    {BlendMode::Lighten, "lighten", "Lighten"},
    {BlendMode::Darken, "darken", "Darken"},
    {BlendMode::Xor, "xor", "XOR"},
    {BlendMode::WrapAdd, "wrap_add", "Wrap add"},
}};

// x / 255 rounded to nearest for x in 0..65025 (255 is odd, so no ties).
constexpr int div255(int x) {
    return (x + 127) / 255;
}

template <BlendMode M> constexpr int channel(int b, int s) {
    if constexpr (M == BlendMode::Normal)
        return s;
    else if constexpr (M == BlendMode::Add)
        return std::min(b + s, 255);
    else if constexpr (M == BlendMode::Subtract)
        return std::max(b - s, 0);
    else if constexpr (M == BlendMode::Multiply)
        return div255(b * s);
    else if constexpr (M == BlendMode::Screen)
        return 255 - div255((255 - b) * (255 - s));
    else if constexpr (M == BlendMode::Overlay)
        return b < 128 ? div255(2 * b * s) : 255 - div255(2 * (255 - b) * (255 - s));
    else if constexpr (M == BlendMode::Difference)
        return std::abs(b - s);
    else if constexpr (M == BlendMode::Lighten)
        return std::max(b, s);
    else if constexpr (M == BlendMode::Darken)
        return std::min(b, s);
    else if constexpr (M == BlendMode::Xor)
        return b ^ s;
    else
        return (b + s) & 255;
}

// The mode is a template argument so each loop compiles to straight-line code.
template <BlendMode M>
void blendRow(const std::uint8_t* backdrop, const std::uint8_t* source, std::uint8_t* result,
              int width) {
    for (int x = 0; x < width; ++x, backdrop += 4, source += 4, result += 4) {
        const std::uint8_t alpha = source[3];
        const std::uint8_t r = static_cast<std::uint8_t>(channel<M>(backdrop[0], source[0]));
        const std::uint8_t g = static_cast<std::uint8_t>(channel<M>(backdrop[1], source[1]));
        const std::uint8_t b = static_cast<std::uint8_t>(channel<M>(backdrop[2], source[2]));
        result[0] = r;
        result[1] = g;
        result[2] = b;
        result[3] = alpha;
    }
}

} // namespace

std::span<const BlendModeInfo> blendModes() {
    return kModes;
}

std::string_view blendModeName(BlendMode mode) {
    for (const auto& m : kModes)
        if (m.mode == mode) return m.name;
    return "normal";
}

std::string_view blendModeLabel(BlendMode mode) {
    for (const auto& m : kModes)
        if (m.mode == mode) return m.label;
    return "Normal";
}

std::optional<BlendMode> blendModeFromName(std::string_view name) {
    for (const auto& m : kModes)
        if (m.name == name) return m.mode;
    return std::nullopt;
}

void blendPixels(BlendMode mode, const std::uint8_t* backdrop, const std::uint8_t* source,
                 std::uint8_t* result, int width) {
    switch (mode) {
    case BlendMode::Normal:
        blendRow<BlendMode::Normal>(backdrop, source, result, width);
        break;
    case BlendMode::Add:
        blendRow<BlendMode::Add>(backdrop, source, result, width);
        break;
    case BlendMode::Subtract:
        blendRow<BlendMode::Subtract>(backdrop, source, result, width);
        break;
    case BlendMode::Multiply:
        blendRow<BlendMode::Multiply>(backdrop, source, result, width);
        break;
    case BlendMode::Screen:
        blendRow<BlendMode::Screen>(backdrop, source, result, width);
        break;
    case BlendMode::Overlay:
        blendRow<BlendMode::Overlay>(backdrop, source, result, width);
        break;
    case BlendMode::Difference:
        blendRow<BlendMode::Difference>(backdrop, source, result, width);
        break;
    case BlendMode::Lighten:
        blendRow<BlendMode::Lighten>(backdrop, source, result, width);
        break;
    case BlendMode::Darken:
        blendRow<BlendMode::Darken>(backdrop, source, result, width);
        break;
    case BlendMode::Xor:
        blendRow<BlendMode::Xor>(backdrop, source, result, width);
        break;
    case BlendMode::WrapAdd:
        blendRow<BlendMode::WrapAdd>(backdrop, source, result, width);
        break;
    }
}

} // namespace entropic::fx
