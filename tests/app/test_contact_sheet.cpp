// The contact sheet: a grid of captioned tiles, the input first, each effect's
// tile its own picture; bad requests fail with a message and write nothing.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

#include "export/contact_sheet.h"

using namespace entropic::app;

namespace {

const QString kMedia = QStringLiteral(ENTROPIC_TEST_MEDIA_DIR "/bframes.mp4");

// The picture part of tile i (below its caption).
QImage tile(const QImage& sheet, int index, int columns, int tileW, int tileH) {
    constexpr int kCaption = 18;
    return sheet.copy((index % columns) * tileW, (index / columns) * (tileH + kCaption) + kCaption,
                      tileW, tileH);
}

} // namespace

TEST_CASE("a contact sheet tiles the input and each effect, captioned", "[app][contact_sheet]") {
    QTemporaryDir dir;
    ContactSheetOptions o;
    o.source = kMedia;
    o.output = dir.filePath(QStringLiteral("sheet.png"));
    o.frame = 5;
    o.tileWidth = 80;
    o.columns = 2;
    o.effects = {QStringLiteral("util.invert"), QStringLiteral("fx.posterize"),
                 QStringLiteral("fx.echo")};
    REQUIRE(writeContactSheet(o).isEmpty());
    const QImage sheet(o.output);
    REQUIRE_FALSE(sheet.isNull());
    // 4 tiles in 2 columns: 2 rows; the tile height follows the clip's aspect.
    const int tileH = sheet.height() / 2 - 18;
    CHECK(sheet.width() == 160);
    CHECK(tileH > 20);
    const QImage plain = tile(sheet, 0, 2, 80, tileH).convertToFormat(QImage::Format_RGB888);
    const QImage inverted = tile(sheet, 1, 2, 80, tileH).convertToFormat(QImage::Format_RGB888);
    // util.invert's tile is the negative of the input's, pixel for pixel.
    bool negative = true;
    for (int y = 0; y < tileH && negative; ++y)
        for (int x = 0; x < 80; ++x) {
            const QRgb a = plain.pixel(x, y), b = inverted.pixel(x, y);
            if (qRed(a) + qRed(b) != 255 || qGreen(a) + qGreen(b) != 255 ||
                qBlue(a) + qBlue(b) != 255) {
                negative = false;
                break;
            }
        }
    CHECK(negative);
    CHECK(tile(sheet, 2, 2, 80, tileH) != tile(sheet, 0, 2, 80, tileH));
    // Captions are drawn: the strip above a tile is not all background.
    const QImage caption = sheet.copy(0, 0, 80, 18).convertToFormat(QImage::Format_RGB888);
    bool text = false;
    for (int y = 0; y < 18 && !text; ++y)
        for (int x = 0; x < 80; ++x)
            if (qRed(caption.pixel(x, y)) > 128) text = true;
    CHECK(text);
}

TEST_CASE("a contact sheet refuses bad requests and writes nothing", "[app][contact_sheet]") {
    QTemporaryDir dir;
    ContactSheetOptions o;
    o.source = kMedia;
    o.output = dir.filePath(QStringLiteral("sheet.png"));
    o.effects = {QStringLiteral("fx.sparkle")};
    CHECK(writeContactSheet(o) == "unknown effect \"fx.sparkle\"");
    o.effects.clear();
    o.source = dir.filePath(QStringLiteral("missing.mp4"));
    CHECK_THAT(writeContactSheet(o).toStdString(), Catch::Contains("missing.mp4"));
    o.source = kMedia;
    o.output = dir.filePath(QStringLiteral("sheet.jpg"));
    CHECK_THAT(writeContactSheet(o).toStdString(), Catch::Contains(".png"));
    CHECK(QDir(dir.path()).isEmpty());
}
