#pragma once
// Paints the performance rows under the tracks (TimelineGeometry::
// performanceRows): each recorded pad event as a block from on to off in its
// pad's colour (editor.pads), the velocity as the block's filled height, the
// selected blocks outlined, a gesture's outcome as it would land (the mouse's
// preview) with its snap guide; and each row's header: the pad's colour and
// name, and its event count.
class QPainter;

namespace entropic::app {

struct TimelineScene;

void paintPerformanceLanes(QPainter& painter, const TimelineScene& scene);
void paintPerformanceHeaders(QPainter& painter, const TimelineScene& scene);

} // namespace entropic::app
