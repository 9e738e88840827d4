// Catch main for the app tests: a QApplication on the offscreen platform
// (QObjects with timers need an application; CI has no display), and user
// folders of this process's own so nothing touches the user's or another case's.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

#include "private_user_folders.h"

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const entropic::test::PrivateUserFolders folders("app_tests");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("entropic-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("app_tests"));
    return Catch::Session().run(argc, argv);
}
