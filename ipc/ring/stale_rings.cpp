// Removes the ring segments a crashed engine left in /dev/shm.
#include "entropic/ipc/frame_ring.h"

#include <memory>
#include <string>

#include <dirent.h>
#include <sys/mman.h>

#include "dead_owner.h"
#include "ring_layout.h"

namespace entropic::ipc {

int removeStaleRings() {
    // POSIX shared memory lives in /dev/shm on Linux (glibc's shm_open).
    const std::unique_ptr<DIR, int (*)(DIR*)> dir(opendir("/dev/shm"), closedir);
    if (!dir) return 0;
    int removed = 0;
    while (const dirent* entry = readdir(dir.get())) {
        const pid_t pid = ownerPidOf(entry->d_name, ring::kNamePrefix);
        if (pid == 0 || !processIsGone(pid)) continue;
        // Another user's segment fails with EACCES (/dev/shm is sticky): fine,
        // it is theirs to clean.
        if (shm_unlink(("/" + std::string(entry->d_name)).c_str()) == 0) ++removed;
    }
    return removed;
}

} // namespace entropic::ipc
