#pragma once
// Errors the engine reports: a stable code (grouped by kind, docs/protocol.md)
// and a message that names the file, field or command at fault.
#include <stdexcept>
#include <string>

namespace entropic::engine {

class EngineError : public std::runtime_error {
  public:
    EngineError(std::string code, const std::string& message)
        : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

  private:
    std::string code_;
};

// Codes used across the engine, grouped by kind (docs/protocol.md). The
// protocol passes them through unchanged.
namespace errc {
// The request itself
inline constexpr const char* kBadRequest = "bad_request"; // not JSON, not an object, no "cmd"
inline constexpr const char* kUnknownCommand = "unknown_command";
inline constexpr const char* kMissingField = "missing_field";
inline constexpr const char* kWrongType = "wrong_type";
// The state of the engine
inline constexpr const char* kNoProject = "no_project"; // render/export before load_project
inline constexpr const char* kBusy = "busy";            // an export is already running
inline constexpr const char* kNotFound = "not_found";
inline constexpr const char* kFailed = "failed"; // anything else that went wrong
// Media, projects, rendering
inline constexpr const char* kMediaOpen = "media_open_failed"; // missing, unreadable, not media
inline constexpr const char* kMediaUnsupported = "media_unsupported"; // no decoder, no video stream
inline constexpr const char* kMediaCorrupt = "media_corrupt";         // decode failed mid-file
inline constexpr const char* kProjectInvalid =
    "project_invalid"; // validation failed (names the field)
inline constexpr const char* kOutOfRange = "out_of_range";
inline constexpr const char* kEncodeFailed = "encode_failed";
inline constexpr const char* kIo = "io_error";
} // namespace errc

// The code an exception is reported with: an EngineError's own, `failed` for
// anything else.
inline std::string errorCodeOf(const std::exception& error) {
    if (const auto* engineError = dynamic_cast<const EngineError*>(&error))
        return engineError->code();
    return errc::kFailed;
}

} // namespace entropic::engine
