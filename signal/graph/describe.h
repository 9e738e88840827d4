#pragma once
// Internal to signal/: how error messages print numbers and name things.
#include <sstream>
#include <string>
#include <string_view>

namespace entropic::sig {

inline std::string formatNumber(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

inline std::string inQuotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

} // namespace entropic::sig
