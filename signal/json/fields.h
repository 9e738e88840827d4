#pragma once
// Internal to signal/: reads one JSON object's fields, naming the field path
// in every error and refusing keys it does not know (a misspelt key is never
// ignored).
#include <cstdint>
#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

namespace entropic::sig {

std::string describeJson(const nlohmann::json& v);

class Fields {
  public:
    Fields(const nlohmann::json& doc, std::string path); // throws wrong_type unless an object
    void allowOnly(std::initializer_list<const char*> keys) const;

    std::string field(const std::string& key) const { return path_ + "." + key; }
    const nlohmann::json* find(const std::string& key) const;
    const nlohmann::json& require(const std::string& key) const;

    std::string string(const std::string& key) const; // required, non-empty
    std::string string(const std::string& key, const std::string& fallback) const;
    double number(const std::string& key) const; // required, finite
    double number(const std::string& key, double fallback) const;
    std::int64_t integer(const std::string& key, std::int64_t fallback) const;
    std::int64_t integer(const std::string& key) const;
    std::uint64_t unsignedInteger(const std::string& key, std::uint64_t fallback) const;
    bool boolean(const std::string& key, bool fallback) const;
    const nlohmann::json& array(const std::string& key) const; // empty if absent
    bool has(const std::string& key) const { return find(key) != nullptr; }

    [[noreturn]] void wrongType(const std::string& key, const std::string& expected) const;

  private:
    const nlohmann::json& doc_;
    std::string path_;
};

} // namespace entropic::sig
