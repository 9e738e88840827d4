#include "render/atomic_folder.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "entropic/engine/error.h"

namespace entropic::engine {
namespace fs = std::filesystem;

namespace {

void syncPath(const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

void writeFolderAtomically(const std::string& target, const std::string& tmp, bool merge,
                           const std::function<void(const std::string&)>& write) {
    std::error_code ec;
    fs::remove_all(tmp, ec); // what an earlier run of this process left
    if (!fs::create_directory(tmp, ec))
        throw EngineError(errc::kIo,
                          target + ": cannot create the folder " + tmp + " (" + ec.message() + ")");
    try {
        write(tmp);
        for (const auto& e : fs::directory_iterator(tmp))
            syncPath(e.path(), O_RDONLY);
        if (merge) {
            for (const auto& e : fs::directory_iterator(tmp)) {
                fs::rename(e.path(), fs::path(target) / e.path().filename(), ec);
                if (ec)
                    throw EngineError(errc::kIo, target + ": cannot move " +
                                                     e.path().filename().string() +
                                                     " into the folder (" + ec.message() + ")");
            }
            fs::remove(tmp, ec);
        } else {
            fs::rename(tmp, target, ec); // replaces an empty folder
            if (ec)
                throw EngineError(errc::kIo,
                                  target + ": cannot write the folder (" + ec.message() + ")");
        }
        syncPath(fs::absolute(target), O_RDONLY | O_DIRECTORY);
        syncPath(fs::absolute(target).parent_path(), O_RDONLY | O_DIRECTORY);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(tmp, ignored);
        throw;
    }
}

} // namespace entropic::engine
