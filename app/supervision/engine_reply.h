#pragma once
// Reading and making engine replies (docs/protocol.md: every reply is
// {"ok": true, ...} or {"ok": false, "error": {"code", "message"}}).
#include <string>

#include <QString>

#include <nlohmann/json.hpp>

namespace entropic::app {

// The code a reply carries when the editor, not the engine, answers: the
// request timed out, or the engine it was sent to died or never came up.
inline constexpr const char* kEngineUnavailable = "engine_unavailable";

// {"ok": false, "error": {"code": "engine_unavailable", "message": message}}
nlohmann::json engineUnavailableReply(const std::string& message);

bool replyOk(const nlohmann::json& reply);
// The error's code and message; empty when the reply is ok or has none.
QString replyErrorCode(const nlohmann::json& reply);
QString replyErrorMessage(const nlohmann::json& reply);

} // namespace entropic::app
