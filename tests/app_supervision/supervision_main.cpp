// Catch2 runner with the QCoreApplication the supervisor's signals, timers
// and QProcess need. `--editor-child` turns the binary into a stand-in editor
// for the test that kills the editor: it supervises an engine, prints
// {"pid": engine pid, "ring": ring name} when it is ready, and runs until killed.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstring>

#include <QCoreApplication>

#include "private_user_folders.h"
#include "supervision/engine_supervisor.h"
#include "supervision_support.h"

namespace {

int runEditorChild(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    entropic::app::EngineSupervisor engine(entropic::test::engineOptions());
    QObject::connect(&engine, &entropic::app::EngineSupervisor::engineReady, [&] {
        const nlohmann::json line = {{"pid", engine.enginePid()},
                                     {"ring", engine.ringName().toStdString()}};
        std::printf("%s\n", line.dump().c_str());
        std::fflush(stdout);
    });
    engine.start();
    return app.exec();
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc > 1 && std::strcmp(argv[1], "--editor-child") == 0) return runEditorChild(argc, argv);
    const entropic::test::PrivateUserFolders folders("app_supervision_tests");
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
