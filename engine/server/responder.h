#pragma once
// The way back to one request's sender. Copyable, so a handler can hand it to
// a worker thread; exactly one of ok()/fail() must be called per request.
//
// Every error reply goes through fail(), which starts the message with the
// command it answers ("render_frame: …"), wherever and whenever it is sent —
// from the command loop or from a worker long after. A handler or a worker
// that catches an exception hands it to fail(exception): an EngineError keeps
// its code, anything else is `failed`.
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace entropic::engine {

class Outbox;

class Responder {
  public:
    // `command` empty: a request refused before its command is known.
    Responder(Outbox* outbox, std::vector<std::string> envelope, nlohmann::json id,
              std::string command = {});

    // The same sender, answering for `command`.
    Responder forCommand(std::string command) const;
    const std::string& command() const { return command_; }

    // {"ok": true, "id": …, …fields}
    void ok(nlohmann::json fields = nlohmann::json::object()) const;
    // {"ok": false, "id": …, "error": {"code": code, "message": "COMMAND: message"}}
    void fail(const std::string& code, const std::string& message) const;
    // The same for a caught exception (errorCodeOf() gives its code).
    void fail(const std::exception& error) const;

  private:
    void send(nlohmann::json reply) const;
    Outbox* outbox_;
    std::vector<std::string> envelope_;
    nlohmann::json id_;
    std::string command_;
};

} // namespace entropic::engine
