#include "json/fields.h"

#include <cmath>

#include "entropic/signal/error.h"

namespace entropic::sig {

namespace {
const nlohmann::json& emptyArray() {
    static const nlohmann::json empty = nlohmann::json::array();
    return empty;
}
} // namespace

std::string describeJson(const nlohmann::json& v) {
    if (v.is_string()) return "\"" + v.get<std::string>() + "\"";
    if (v.is_object()) return "an object";
    if (v.is_array()) return "an array";
    if (v.is_null()) return "null";
    return v.dump();
}

Fields::Fields(const nlohmann::json& doc, std::string path) : doc_(doc), path_(std::move(path)) {
    if (!doc_.is_object())
        throw SignalError(errc::kWrongType,
                          path_ + ": expected an object, got " + describeJson(doc_));
}

void Fields::allowOnly(std::initializer_list<const char*> keys) const {
    for (const auto& [key, value] : doc_.items()) {
        bool known = false;
        for (const char* k : keys)
            known = known || key == k;
        if (known) continue;
        std::string list;
        for (const char* k : keys)
            list += (list.empty() ? "" : ", ") + std::string(k);
        throw SignalError(errc::kInvalid, field(key) + ": unknown field (fields: " + list + ")");
    }
}

const nlohmann::json* Fields::find(const std::string& key) const {
    const auto it = doc_.find(key);
    return it == doc_.end() ? nullptr : &*it;
}

const nlohmann::json& Fields::require(const std::string& key) const {
    const auto* v = find(key);
    if (!v) throw SignalError(errc::kMissingField, field(key) + ": missing");
    return *v;
}

void Fields::wrongType(const std::string& key, const std::string& expected) const {
    throw SignalError(errc::kWrongType,
                      field(key) + ": expected " + expected + ", got " + describeJson(*find(key)));
}

std::string Fields::string(const std::string& key) const {
    const auto& v = require(key);
    if (!v.is_string() || v.get<std::string>().empty()) wrongType(key, "a non-empty string");
    return v.get<std::string>();
}

std::string Fields::string(const std::string& key, const std::string& fallback) const {
    const auto* v = find(key);
    if (!v) return fallback;
    if (!v->is_string()) wrongType(key, "a string");
    return v->get<std::string>();
}

double Fields::number(const std::string& key) const {
    const auto& v = require(key);
    if (!v.is_number() || !std::isfinite(v.get<double>())) wrongType(key, "a number");
    return v.get<double>();
}

double Fields::number(const std::string& key, double fallback) const {
    return has(key) ? number(key) : fallback;
}

std::int64_t Fields::integer(const std::string& key) const {
    const auto& v = require(key);
    if (!v.is_number_integer() &&
        !(v.is_number_float() && v.get<double>() == std::floor(v.get<double>()) &&
          std::abs(v.get<double>()) < 9e15))
        wrongType(key, "a whole number");
    return v.is_number_integer() ? v.get<std::int64_t>()
                                 : static_cast<std::int64_t>(v.get<double>());
}

std::int64_t Fields::integer(const std::string& key, std::int64_t fallback) const {
    return has(key) ? integer(key) : fallback;
}

std::uint64_t Fields::unsignedInteger(const std::string& key, std::uint64_t fallback) const {
    const auto* v = find(key);
    if (!v) return fallback;
    if (v->is_number_unsigned()) return v->get<std::uint64_t>();
    if (v->is_number_integer() && v->get<std::int64_t>() >= 0)
        return static_cast<std::uint64_t>(v->get<std::int64_t>());
    wrongType(key, "a whole number >= 0");
}

bool Fields::boolean(const std::string& key, bool fallback) const {
    const auto* v = find(key);
    if (!v) return fallback;
    if (!v->is_boolean()) wrongType(key, "true or false");
    return v->get<bool>();
}

const nlohmann::json& Fields::array(const std::string& key) const {
    const auto* v = find(key);
    if (!v) return emptyArray();
    if (!v->is_array()) wrongType(key, "an array");
    return *v;
}

} // namespace entropic::sig
