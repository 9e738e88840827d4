#include "timeline/track_header.h"

#include <algorithm>
#include <cmath>

#include <QPainter>

#include "timeline/timeline_palette.h"

namespace entropic::app {

namespace {

constexpr int kButtonWidth = 22;
constexpr int kButtonHeight = 18;

void paintToggle(QPainter& p, const QRect& r, const QString& label, bool on,
                 const QColor& onColour) {
    p.setPen(on ? onColour.darker(130) : QColor(0x44, 0x46, 0x4d));
    p.setBrush(on ? onColour : QColor(0x36, 0x38, 0x3e));
    p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    p.setPen(on ? QColor(0x1a, 0x1a, 0x1a) : palette::kDimText);
    p.drawText(r, Qt::AlignCenter, label);
}

} // namespace

namespace {
constexpr double kFaderLowDb = -48, kFaderHighDb = 12, kSilenceDb = -96;
} // namespace

double TrackLevel::fraction(const engine::Track& track) {
    if (track.kind == engine::TrackKind::Video) return track.opacity;
    return std::clamp((track.volumeDb - kFaderLowDb) / (kFaderHighDb - kFaderLowDb), 0.0, 1.0);
}

double TrackLevel::valueAt(engine::TrackKind kind, double fraction) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (kind == engine::TrackKind::Video) return std::round(fraction * 100) / 100;
    if (fraction <= 0) return kSilenceDb;
    // Half-decibel steps: finer than an ear follows, coarse enough to type back.
    return std::round((kFaderLowDb + fraction * (kFaderHighDb - kFaderLowDb)) * 2) / 2;
}

QString TrackLevel::text(const engine::Track& track) {
    if (track.kind == engine::TrackKind::Video)
        return QStringLiteral("%1 %").arg(std::lround(track.opacity * 100));
    if (track.volumeDb <= kSilenceDb) return QStringLiteral("off");
    return QStringLiteral("%1 dB").arg(track.volumeDb, 0, 'f', 1);
}

double TrackLevel::stepped(const engine::Track& track, int steps) {
    if (track.kind == engine::TrackKind::Video)
        return std::clamp(std::round(track.opacity * 20 + steps) / 20, 0.0, 1.0); // 5 %
    const double from = std::max(track.volumeDb, kFaderLowDb - 1);
    const double to = std::round(from + steps); // 1 dB
    return to < kFaderLowDb ? kSilenceDb : std::min(to, 24.0);
}

QRect TrackHeader::partRect(const QRect& header, Part part) {
    const int buttonsTop = header.bottom() - kButtonHeight - 5;
    const int left = header.left() + 12;
    switch (part) {
    case Part::Name:
        return {left, header.top() + 5, header.width() - 24, 18};
    case Part::Mute:
        return {left, buttonsTop, kButtonWidth, kButtonHeight};
    case Part::Solo:
        return {left + kButtonWidth + 4, buttonsTop, kButtonWidth, kButtonHeight};
    case Part::Lock:
        return {left + 2 * (kButtonWidth + 4), buttonsTop, kButtonWidth, kButtonHeight};
    case Part::Level: {
        const int x = left + 3 * (kButtonWidth + 4) + 4;
        return {x, buttonsTop, header.right() - 8 - x, kButtonHeight};
    }
    case Part::Blend:
        // Between the name and the buttons; only video rows are tall enough.
        return {left, header.top() + 26, header.width() - 20, kButtonHeight};
    case Part::None:
        break;
    }
    return {};
}

TrackHeader::Part TrackHeader::partAt(const QRect& header, QPoint pos, engine::TrackKind kind) {
    for (Part part : {Part::Mute, Part::Solo, Part::Lock, Part::Level, Part::Blend, Part::Name}) {
        if (part == Part::Blend && kind != engine::TrackKind::Video) continue;
        if (partRect(header, part).contains(pos)) return part;
    }
    return Part::None;
}

double TrackHeader::levelAt(const QRect& header, int x) {
    const QRect bar = partRect(header, Part::Level);
    return std::clamp(static_cast<double>(x - bar.left()) / std::max(1, bar.width() - 1), 0.0, 1.0);
}

