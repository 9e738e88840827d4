// Catch2 runner with the QApplication the preferences dialog needs,
// offscreen, with settings kept out of the user's.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("XDG_CONFIG_HOME", ENTROPIC_BINARY_DIR "/test-scratch/playback-home/config");
    qputenv("XDG_DATA_HOME", ENTROPIC_BINARY_DIR "/test-scratch/playback-home/data");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("entropic-tests"));
    QApplication::setApplicationName(QStringLiteral("app_playback_tests"));
    return Catch::Session().run(argc, argv);
}
