#pragma once
// User folders of one test process's own.
#include <filesystem>
#include <string>

namespace entropic::test {

// Points XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME at a folder of
// this process's own under the build tree, and removes it on destruction.
// Create one in main() before the application object: ctest runs each case
// as its own process, two at a time, and settings are per user, not per
// process, so a preference one case sets must never reach the case running
// beside it, nor the user's own settings.
class PrivateUserFolders {
  public:
    explicit PrivateUserFolders(const std::string& suite);
    ~PrivateUserFolders();
    PrivateUserFolders(const PrivateUserFolders&) = delete;
    PrivateUserFolders& operator=(const PrivateUserFolders&) = delete;

    const std::filesystem::path& root() const { return root_; }

  private:
    std::filesystem::path root_;
};

} // namespace entropic::test
