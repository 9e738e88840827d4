#include "responder.h"

#include "entropic/engine/error.h"
#include "outbox.h"

namespace entropic::engine {

Responder::Responder(Outbox* outbox, std::vector<std::string> envelope, nlohmann::json id,
                     std::string command)
    : outbox_(outbox), envelope_(std::move(envelope)), id_(std::move(id)),
      command_(std::move(command)) {}

Responder Responder::forCommand(std::string command) const {
    return Responder(outbox_, envelope_, id_, std::move(command));
}

void Responder::send(nlohmann::json reply) const {
    if (!id_.is_null()) reply["id"] = id_;
    // Replace invalid UTF-8 (e.g. from a file name) rather than throw while replying.
    outbox_->post(
        {envelope_, reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
}

void Responder::ok(nlohmann::json fields) const {
    fields["ok"] = true;
    send(std::move(fields));
}

void Responder::fail(const std::string& code, const std::string& message) const {
    const std::string named = command_.empty() ? message : command_ + ": " + message;
    send({{"ok", false}, {"error", {{"code", code}, {"message", named}}}});
}

void Responder::fail(const std::exception& error) const {
    fail(errorCodeOf(error), error.what());
}

} // namespace entropic::engine
