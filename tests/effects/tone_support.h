#pragma once
// Helpers for the tone effects' tests (curves, exposure, contrast, colour
// temperature, invert): run an effect over every byte value.
#include <array>

#include "entropic/effects/registry.h"
#include "support.h"

namespace entropic::fx::test {

inline const EffectDescriptor& effect(const char* id) {
    return *EffectRegistry::builtin().find(id);
}

// A 256×1 frame whose pixel v is (v, v, v, 255 - v): a grey ramp with varying alpha.
inline Frame greyRamp() {
    Frame f(256, 1);
    for (int v = 0; v < 256; ++v) {
        std::uint8_t* p = f.data() + 4 * v;
        p[0] = p[1] = p[2] = static_cast<std::uint8_t>(v);
        p[3] = static_cast<std::uint8_t>(255 - v);
    }
    return f;
}

// Channel c of the output for each input value 0..255 (of greyRamp()).
inline std::array<int, 256> transfer(const EffectDescriptor& d, const ParamValues& p, int c) {
    const Frame out = process(d, p, greyRamp());
    std::array<int, 256> t{};
    for (int v = 0; v < 256; ++v)
        t[static_cast<std::size_t>(v)] = out.data()[4 * v + c];
    return t;
}

} // namespace entropic::fx::test
