#pragma once
// The contact sheet: one frame of a project (or media file) through every
// registered effect at its defaults, tiled into one PNG with each effect's
// name over its picture — the whole library at a glance, for people choosing
// an effect and for reviewing the library by eye.
#include <QString>
#include <QStringList>

namespace entropic::app {

struct ContactSheetOptions {
    QString source;      // a .entropic project or a media file
    QString output;      // .png
    qint64 frame = 50;   // timeline frame (clamped into the project)
    int tileWidth = 320; // px; the height follows the project's aspect
    int columns = 6;
    QStringList effects; // effect ids; empty: every registered effect
};

// Renders in-process with the engine library (no engine process, no display:
// QImage and QPainter only). Returns an empty string on success, else a
// message naming what failed; nothing is written on failure.
QString writeContactSheet(const ContactSheetOptions& options);

} // namespace entropic::app
