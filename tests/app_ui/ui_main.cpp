// Catch2 runner with the QApplication the editor's widgets need, offscreen,
// using the engine built in this tree.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("ENTROPIC_ENGINE", ENTROPIC_ENGINE_PATH);
    // Settings and recovery files of the tests stay out of the user's.
    qputenv("XDG_CONFIG_HOME", ENTROPIC_BINARY_DIR "/test-scratch/ui-home/config");
    qputenv("XDG_DATA_HOME", ENTROPIC_BINARY_DIR "/test-scratch/ui-home/data");
    qputenv("XDG_CACHE_HOME", ENTROPIC_BINARY_DIR "/test-scratch/ui-home/cache");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("EntropicTests"));
    QApplication::setApplicationName(QStringLiteral("EntropicTests"));
    return Catch::Session().run(argc, argv);
}
