#pragma once
// Writing a file so that a crash or failure at any moment leaves either the
// old file or the complete new one, never a mix: the bytes go to a temporary
// file beside the target, are flushed and fsynced, and the temporary file is
// renamed over the target (then the folder is fsynced so the rename itself
// survives a power cut). Qt's QSaveFile does the temp + rename part.
#include <functional>

#include <QIODevice>
#include <QString>

namespace entropic::app {

// Calls write with the temporary file; if it throws, or any step fails, the
// target is untouched, the temporary file is removed, and false is returned
// with a message naming the file.
bool writeFileAtomically(const QString& path, const std::function<void(QIODevice&)>& write,
                         QString* error);

} // namespace entropic::app
