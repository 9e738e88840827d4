#include "json_fields.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "entropic/engine/error.h"

namespace entropic::engine {
namespace {
const nlohmann::json kEmptyArray = nlohmann::json::array();
const nlohmann::json kEmptyObject = nlohmann::json::object();
} // namespace

std::string describeJson(const nlohmann::json& value) {
    std::string s = value.dump();
    if (s.size() > 48) s = s.substr(0, 45) + "...";
    return s;
}

JsonFields::JsonFields(const nlohmann::json& doc, std::string path, const std::string& code)
    : JsonFields(doc, std::move(path), FieldErrorCodes{code, code, errc::kOutOfRange}) {}

JsonFields::JsonFields(const nlohmann::json& doc, std::string path, FieldErrorCodes codes)
    : doc_(doc), path_(std::move(path)), codes_(std::move(codes)) {
    if (!doc_.is_object())
        throw EngineError(codes_.wrongType, (path_.empty() ? std::string("document") : path_) +
                                                ": expected an object, got " + describeJson(doc_));
}

std::string JsonFields::field(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
}

bool JsonFields::has(const std::string& key) const {
    return doc_.contains(key);
}

void JsonFields::fail(const std::string& key, const std::string& message) const {
    throw EngineError(codes_.wrongType, field(key) + ": " + message);
}

void JsonFields::failRange(const std::string& key, const std::string& message) const {
    throw EngineError(codes_.outOfRange, field(key) + ": " + message);
}

const nlohmann::json& JsonFields::require(const std::string& key) const {
    auto it = doc_.find(key);
    if (it == doc_.end()) throw EngineError(codes_.missing, field(key) + ": missing");
    return *it;
}

std::string JsonFields::string(const std::string& key) const {
    const auto& v = require(key);
    if (!v.is_string()) fail(key, "expected a string, got " + describeJson(v));
    return v.get<std::string>();
}

std::string JsonFields::string(const std::string& key, const std::string& fallback) const {
    return has(key) ? string(key) : fallback;
}

bool JsonFields::boolean(const std::string& key, bool fallback) const {
    if (!has(key)) return fallback;
    const auto& v = doc_.at(key);
    if (!v.is_boolean()) fail(key, "expected true or false, got " + describeJson(v));
    return v.get<bool>();
}

std::int64_t JsonFields::integer(const std::string& key, std::int64_t min, std::int64_t max) const {
    const auto& v = require(key);
    if (!v.is_number_integer() &&
        !(v.is_number_float() && v.get<double>() == std::floor(v.get<double>()) &&
          std::abs(v.get<double>()) < 9e15))
        fail(key, "expected a whole number, got " + describeJson(v));
    std::int64_t n = v.is_number_unsigned() &&
                             v.get<std::uint64_t>() > static_cast<std::uint64_t>(
                                                          std::numeric_limits<std::int64_t>::max())
                         ? std::numeric_limits<std::int64_t>::max()
                         : (v.is_number_float() ? static_cast<std::int64_t>(v.get<double>())
                                                : v.get<std::int64_t>());
    if (n < min || n > max)
        failRange(key, "expected a whole number in [" + std::to_string(min) + ", " +
                           std::to_string(max) + "], got " + describeJson(v));
    return n;
}

std::int64_t JsonFields::integer(const std::string& key, std::int64_t min, std::int64_t max,
                                 std::int64_t fallback) const {
    return has(key) ? integer(key, min, max) : fallback;
}

std::uint64_t JsonFields::unsignedInteger(const std::string& key, std::uint64_t fallback) const {
    if (!has(key)) return fallback;
    const auto& v = doc_.at(key);
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0))
        fail(key, "expected a whole number >= 0, got " + describeJson(v));
    return v.get<std::uint64_t>();
}

double JsonFields::number(const std::string& key, double min, double max, double fallback) const {
    if (!has(key)) return fallback;
    const auto& v = doc_.at(key);
    if (!v.is_number()) fail(key, "expected a number, got " + describeJson(v));
    double d = v.get<double>();
    if (!std::isfinite(d) || d < min || d > max) {
        std::ostringstream range;
        range << "expected a number in [" << min << ", " << max << "], got " << describeJson(v);
        failRange(key, range.str());
    }
    return d;
}

const nlohmann::json& JsonFields::array(const std::string& key) const {
    if (!has(key)) return kEmptyArray;
    const auto& v = doc_.at(key);
    if (!v.is_array()) fail(key, "expected an array, got " + describeJson(v));
    return v;
}

const nlohmann::json& JsonFields::object(const std::string& key) const {
    if (!has(key)) return kEmptyObject;
    const auto& v = doc_.at(key);
    if (!v.is_object()) fail(key, "expected an object, got " + describeJson(v));
    return v;
}

} // namespace entropic::engine
