#include "private_user_folders.h"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

namespace entropic::test {

PrivateUserFolders::PrivateUserFolders(const std::string& suite)
    : root_(std::filesystem::path(ENTROPIC_BINARY_DIR) / "test-scratch" / "homes" /
            (suite + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(root_); // left by an earlier process with this pid that crashed
    for (const char* name : {"config", "data", "cache"})
        std::filesystem::create_directories(root_ / name);
    ::setenv("XDG_CONFIG_HOME", (root_ / "config").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (root_ / "data").c_str(), 1);
    ::setenv("XDG_CACHE_HOME", (root_ / "cache").c_str(), 1);
}

PrivateUserFolders::~PrivateUserFolders() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
}

} // namespace entropic::test
