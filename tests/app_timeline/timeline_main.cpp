// Catch main for the timeline tests: a QApplication (widgets, clipboard,
// drag events) on the offscreen platform, so no display is needed.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

#include "private_user_folders.h"

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const entropic::test::PrivateUserFolders folders("app_timeline_tests");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("entropic-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("app_timeline_tests"));
    return Catch::Session().run(argc, argv);
}
