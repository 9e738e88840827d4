// entropic: the editor. `entropic [FILE]` opens a project (.entropic) or
// starts a new one with a media file on the timeline.
// `entropic --contact-sheet OUT.png [FILE]` renders the effect library's
// contact sheet instead, without a window or a display; `entropic
// --list-shortcuts` prints the shortcut table docs/editor.md carries.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "export/contact_sheet.h"
#include "window/dark_theme.h"
#include "window/main_window.h"
#include "window/shortcut_list.h"

int main(int argc, char** argv) {
    // The contact sheet paints into an image: it needs no display, so it must
    // not fail for want of one.
    for (int i = 1; i < argc; ++i)
        if ((std::strcmp(argv[i], "--contact-sheet") == 0 ||
             std::strcmp(argv[i], "--list-shortcuts") == 0) &&
            !std::getenv("QT_QPA_PLATFORM"))
            setenv("QT_QPA_PLATFORM", "offscreen", 1);
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
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A project (.entropic) or a media file"));
    const QCommandLineOption sheetOption(
        QStringLiteral("contact-sheet"),
        QStringLiteral("Render every effect at its defaults on one frame of FILE (default: the "
                       "demo) into a PNG, then exit."),
        QStringLiteral("png"));
    const QCommandLineOption frameOption(
        QStringLiteral("frame"),
        QStringLiteral("Timeline frame of the contact sheet (default 50)."), QStringLiteral("n"),
        QStringLiteral("50"));
    const QCommandLineOption shortcutsOption(
        QStringLiteral("list-shortcuts"),
        QStringLiteral("Print every keyboard shortcut of the menus as the markdown table of "
                       "docs/editor.md, then exit."));
    parser.addOption(sheetOption);
    parser.addOption(frameOption);
    parser.addOption(shortcutsOption);
    parser.process(app);

    if (parser.isSet(shortcutsOption)) {
        const entropic::app::MainWindow window;
        std::printf("%s", qPrintable(entropic::app::shortcutTable(
                              entropic::app::menuShortcuts(window.menuBar()))));
        return 0;
    }

    if (parser.isSet(sheetOption)) {
        entropic::app::ContactSheetOptions sheet;
        sheet.output = parser.value(sheetOption);
        sheet.source = parser.positionalArguments().value(0, QStringLiteral(ENTROPIC_DEMO_PROJECT));
        sheet.frame = parser.value(frameOption).toLongLong();
        const QString error = entropic::app::writeContactSheet(sheet);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "entropic: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("entropic: wrote %s\n", qPrintable(sheet.output));
        return 0;
    }

    entropic::app::MainWindow window;
    window.resize(1600, 960);
    window.show();
    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, files] {
        if (!files.isEmpty())
            window.openPath(files.front());
        else
            window.offerRecovery();
    });
    return app.exec();
}
