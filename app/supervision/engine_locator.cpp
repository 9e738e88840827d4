#include "supervision/engine_locator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace entropic::app {

namespace {

bool isExecutableFile(const QString& path) {
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

EngineLocator::Places EngineLocator::defaultPlaces() {
    Places places;
    places.envValue = qEnvironmentVariable("ENTROPIC_ENGINE");
    if (QCoreApplication::instance()) places.appDir = QCoreApplication::applicationDirPath();
#ifdef ENTROPIC_INSTALL_BINDIR
    places.installBinDir = QStringLiteral(ENTROPIC_INSTALL_BINDIR);
#endif
    places.searchPath = qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return places;
}

EngineLocation EngineLocator::locate(const Places& places) {
    const QString name = QString::fromLatin1(kProgramName);
    if (!places.envValue.isEmpty()) {
        if (isExecutableFile(places.envValue))
            return {QFileInfo(places.envValue).absoluteFilePath(), {}};
        return {{},
                QStringLiteral("ENTROPIC_ENGINE is set to %1, which is not an executable file")
                    .arg(places.envValue)};
    }

    QStringList candidates;
    if (!places.appDir.isEmpty()) {
        const QDir app(places.appDir);
        candidates << app.filePath(name) << app.filePath(QStringLiteral("../engine/") + name);
    }
    if (!places.installBinDir.isEmpty()) candidates << QDir(places.installBinDir).filePath(name);
    for (const QString& dir : places.searchPath)
        candidates << QDir(dir).filePath(name);

    for (const QString& candidate : candidates)
        if (isExecutableFile(candidate)) return {QFileInfo(candidate).canonicalFilePath(), {}};

    return {
        {},
        QStringLiteral("%1 was not found (looked in: %2). Install it next to the editor, or set "
                       "ENTROPIC_ENGINE to its path.")
            .arg(name, candidates.isEmpty() ? QStringLiteral("nowhere")
                                            : candidates.join(QStringLiteral(", ")))};
}

} // namespace entropic::app
