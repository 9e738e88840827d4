#pragma once
#include <cstdint>

namespace entropic::engine {

// Exact time and rates: frame indices and fractions on the wire, never a drifting double.
struct Rational {
    std::int64_t num = 0;
    std::int64_t den = 1;
    double toDouble() const {
        return den ? static_cast<double>(num) / static_cast<double>(den) : 0.0;
    }
    bool valid() const { return num > 0 && den > 0; }
};

} // namespace entropic::engine
