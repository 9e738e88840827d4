#include "model/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <exception>

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace entropic::app {

namespace {

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

// The rename is only durable once the folder's entry is on disk too.
void syncFolderOf(const QString& path) {
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

bool writeFileAtomically(const QString& path, const std::function<void(QIODevice&)>& write,
                         QString* error) {
    QSaveFile file(path);
    // Never fall back to writing the target in place: that is what this avoids.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("%1: cannot write the file (%2)")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
    try {
        write(file);
    } catch (const std::exception& e) {
        file.cancelWriting();
        return fail(error, QStringLiteral("%1: writing failed (%2)")
                               .arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what())));
    } catch (...) {
        file.cancelWriting();
        return fail(error,
                    QStringLiteral("%1: writing failed").arg(QDir::toNativeSeparators(path)));
    }
    if (file.error() != QFileDevice::NoError || !file.flush() || ::fsync(file.handle()) != 0) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(error, QStringLiteral("%1: cannot write the file (%2)")
                               .arg(QDir::toNativeSeparators(path), reason));
    }
    if (!file.commit())
        return fail(error, QStringLiteral("%1: cannot replace the file (%2)")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
    syncFolderOf(path);
    return true;
}

} // namespace entropic::app
