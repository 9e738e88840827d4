// Catch2 runner with the QApplication the editor's widgets need, offscreen,
// using the engine built in this tree.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

#include "private_user_folders.h"

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("ENTROPIC_ENGINE", ENTROPIC_ENGINE_PATH);
    // Settings and recovery files stay out of the user's and the other cases'.
    const entropic::test::PrivateUserFolders folders("app_ui_tests");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("EntropicTests"));
    QApplication::setApplicationName(QStringLiteral("EntropicTests"));
    return Catch::Session().run(argc, argv);
}
