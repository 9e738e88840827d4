#include "proxy_service.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace entropic::engine {

namespace {

const char* stateName(int state) {
    static constexpr const char* kNames[] = {"queued", "making", "ready", "failed"};
    return kNames[state];
}

// FNV-1a: a stable file name for a path.
std::string pathKey(const std::string& path) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const unsigned char c : path)
        h = (h ^ c) * 1099511628211ULL;
    char name[17];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(h));
    return name;
}

} // namespace

ProxyService::ProxyService(std::filesystem::path dir)
    : dir_(dir.empty() ? defaultDir() : std::move(dir)) {
    thread_ = std::thread([this] { run(); });
    pthread_setname_np(thread_.native_handle(), "entropic-proxy");
}

ProxyService::~ProxyService() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        cancel_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

std::filesystem::path ProxyService::defaultDir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "entropic" / "proxies";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "entropic" / "proxies";
    return {};
}

void ProxyService::configure(bool enabled, std::uintmax_t budgetBytes) {
    {
        std::lock_guard lock(mutex_);
        enabled_ = enabled && !dir_.empty();
        budget_ = budgetBytes;
        if (!enabled_) cancel_ = true;
    }
    wake_.notify_all();
}

void ProxyService::setSources(const std::vector<std::string>& paths) {
    {
        std::lock_guard lock(mutex_);
        for (const auto& path : paths) {
            auto [it, added] = entries_.try_emplace(path);
            if (added || it->second.state == State::Failed) {
                it->second = Entry{};
                it->second.order = nextOrder_++;
            }
        }
    }
    wake_.notify_all();
}

std::shared_ptr<ScrubProxy> ProxyService::ready(const std::string& path) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(path);
    if (it == entries_.end() || it->second.state != State::Ready) return nullptr;
    FileVersion now;
    try {
        now = fileVersion(path);
    } catch (const std::exception&) {
        return nullptr; // gone: the exact render says so
    }
    if (now == it->second.proxy->sourceVersion()) return it->second.proxy;
    // Changed on disk: never shown stale; made again.
    it->second = Entry{};
    it->second.order = nextOrder_++;
    wake_.notify_all();
    return nullptr;
}

nlohmann::json ProxyService::status() const {
    std::lock_guard lock(mutex_);
    nlohmann::json sources = nlohmann::json::array();
    for (const auto& [path, e] : entries_) {
        nlohmann::json s = {{"path", path},
                            {"state", stateName(static_cast<int>(e.state))},
                            {"progress", e.progress}};
        if (!e.error.empty()) s["error"] = e.error;
        sources.push_back(std::move(s));
    }
    return {{"enabled", enabled_}, {"dir", dir_.string()}, {"sources", std::move(sources)}};
}

std::filesystem::path ProxyService::fileFor(const std::string& path) const {
    return dir_ / (pathKey(path) + ".eproxy");
}

std::shared_ptr<ScrubProxy> ProxyService::obtain(const std::string& path) {
    const std::filesystem::path file = fileFor(path);
    const FileVersion version = fileVersion(path);
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        try {
            auto kept = std::make_shared<ScrubProxy>(file);
            if (kept->source() == path && kept->sourceVersion() == version) {
                std::filesystem::last_write_time(
                    file, std::filesystem::file_time_type::clock::now(), ec); // recently used
                return kept;
            }
        } catch (const std::exception&) {
            // Damaged or of another version: made again below.
        }
    }
    std::filesystem::create_directories(dir_, ec);
    const bool made = buildScrubProxy(path, file, cancel_, [this, &path](double done) {
        std::lock_guard lock(mutex_);
        if (auto it = entries_.find(path); it != entries_.end()) it->second.progress = done;
    });
    if (!made) return nullptr;
    auto proxy = std::make_shared<ScrubProxy>(file);
    // Changed while it was being made: the next ready() notices and queues it.
    return proxy;
}

void ProxyService::evict() {
    std::error_code ec;
    struct Kept {
        std::filesystem::path path;
        std::filesystem::file_time_type used;
        std::uintmax_t bytes;
    };
    std::vector<Kept> files;
    std::uintmax_t total = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
        if (entry.path().extension() != ".eproxy") continue;
        const auto bytes = entry.file_size(ec);
        files.push_back({entry.path(), entry.last_write_time(ec), bytes});
        total += bytes;
    }
    std::sort(files.begin(), files.end(),
              [](const Kept& a, const Kept& b) { return a.used < b.used; });
    // Oldest first, never the newest (the one just made), even over budget.
    for (std::size_t i = 0; i + 1 < files.size() && total > budget_; ++i) {
        if (std::filesystem::remove(files[i].path, ec)) total -= files[i].bytes;
    }
}

void ProxyService::run() {
    // The lowest priority there is: idle cores only. FFmpeg's decoding
    // threads, started from this one, inherit it.
    const sched_param idle{};
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);

    std::unique_lock lock(mutex_);
    for (;;) {
        auto next = entries_.end();
        wake_.wait(lock, [&] {
            if (quit_) return true;
            next = entries_.end();
            if (!enabled_) return false;
            for (auto it = entries_.begin(); it != entries_.end(); ++it)
                if (it->second.state == State::Queued &&
                    (next == entries_.end() || it->second.order < next->second.order))
                    next = it;
            return next != entries_.end();
        });
        if (quit_) return;
        const std::string path = next->first;
        next->second.state = State::Making;
        cancel_ = false;
        lock.unlock();
        std::shared_ptr<ScrubProxy> proxy;
        std::string error;
        try {
            proxy = obtain(path);
        } catch (const std::exception& e) {
            error = e.what();
        }
        lock.lock();
        auto it = entries_.find(path);
        if (it == entries_.end() || it->second.state != State::Making)
            continue; // requeued meanwhile
        if (proxy) {
            it->second.state = State::Ready;
            it->second.progress = 1;
            it->second.proxy = std::move(proxy);
            lock.unlock();
            evict();
            lock.lock();
        } else if (!error.empty()) {
            it->second.state = State::Failed;
            it->second.error = error;
        } else {
            it->second.state = State::Queued; // cancelled: turned off; made when on again
        }
    }
}

} // namespace entropic::engine