void TrackHeader::paint(QPainter& p, const QRect& header, const TrackHeaderState& state) {
    const bool video = state.kind == engine::TrackKind::Video;
    p.fillRect(header, palette::kHeader);
    // A stripe in the clip colour of the kind, so video and audio rows read apart.
    p.fillRect(QRect(header.left(), header.top(), 4, header.height()),
               video ? palette::kVideoClipBorder : palette::kAudioClipBorder);
    p.setPen(palette::kLaneSeparator);
    p.drawLine(header.bottomLeft(), header.bottomRight());
    p.drawLine(header.topRight(), header.bottomRight());

    QFont font = p.font();
    font.setBold(true);
    p.setFont(font);
    p.setPen(palette::kHeaderText);
    const QRect name = partRect(header, Part::Name);
    p.drawText(name.adjusted(0, 0, -30, 0), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(state.name, Qt::ElideRight, name.width() - 30));
    font.setBold(false);
    p.setFont(font);
    // The id beside a given name ("Overlay  V2"), not twice over ("A1  A1").
    if (state.name != state.id) {
        p.setPen(palette::kDimText);
        p.drawText(name, Qt::AlignRight | Qt::AlignVCenter, state.id);
    }

    // Mute reads "hide" on a video track: muting a picture hides it.
    paintToggle(p, partRect(header, Part::Mute), video ? QStringLiteral("H") : QStringLiteral("M"),
                state.muted, palette::kMuteOn);
    paintToggle(p, partRect(header, Part::Solo), QStringLiteral("S"), state.solo, palette::kSoloOn);
    paintToggle(p, partRect(header, Part::Lock), QStringLiteral("L"), state.locked,
                palette::kLockOn);

    // Level: a bar filled to the value, the value written over it.
    const QRect level = partRect(header, Part::Level);
    p.setPen(QColor(0x44, 0x46, 0x4d));
    p.setBrush(QColor(0x2a, 0x2c, 0x31));
    p.drawRoundedRect(QRectF(level).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    QRect fill = level.adjusted(1, 1, -1, -1);
    fill.setWidth(static_cast<int>(std::lround(fill.width() * std::clamp(state.level, 0.0, 1.0))));
    p.fillRect(fill, (video ? palette::kVideoClipBorder : palette::kAudioClipBorder).darker(160));
    p.setPen(palette::kHeaderText);
    p.drawText(level, Qt::AlignCenter, state.levelText);

    if (video) {
        // Blend: a drop-down look, since a click opens the list of modes.
        const QRect blend = partRect(header, Part::Blend);
        p.setPen(QColor(0x44, 0x46, 0x4d));
        p.setBrush(QColor(0x36, 0x38, 0x3e));
        p.drawRoundedRect(QRectF(blend).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        p.setPen(palette::kDimText);
        p.drawText(blend.adjusted(6, 0, -16, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   state.blendLabel);
        p.drawText(blend.adjusted(0, 0, -6, 0), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("▾"));
    }
}

QRect TimelineCorner::partRect(const QRect& corner, Part part) {
    const int top = corner.bottom() - kButtonHeight - 3;
    switch (part) {
    case Part::AddVideo:
        return {corner.right() - 2 * 34 - 4, top, 34, kButtonHeight};
    case Part::AddAudio:
        return {corner.right() - 34 - 2, top, 34, kButtonHeight};
    case Part::None:
        break;
    }
    return {};
}

TimelineCorner::Part TimelineCorner::partAt(const QRect& corner, QPoint pos) {
    for (Part part : {Part::AddVideo, Part::AddAudio})
        if (partRect(corner, part).contains(pos)) return part;
    return Part::None;
}

void TimelineCorner::paint(QPainter& p, const QRect& corner, const QString& timecode) {
    p.fillRect(corner, palette::kHeader);
    p.setPen(palette::kLaneSeparator);
    p.drawLine(corner.bottomLeft(), corner.bottomRight());
    p.drawLine(corner.topRight(), corner.bottomRight());
    // The playhead's timecode, where an editor's eye expects it.
    QFont font = p.font();
    font.setBold(true);
    p.setFont(font);
    p.setPen(palette::kPlayhead.lighter(120));
    p.drawText(QRect(corner.left() + 8, corner.top() + 2, corner.width() - 12, 18),
               Qt::AlignLeft | Qt::AlignVCenter, timecode);
    font.setBold(false);
    p.setFont(font);
    paintToggle(p, partRect(corner, Part::AddVideo), QStringLiteral("+V"), false,
                palette::kVideoClipBorder);
    paintToggle(p, partRect(corner, Part::AddAudio), QStringLiteral("+A"), false,
                palette::kAudioClipBorder);
}

} // namespace entropic::app
