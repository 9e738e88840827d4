#pragma once
// Reads fields of a JSON object and names the field path in every error, so a
// bad project or command says exactly where it is wrong.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace entropic::engine {

// Which error code each kind of fault gets: a project file reports every
// fault as project_invalid, the protocol tells them apart (docs/protocol.md).
struct FieldErrorCodes {
    std::string missing;
    std::string wrongType;
    std::string outOfRange;
};

class JsonFields {
  public:
    // Throws EngineError(wrongType) if doc is not an object.
    JsonFields(const nlohmann::json& doc, std::string path, FieldErrorCodes codes);
    // Every fault but a range gets `code`.
    JsonFields(const nlohmann::json& doc, std::string path, const std::string& code);

    const nlohmann::json& doc() const { return doc_; }
    const std::string& path() const { return path_; }
    std::string field(const std::string& key) const;
    bool has(const std::string& key) const;

    const nlohmann::json& require(const std::string& key) const;
    std::string string(const std::string& key) const;
    std::string string(const std::string& key, const std::string& fallback) const;
    bool boolean(const std::string& key, bool fallback) const;
    std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max) const;
    std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max,
                         std::int64_t fallback) const;
    std::uint64_t unsignedInteger(const std::string& key, std::uint64_t fallback) const;
    double number(const std::string& key, double min, double max, double fallback) const;
    const nlohmann::json& array(const std::string& key) const;  // empty array if absent
    const nlohmann::json& object(const std::string& key) const; // empty object if absent

    [[noreturn]] void fail(const std::string& key, const std::string& message) const;
    [[noreturn]] void failRange(const std::string& key, const std::string& message) const;

  private:
    const nlohmann::json& doc_;
    std::string path_;
    FieldErrorCodes codes_;
};

std::string describeJson(const nlohmann::json& value);

} // namespace entropic::engine
