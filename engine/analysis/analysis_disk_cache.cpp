#include "analysis_disk_cache.h"

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "entropic/effects/seed.h"

namespace entropic::engine {
namespace {

constexpr int kCacheFormat = 1;

void warnOnce(const std::string& message) {
    static std::atomic<bool> warned{false};
    if (!warned.exchange(true))
        std::fprintf(stderr, "entropic: analysis cache: %s\n", message.c_str());
}

} // namespace

std::string mediaIdentity(const std::string& path) {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(path, ec);
    if (ec) return {};
    const auto size = std::filesystem::file_size(absolute, ec);
    if (ec) return {};
    const auto modified = std::filesystem::last_write_time(absolute, ec);
    if (ec) return {};
    return absolute.lexically_normal().string() + "|" + std::to_string(size) + "|" +
           std::to_string(modified.time_since_epoch().count());
}

AnalysisDiskCache::AnalysisDiskCache(std::filesystem::path dir, std::string identity,
                                     std::string settings)
    : identity_(std::move(identity)), settings_(std::move(settings)) {
    if (dir.empty() || identity_.empty()) return;
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.json",
                  static_cast<unsigned long long>(fx::fnv1a64(identity_ + "\n" + settings_)));
    file_ = dir / name;
}

std::optional<CachedAnalysis> AnalysisDiskCache::read() const {
    if (file_.empty()) return std::nullopt;
    std::ifstream in(file_, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (!doc.is_object() || doc.value("format", 0) != kCacheFormat ||
        doc.value("identity", "") != identity_ || doc.value("settings", "") != settings_)
        return std::nullopt;
    try {
        CachedAnalysis cached;
        for (const auto& [name, values] : doc.at("series").items())
            cached.series[name] = values.get<sig::Series>();
        cached.length = doc.value("length", std::int64_t{-1});
        return cached;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt; // damaged: measured again and rewritten
    }
}

void AnalysisDiskCache::write(const FeatureSeries& series, std::int64_t length) const {
    if (file_.empty()) return;
    nlohmann::json values = nlohmann::json::object();
    for (const auto& [name, s] : series)
        values[name] = s;
    nlohmann::json doc = {{"format", kCacheFormat},
                          {"identity", identity_},
                          {"settings", settings_},
                          {"series", std::move(values)}};
    if (length >= 0) doc["length"] = length;
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    const auto temp = file_.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << doc.dump();
        if (!out) {
            warnOnce("cannot write " + temp);
            std::filesystem::remove(temp, ec);
            return;
        }
    }
    std::filesystem::rename(temp, file_, ec);
    if (ec) {
        warnOnce("cannot write " + file_.string() + ": " + ec.message());
        std::filesystem::remove(temp, ec);
    }
}

} // namespace entropic::engine
