// Catch main for the device tests: a Qt application (offscreen), and ctest's
// skip code (77) when a test could not reach the service it needs.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "jack_server.h"
#include "private_user_folders.h"
#include <QApplication>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const entropic::test::PrivateUserFolders folders("app_device_tests");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("entropic-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("app_device_tests"));
    const int failures = Catch::Session().run(argc, argv);
    if (failures == 0 && entropic::test::testSkipped()) return 77;
    return failures;
}
