#pragma once
// The way back to one request's sender. Copyable, so a handler can hand it to
// a worker thread; exactly one of ok()/fail() must be called per request.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace entropic::engine {

class Outbox;

class Responder {
  public:
    Responder(Outbox* outbox, std::vector<std::string> envelope, nlohmann::json id);

    // {"ok": true, "id": …, …fields}
    void ok(nlohmann::json fields = nlohmann::json::object()) const;
    // {"ok": false, "id": …, "error": {"code": code, "message": message}}
    void fail(const std::string& code, const std::string& message) const;

  private:
    void send(nlohmann::json reply) const;
    Outbox* outbox_;
    std::vector<std::string> envelope_;
    nlohmann::json id_;
};

} // namespace entropic::engine
