// Removes the socket files crashed engines left in the runtime directory.
// libzmq 4.3 does not unlink an ipc:// socket file even on a clean close, so
// this is also what keeps the directory from filling up over time.
#include "entropic/ipc/endpoint.h"

#include <memory>
#include <string>

#include <dirent.h>
#include <unistd.h>

#include "../ring/dead_owner.h"

namespace entropic::ipc {

int removeStaleEndpoints() {
    const std::string dirPath = privateRuntimeDir();
    const std::unique_ptr<DIR, int (*)(DIR*)> dir(opendir(dirPath.c_str()), closedir);
    if (!dir) return 0;
    int removed = 0;
    while (const dirent* entry = readdir(dir.get())) {
        const std::string_view name = entry->d_name;
        if (name.size() < 5 || name.substr(name.size() - 5) != ".sock") continue;
        const pid_t pid = ownerPidOf(name, "engine-");
        if (pid == 0 || !processIsGone(pid)) continue;
        if (unlink((dirPath + "/" + entry->d_name).c_str()) == 0) ++removed;
    }
    return removed;
}

} // namespace entropic::ipc
