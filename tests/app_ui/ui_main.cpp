// Catch2 runner with the QApplication the editor's widgets need, offscreen,
// using the engine built in this tree.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QSettings>

#include "private_user_folders.h"
#include "supervision/frame_feed.h"

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("ENTROPIC_ENGINE", ENTROPIC_ENGINE_PATH);
    // Settings and recovery files stay out of the user's and the other cases'.
    const entropic::test::PrivateUserFolders folders("app_ui_tests");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("EntropicTests"));
    QApplication::setApplicationName(QStringLiteral("EntropicTests"));
    // Frames exactly as rendered: a scrub proxy made on an idle core midway
    // through a case would put a proxy frame between the frames it checks.
    // (The scrub proxy case turns them on for itself.)
    QSettings().setValue(QLatin1String(entropic::app::FrameFeed::kScrubProxiesKey), false);
    return Catch::Session().run(argc, argv);
}
