// Catch main for the timeline tests: a QApplication (widgets, clipboard,
// drag events) on the offscreen platform, so no display is needed.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("entropic-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("app_timeline_tests"));
    QStandardPaths::setTestModeEnabled(true);
    return Catch::Session().run(argc, argv);
}
