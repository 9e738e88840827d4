// Catch2 runner with the QApplication the preferences dialog needs,
// offscreen, with user folders of this process's own.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

#include "private_user_folders.h"

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const entropic::test::PrivateUserFolders folders("app_playback_tests");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("entropic-tests"));
    QApplication::setApplicationName(QStringLiteral("app_playback_tests"));
    return Catch::Session().run(argc, argv);
}
