// Engine endpoints: Unix sockets in a directory only this user can enter.
// A Unix socket's own mode is not a reliable guard on every system; the
// directory around it is, so that is what we create and what we check.
#include "entropic/ipc/endpoint.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "../ring/random_nonce.h"

namespace entropic::ipc {

namespace {

constexpr std::string_view kIpc = "ipc://";
constexpr std::string_view kInproc = "inproc://";

// Longest path a Unix socket address holds (sun_path, minus the terminator).
constexpr std::size_t kMaxSocketPath = sizeof(sockaddr_un::sun_path) - 1;

bool startsWith(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// Why `dir` is not a private directory of ours, or "" if it is.
std::string whyNotPrivate(const std::string& dir, const struct stat& st) {
    if (!S_ISDIR(st.st_mode)) return dir + " is not a directory (a symlink or a file?)";
    if (st.st_uid != geteuid())
        return dir + " belongs to uid " + std::to_string(st.st_uid) + ", not to us (uid " +
               std::to_string(geteuid()) + ")";
    if ((st.st_mode & 077) != 0) return dir + " is accessible to other users (mode not 0700)";
    return {};
}

} // namespace

std::string privateRuntimeDir() {
    const char* xdg = std::getenv("XDG_RUNTIME_DIR");
    const std::string dir = (xdg && xdg[0] == '/') ? std::string(xdg) + "/entropic"
                                                   : "/tmp/entropic-" + std::to_string(geteuid());
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw std::runtime_error("cannot create " + dir + ": " + std::strerror(errno));

    // O_NOFOLLOW | O_DIRECTORY: we inspect and fix the directory itself, never
    // whatever a symlink planted at that name (e.g. in /tmp) points to.
    const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        throw std::runtime_error("refusing runtime directory " + dir + ": not a plain directory (" +
                                 std::strerror(errno) + ")");
    struct stat st {};
    const bool statOk = fstat(fd, &st) == 0;
    if (statOk && S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 07777) != 0700)
        fchmod(fd, 0700); // ours but too open (umask, an old version): tighten it
    if (statOk) fstat(fd, &st);
    close(fd);
    const std::string why = statOk ? whyNotPrivate(dir, st) : dir + ": fstat failed";
    if (!why.empty()) throw std::runtime_error("refusing runtime directory: " + why);
    return dir;
}

std::string newEngineEndpoint() {
    return std::string(kIpc) + privateRuntimeDir() + "/engine-" + std::to_string(getpid()) + "-" +
           randomNonceHex() + ".sock";
}

std::string checkEndpoint(const std::string& endpoint) {
    if (startsWith(endpoint, kInproc))
        return endpoint.size() > kInproc.size() ? "" : "inproc:// endpoint has no name";
    if (startsWith(endpoint, "tcp://"))
        return "TCP endpoints are refused: the engine only listens on private local "
               "sockets (ipc:// in a directory of yours with mode 0700)";
    if (!startsWith(endpoint, kIpc))
        return "unsupported endpoint '" + endpoint + "': use ipc://PATH (or inproc:// in tests)";

    const std::string path = endpoint.substr(kIpc.size());
    if (startsWith(path, "@"))
        return "abstract-namespace sockets (ipc://@...) have no permissions: any local user "
               "could connect; use a path in a private directory";
    if (path.empty() || path.front() != '/') return "ipc path must be absolute: " + path;
    if (path.size() > kMaxSocketPath)
        return "ipc path is " + std::to_string(path.size()) + " bytes, longer than the " +
               std::to_string(kMaxSocketPath) + " a Unix socket allows";
    const std::string dir = path.substr(0, path.find_last_of('/'));
    const std::string parent = dir.empty() ? "/" : dir;

    // The directory must be exactly what it says: a symlink or ".." anywhere
    // on the way could be swapped for something else between check and bind.
    char resolved[PATH_MAX];
    if (!realpath(parent.c_str(), resolved))
        return "cannot resolve socket directory " + parent + ": " + std::strerror(errno);
    if (parent != resolved)
        return "socket directory " + parent + " is not a canonical path (it resolves to " +
               resolved + ")";
    struct stat st {};
    if (lstat(parent.c_str(), &st) != 0)
        return "cannot stat socket directory " + parent + ": " + std::strerror(errno);
    const std::string why = whyNotPrivate(parent, st);
    return why.empty() ? "" : "socket directory is not private: " + why;
}

} // namespace entropic::ipc
