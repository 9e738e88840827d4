#include "entropic/ipc/prompt_wakeups.h"

#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>

namespace entropic::ipc {

namespace {

// The kernel's struct sched_attr (glibc 2.36 has no wrapper for it).
struct SchedAttr {
    std::uint32_t size;
    std::uint32_t policy;
    std::uint64_t flags;
    std::int32_t nice;
    std::uint32_t priority;
    std::uint64_t runtime;
    std::uint64_t deadline;
    std::uint64_t period;
};

constexpr std::uint64_t kSliceNs = 100'000; // the kernel's minimum custom slice

// 0 asks for the default slice.
bool setSlice(std::uint64_t ns) {
    SchedAttr attr{};
    if (::syscall(SYS_sched_getattr, 0, &attr, sizeof attr, 0) != 0) return false;
    if (attr.policy != SCHED_OTHER) return false; // leave real-time, batch or idle threads alone
    attr.size = sizeof attr;
    attr.flags = 0;
    attr.runtime = ns;
    return ::syscall(SYS_sched_setattr, 0, &attr, 0) == 0;
}

} // namespace

bool preferPromptWakeups() {
    return setSlice(kSliceNs);
}

bool preferThroughput() {
    return setSlice(0);
}

} // namespace entropic::ipc
