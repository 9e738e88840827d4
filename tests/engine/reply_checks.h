#pragma once
// What the protocol tests ask of a reply.
#include <string>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

namespace entropic::test {

// The error code of a reply that must be a refusal.
inline std::string errorCode(const nlohmann::json& reply) {
    REQUIRE(reply.value("ok", true) == false);
    return reply["error"]["code"].get<std::string>();
}

// The message of a reply that must be a refusal.
inline std::string errorMessage(const nlohmann::json& reply) {
    REQUIRE(reply.value("ok", true) == false);
    return reply["error"]["message"].get<std::string>();
}

} // namespace entropic::test
