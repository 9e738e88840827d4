#pragma once
// Names of ours that carry their owner's pid ("<prefix><pid>-<nonce>..."), so
// what a crashed process left behind is recognised without opening it.
#include <cerrno>
#include <charconv>
#include <string_view>

#include <signal.h>
#include <sys/types.h>

namespace entropic::ipc {

// The pid in "<prefix><pid>-...", or 0 if `name` is not of that form.
inline pid_t ownerPidOf(std::string_view name, std::string_view prefix) {
    if (name.substr(0, prefix.size()) != prefix) return 0;
    name.remove_prefix(prefix.size());
    long long pid = 0;
    const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), pid);
    if (error != std::errc() || end == name.data() || end == name.data() + name.size() ||
        *end != '-' || pid <= 0 || pid > 0x3fffffff)
        return 0;
    return static_cast<pid_t>(pid);
}

// ESRCH is the only proof of death: EPERM means the process exists (another
// user's), and a zombie still answers until its parent reaps it. A reused pid
// keeps a stale name alive until that process ends too, which is harmless.
inline bool processIsGone(pid_t pid) {
    return kill(pid, 0) == -1 && errno == ESRCH;
}

} // namespace entropic::ipc
