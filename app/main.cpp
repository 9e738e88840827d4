// entropic: the editor. `entropic [FILE]` opens a project (.entropic) or
// starts a new one with a media file on the timeline.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "window/dark_theme.h"
#include "window/main_window.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Entropic"));
    QApplication::setApplicationName(QStringLiteral("Entropic"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setDesktopFileName(QStringLiteral("entropic"));
    entropic::app::applyDarkTheme(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Entropic video glitch editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A project (.entropic) or a media file"));
    parser.process(app);

    entropic::app::MainWindow window;
    window.resize(1600, 960);
    window.show();
    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, files] {
        if (!files.isEmpty()) window.openPath(files.front());
        else window.offerRecovery();
    });
    return app.exec();
}
