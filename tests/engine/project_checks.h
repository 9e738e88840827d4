#pragma once
// What the project tests ask of a document the parser must refuse.
#include <string>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "entropic/engine/error.h"
#include "entropic/engine/project/project.h"

namespace entropic::test {

// parseProject fails with `code` and a message containing `needle`.
inline void expectProjectRefused(const nlohmann::json& doc, const std::string& code,
                                 const std::string& needle) {
    try {
        engine::parseProject(doc, "/tmp");
        FAIL("accepted: " << doc.dump());
    } catch (const engine::EngineError& e) {
        CHECK(e.code() == code);
        CHECK_THAT(e.what(), Catch::Contains(needle));
    }
}

} // namespace entropic::test
