#include "export/contact_sheet.h"

#include <algorithm>
#include <memory>

#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QSaveFile>

#include "entropic/effects/registry.h"
#include "entropic/engine/media/media_info.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/timeline_renderer.h"

namespace entropic::app {

namespace {

constexpr int kCaption = 18; // px above each tile for the effect's name

engine::Project loadSource(const QString& source) {
    const std::string path = source.toStdString();
    if (source.endsWith(QStringLiteral(".entropic"))) return engine::loadProjectFile(path);
    return engine::projectForMedia(path, engine::probeMedia(path));
}

// The project with `d` at its defaults appended to every video clip's chain,
// so the effect sees exactly what the plain render shows (temporal effects
// replay their history, datamosh gets its motion vectors).
engine::ProjectSnapshot withEffect(const engine::Project& base, const fx::EffectDescriptor& d) {
    auto project = std::make_shared<engine::Project>(base);
    int n = 0;
    for (auto& track : project->tracks) {
        if (track.kind != engine::TrackKind::Video) continue;
        for (auto& clip : track.clips) {
            fx::EffectInstance e;
            e.descriptor = &d;
            e.instanceId = "contact-sheet-" + std::to_string(++n);
            e.params = fx::ParamValues(d.params);
            clip.effects.push_back(std::move(e));
        }
    }
    return project;
}

QImage toImage(const fx::Frame& frame) {
    QImage image(frame.width(), frame.height(), QImage::Format_RGBA8888);
    for (int y = 0; y < frame.height(); ++y)
        std::copy_n(frame.view().row(y), static_cast<std::size_t>(frame.width()) * 4,
                    image.scanLine(y));
    return image;
}

} // namespace

QString writeContactSheet(const ContactSheetOptions& o) {
    if (!o.output.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        return QStringLiteral("%1: the contact sheet is a .png").arg(o.output);
    std::vector<const fx::EffectDescriptor*> effects;
    const auto& registry = fx::EffectRegistry::builtin();
    if (o.effects.isEmpty()) {
        effects = registry.all();
    } else {
        for (const QString& id : o.effects) {
            const auto* d = registry.find(id.toStdString());
            if (!d) return QStringLiteral("unknown effect \"%1\"").arg(id);
            effects.push_back(d);
        }
    }
    try {
        const engine::Project base = loadSource(o.source);
        const double scale = std::min(1.0, static_cast<double>(o.tileWidth) / base.width);
        const qint64 frame =
            std::clamp<qint64>(o.frame, 0, std::max<std::int64_t>(0, base.frameCount() - 1));
        int tileW = 0, tileH = 0;
        engine::scaledSize(base, scale, tileW, tileH);

        // The plain frame first, then every effect.
        const int tiles = static_cast<int>(effects.size()) + 1;
        const int columns = std::max(1, std::min(o.columns, tiles));
        const int rows = (tiles + columns - 1) / columns;
        QImage sheet(columns * tileW, rows * (tileH + kCaption), QImage::Format_RGB888);
        sheet.fill(QColor(0x18, 0x19, 0x1c));
        QPainter p(&sheet);
        QFont font = p.font();
        font.setPixelSize(12);
        p.setFont(font);
        auto place = [&](int index, const QImage& picture, const QString& caption) {
            const int x = (index % columns) * tileW, y = (index / columns) * (tileH + kCaption);
            p.setPen(QColor(0xe0, 0xe2, 0xe8));
            p.drawText(QRect(x + 4, y, tileW - 8, kCaption), Qt::AlignLeft | Qt::AlignVCenter,
                       caption);
            p.drawImage(x, y + kCaption, picture);
        };
        {
            engine::TimelineRenderer plain(std::make_shared<const engine::Project>(base));
            place(0, toImage(plain.render(frame, scale)),
                  QStringLiteral("(input, frame %1)").arg(frame));
        }
        for (std::size_t i = 0; i < effects.size(); ++i) {
            engine::TimelineRenderer renderer(withEffect(base, *effects[i]));
            place(static_cast<int>(i) + 1, toImage(renderer.render(frame, scale)),
                  QString::fromStdString(effects[i]->id));
        }
        p.end();
        QSaveFile file(o.output);
        if (!file.open(QIODevice::WriteOnly) || !sheet.save(&file, "PNG") || !file.commit())
            return QStringLiteral("%1: cannot write (%2)").arg(o.output, file.errorString());
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace entropic::app
