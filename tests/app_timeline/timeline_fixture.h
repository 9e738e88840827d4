#pragma once
// A hand-built project on a TimelineWidget of fixed size, zoomed so that
// frame f sits at x = kHeaderWidth + 5 f. Clips (sources: the test media):
//   V2: d [10,20) in 60                 (bframes.mp4)
//   V1: a [0,30)  b [40,70) in 10, fx   c [100,130)   (bframes.mp4)
//   A1: m [0,60)                        (audio-only.m4a)
// Rows top to bottom: V2, V1, A1.
#include <memory>
#include <string>

#include <QPoint>
#include <QString>
#include <QTemporaryDir>

#include "model/project_document.h"
#include "timeline/timeline_widget.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"

namespace entropic::app::test {

QString mediaPath(const char* name);

struct TimelineFixture {
    static constexpr double kPixelsPerFrame = 5.0;
    QTemporaryDir dir;
    ProjectDocument doc;
    Transport transport;
    ClipSelection selection;
    std::unique_ptr<TimelineWidget> widget;

    TimelineFixture();
    TimelineWidget& w() { return *widget; }

    // Widget point at a frame boundary on a track's row (dy from the row's middle).
    QPoint at(const QString& trackId, double frame, int dy = 0) const;
    // A point in the ruler at a frame.
    QPoint ruler(double frame) const;
    const engine::Clip* clip(const std::string& id) const;
    std::string clipIds(const std::string& trackId) const;

    void click(QPoint pos, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    // Press, move in steps, release: what a hand does.
    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
};

} // namespace entropic::app::test
