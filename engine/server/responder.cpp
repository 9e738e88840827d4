#include "responder.h"

#include "outbox.h"

namespace entropic::engine {

Responder::Responder(Outbox* outbox, std::vector<std::string> envelope, nlohmann::json id)
    : outbox_(outbox), envelope_(std::move(envelope)), id_(std::move(id)) {}

void Responder::send(nlohmann::json reply) const {
    if (!id_.is_null()) reply["id"] = id_;
    // Replace invalid UTF-8 (e.g. from a file name) rather than throw while replying.
    outbox_->post({envelope_, reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

void Responder::ok(nlohmann::json fields) const {
    fields["ok"] = true;
    send(std::move(fields));
}

void Responder::fail(const std::string& code, const std::string& message) const {
    send({{"ok", false}, {"error", {{"code", code}, {"message", message}}}});
}

} // namespace entropic::engine
