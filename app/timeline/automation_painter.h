#pragma once
// Paints the automation rows under their tracks (TimelineGeometry::
// automationRows): the lane's curve across its clip, exactly as the engine
// interpolates it (sig::laneValue), each key as a diamond (a square for a
// held segment), the playhead's value, and the row's header.
class QPainter;

namespace entropic::app {

struct TimelineScene;

void paintAutomationLanes(QPainter& painter, const TimelineScene& scene);
void paintAutomationHeaders(QPainter& painter, const TimelineScene& scene);

} // namespace entropic::app
