#pragma once
// Where the editor finds the entropic-engine program it starts.
#include <QString>
#include <QStringList>

namespace entropic::app {

struct EngineLocation {
    QString path;  // absolute path of an executable file; empty if none found
    QString error; // when path is empty: what was looked at and why nothing fit
    bool found() const { return !path.isEmpty(); }
};

class EngineLocator {
  public:
    static constexpr const char* kProgramName = "entropic-engine";

    // Where to look, in this order:
    //   1. envValue ($ENTROPIC_ENGINE): a path the user chose; if it is set but
    //      not an executable file that is an error, never silently skipped;
    //   2. appDir/entropic-engine (installed side by side, or a flat build);
    //   3. appDir/../engine/entropic-engine (the editor run from the build tree);
    //   4. installBinDir/entropic-engine (compile definition ENTROPIC_INSTALL_BINDIR);
    //   5. every folder of searchPath ($PATH).
    struct Places {
        QString envValue;
        QString appDir;
        QString installBinDir;
        QStringList searchPath;
    };

    // From the environment and the running program.
    static Places defaultPlaces();
    static EngineLocation locate(const Places& places);
    static EngineLocation locate() { return locate(defaultPlaces()); }
};

} // namespace entropic::app
