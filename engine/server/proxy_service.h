#pragma once
// Makes and hands out the scrub proxies (entropic/engine/media/scrub_proxy.h)
// of the loaded project's video files, on a thread of its own
// ("entropic-proxy") at the lowest priority Linux has (SCHED_IDLE): only a
// core nobody else wants makes proxies, so playback, previews and exports
// never wait for them. Off until the editor turns it on (proxy_config).
//
// The files live in the user's cache folder, one per source path; a source
// changed on disk no longer matches its proxy, which is then made again and
// never handed out meanwhile. Past the budget, the least recently used go.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/engine/media/scrub_proxy.h"

namespace entropic::engine {

class ProxyService {
  public:
    static constexpr std::uintmax_t kDefaultBudgetBytes = std::uintmax_t{2} << 30;

    // dir: where proxies are kept (empty: defaultDir()).
    explicit ProxyService(std::filesystem::path dir = {});
    ~ProxyService();
    ProxyService(const ProxyService&) = delete;
    ProxyService& operator=(const ProxyService&) = delete;

    // $XDG_CACHE_HOME/entropic/proxies, else $HOME/.cache/entropic/proxies.
    static std::filesystem::path defaultDir();

    void configure(bool enabled, std::uintmax_t budgetBytes);
    // The video files of the loaded project: each gets a proxy, in this order.
    void setSources(const std::vector<std::string>& paths);
    // The proxy of `path` when it is made and the file is unchanged since;
    // null otherwise (a changed file is queued to be made again).
    std::shared_ptr<ScrubProxy> ready(const std::string& path);
    // {"enabled", "dir", "sources": [{"path", "state", "progress", "error"?}]},
    // state one of queued, making, ready, failed.
    nlohmann::json status() const;

  private:
    enum class State { Queued, Making, Ready, Failed };
    struct Entry {
        State state = State::Queued;
        double progress = 0;
        std::string error;
        std::shared_ptr<ScrubProxy> proxy;
        std::uint64_t order = 0; // queued first, made first
    };
    void run();
    // The proxy of `path` on disk if it matches the file, else made afresh.
    std::shared_ptr<ScrubProxy> obtain(const std::string& path);
    std::filesystem::path fileFor(const std::string& path) const;
    void evict();

    const std::filesystem::path dir_;
    mutable std::mutex mutex_; // guards everything below
    std::condition_variable wake_;
    std::map<std::string, Entry> entries_;
    std::uint64_t nextOrder_ = 0;
    bool enabled_ = false;
    std::uintmax_t budget_ = kDefaultBudgetBytes;
    std::atomic<bool> cancel_{false}; // the proxy being made is no longer wanted
    bool quit_ = false;
    std::thread thread_;
};

} // namespace entropic::engine
