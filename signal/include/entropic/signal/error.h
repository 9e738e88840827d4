#pragma once
// Errors of the signal library: a stable code and a message that names the
// field or node at fault. The engine passes codes through to the protocol.
#include <stdexcept>
#include <string>
#include <vector>

namespace entropic::sig {

class SignalError : public std::runtime_error {
  public:
    SignalError(std::string code, const std::string& message, std::vector<std::string> nodes = {})
        : std::runtime_error(message), code_(std::move(code)), nodes_(std::move(nodes)) {}
    const std::string& code() const { return code_; }
    // For errc::kCycle: the ids of the nodes on the cycle, in data-flow order.
    const std::vector<std::string>& nodes() const { return nodes_; }

  private:
    std::string code_;
    std::vector<std::string> nodes_;
};

namespace errc {
inline constexpr const char* kCycle = "signal_cycle";
inline constexpr const char* kUnknownSignal = "unknown_signal"; // a node id nothing defines
inline constexpr const char* kUnknownOperator =
    "unknown_operator"; // an operator id/version not registered
inline constexpr const char* kUnknownEffect =
    "unknown_effect"; // an effect instance not in the catalog
inline constexpr const char* kUnknownParameter =
    "unknown_parameter"; // a key the effect/operator lacks
inline constexpr const char* kDuplicateId = "duplicate_id";
inline constexpr const char* kOutOfRange = "out_of_range";
inline constexpr const char* kMissingField = "missing_field";
inline constexpr const char* kWrongType = "wrong_type";
inline constexpr const char* kInvalid = "invalid"; // anything else malformed
} // namespace errc

} // namespace entropic::sig
