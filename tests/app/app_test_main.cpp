// Catch main for the app tests: a QApplication on the offscreen platform
// (QObjects with timers need an application; CI has no display), and test
// mode for QStandardPaths so nothing touches the user's folders.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("entropic-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("app_tests"));
    QStandardPaths::setTestModeEnabled(true);
    return Catch::Session().run(argc, argv);
}
