#pragma once
// Blend modes: how a picture lays onto the one beneath it. One definition
// serves both places pictures meet — a track compositing over the tracks below
// (engine) and an effect's output mixing back into its input (the container's
// dry/wet stage) — so "screen" means the same bytes in both.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace entropic::fx {

// Stored in projects by name (blendModeName), never by number.
enum class BlendMode : std::uint8_t {
    Normal,
    Add,
    Subtract,
    Multiply,
    Screen,
    Overlay,
    Difference,
    Lighten,
    Darken,
    Xor,     // bitwise: the glitch modes
    WrapAdd, // sum modulo 256: overflow folds bright areas into dark bands
};

struct BlendModeInfo {
    BlendMode mode;
    std::string_view name;  // "normal", "wrap_add": the project and protocol spelling
    std::string_view label; // "Normal", "Wrap add": for menus
};

// Every mode, in menu order.
std::span<const BlendModeInfo> blendModes();
std::string_view blendModeName(BlendMode mode);
std::string_view blendModeLabel(BlendMode mode);
std::optional<BlendMode> blendModeFromName(std::string_view name);

// For each of `width` RGBA pixels: result RGB = mode(backdrop, source) per
// channel, result alpha = source alpha (the caller weighs the blended colour
// against the backdrop by that alpha, an opacity, a mix or a mask). Normal
// gives the source. result may alias source or backdrop.
//
// Per channel, b = backdrop and s = source in 0..255, divisions rounded to
// nearest:
//   add b+s (clamped)   subtract b−s (clamped)   multiply b·s/255
//   screen 255 − (255−b)(255−s)/255              difference |b−s|
//   overlay b < 128 ? 2·b·s/255 : 255 − 2(255−b)(255−s)/255
//   lighten max   darken min   xor b^s   wrap_add (b+s) mod 256
void blendPixels(BlendMode mode, const std::uint8_t* backdrop, const std::uint8_t* source,
                 std::uint8_t* result, int width);

} // namespace entropic::fx
