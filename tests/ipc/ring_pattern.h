#pragma once
// A payload that is a function of the frame's write number, so a reader can
// tell a whole frame from a torn one (bytes from two different writes).
#include <cstdint>
#include <vector>

namespace entropic::test {

// Sizes vary from frame to frame so the size field can tear too.
inline std::size_t patternBytes(std::uint64_t frame, std::size_t capacity) {
    return 64 + static_cast<std::size_t>((frame * 7919u) % (capacity - 64));
}

inline std::uint8_t patternByte(std::uint64_t frame, std::size_t i) {
    return static_cast<std::uint8_t>((frame * 2654435761u) >> 13 ^ (i * 31u) ^ (i >> 8));
}

inline void fillPattern(std::uint64_t frame, std::vector<std::uint8_t>& out, std::size_t capacity) {
    out.resize(patternBytes(frame, capacity));
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = patternByte(frame, i);
}

// Whole iff every byte and the size belong to the same frame.
inline bool matchesPattern(std::uint64_t frame, const std::vector<std::uint8_t>& bytes,
                           std::size_t capacity) {
    if (bytes.size() != patternBytes(frame, capacity)) return false;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        if (bytes[i] != patternByte(frame, i)) return false;
    return true;
}

} // namespace entropic::test
