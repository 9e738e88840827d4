#include "supervision/engine_reply.h"

namespace entropic::app {

nlohmann::json engineUnavailableReply(const std::string& message) {
    return {{"ok", false}, {"error", {{"code", kEngineUnavailable}, {"message", message}}}};
}

bool replyOk(const nlohmann::json& reply) {
    const auto ok = reply.find("ok");
    return ok != reply.end() && ok->is_boolean() && ok->get<bool>();
}

namespace {

QString errorField(const nlohmann::json& reply, const char* field) {
    if (!reply.is_object()) return {};
    const auto error = reply.find("error");
    if (error == reply.end() || !error->is_object()) return {};
    const auto value = error->find(field);
    if (value == error->end() || !value->is_string()) return {};
    return QString::fromStdString(value->get<std::string>());
}

} // namespace

QString replyErrorCode(const nlohmann::json& reply) {
    return errorField(reply, "code");
}
QString replyErrorMessage(const nlohmann::json& reply) {
    return errorField(reply, "message");
}

} // namespace entropic::app
