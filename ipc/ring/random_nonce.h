#pragma once
// A random token that makes a shared-memory or socket name unique per engine
// instance, even when a pid is reused or one process starts several engines.
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

namespace entropic::ipc {

// 16 lowercase hex digits from the OS entropy source (std::random_device is
// getrandom() on Linux with libstdc++).
inline std::string randomNonceHex() {
    std::random_device device;
    const std::uint64_t value = (static_cast<std::uint64_t>(device()) << 32) | device();
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

} // namespace entropic::ipc
