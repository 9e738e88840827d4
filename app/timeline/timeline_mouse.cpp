#include "timeline/timeline_mouse.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "commands/edit_rules.h"
#include "model/project_document.h"
#include "timeline/timeline_geometry.h"
#include "transport/clip_selection.h"
#include "transport/transport.h"

namespace entropic::app {

namespace {

using Mode = TimelineDrag::Mode;

struct FoundClip {
    const engine::Clip* clip = nullptr;
    int trackIndex = -1;
};

FoundClip findClip(const engine::Project& project, const QString& id) {
    const std::string key = id.toStdString();
    for (std::size_t t = 0; t < project.tracks.size(); ++t)
        for (const auto& clip : project.tracks[t].clips)
            if (clip.id == key) return {&clip, static_cast<int>(t)};
    return {};
}

// Whether [start, start+length) on a track hits a clip not in `ignore`.
bool overlaps(const engine::Track& track, std::int64_t start, std::int64_t length,
              const std::set<std::string>& ignore) {
    for (const auto& clip : track.clips)
        if (!ignore.count(clip.id) && start < clip.end() && clip.start < start + length)
            return true;
    return false;
}

} // namespace

TimelineMouse::TimelineMouse(ProjectDocument& doc, Transport& transport, ClipSelection& selection,
                             const TimelineGeometry& geometry)
    : doc_(doc), transport_(transport), selection_(selection), geometry_(geometry) {}

double TimelineMouse::snapFrames() const {
    return snapping_ ? TimelineGeometry::kSnapPx / geometry_.pixelsPerFrame() : -1.0;
}

void TimelineMouse::message(const QString& text) {
    if (onMessage) onMessage(text);
}

bool TimelineMouse::nearPlayhead(QPoint pos) const {
    return std::abs(pos.x() - geometry_.frameToX(static_cast<double>(transport_.frame()))) <=
           kPlayheadGrabPx;
}

void TimelineMouse::press(QPoint pos, Qt::KeyboardModifiers modifiers) {
    const auto& project = doc_.project();
    const TimelineHit hit = geometry_.hitTest(pos, project);
    drag_ = TimelineDrag{};
    drag_.pressPos = drag_.pos = pos;
    drag_.pressRow = hit.row;
    const bool shift = modifiers & Qt::ShiftModifier;
    const bool ctrl = modifiers & Qt::ControlModifier;

    const bool onEdge =
        hit.kind == TimelineHit::Kind::ClipLeftEdge || hit.kind == TimelineHit::Kind::ClipRightEdge;
    if (hit.kind == TimelineHit::Kind::Ruler ||
        (!onEdge && (hit.kind == TimelineHit::Kind::Lane || hit.kind == TimelineHit::Kind::Clip) &&
         nearPlayhead(pos))) {
        drag_.mode = Mode::Scrub;
        drag_.snaps = SnapTargets(project, doc_.editorState(), std::nullopt);
        scrubTo(pos.x());
        return;
    }
    if (onEdge) {
        drag_.mode = Mode::Trim;
        drag_.clipId = hit.clipId;
        drag_.edge = hit.kind == TimelineHit::Kind::ClipLeftEdge ? edits::ClipEdge::Left
                                                                 : edits::ClipEdge::Right;
        drag_.edgeFrame = drag_.trimFrame = hit.frame;
        drag_.snaps = SnapTargets(project, doc_.editorState(), transport_.frame(),
                                  {hit.clipId.toStdString()});
        if (!ctrl && !shift && !selection_.contains(hit.clipId)) selection_.select(hit.clipId);
        updateTrim();
        return;
    }
    if (hit.kind == TimelineHit::Kind::Clip) {
        drag_.mode = Mode::PressedClip;
        drag_.clipId = hit.clipId;
        drag_.pressedSelectedClip = selection_.contains(hit.clipId);
        if (ctrl)
            selection_.toggle(hit.clipId);
        else if (shift)
            selection_.add(hit.clipId);
        else if (!drag_.pressedSelectedClip)
            selection_.select(hit.clipId);
        return;
    }
    if (hit.kind == TimelineHit::Kind::Lane ||
        (hit.kind == TimelineHit::Kind::None && pos.x() >= TimelineGeometry::kHeaderWidth)) {
        drag_.mode = Mode::PressedLane;
        drag_.baseSelection = (shift || ctrl) ? selection_.clips() : QStringList();
        if (!shift && !ctrl) selection_.clear();
    }
}

void TimelineMouse::move(QPoint pos) {
    drag_.pos = pos;
    const bool dragged = (pos - drag_.pressPos).manhattanLength() >= kDragThresholdPx;
    switch (drag_.mode) {
    case Mode::PressedClip:
        if (dragged && selection_.contains(drag_.clipId)) beginMove();
        break;
    case Mode::PressedLane:
        if (dragged) {
            drag_.mode = Mode::RubberBand;
            updateRubberBand();
        }
        break;
    case Mode::Move:
        updateMove();
        break;
    case Mode::Trim:
        updateTrim();
        break;
    case Mode::RubberBand:
        updateRubberBand();
        break;
    case Mode::Scrub:
        scrubTo(pos.x());
        break;
    case Mode::None:
        break;
    }
}

void TimelineMouse::release(QPoint pos, Qt::KeyboardModifiers modifiers) {
    move(pos);
    switch (drag_.mode) {
    case Mode::PressedClip:
        // A plain click on a clip of a multi-selection narrows to it; on
        // press it kept the selection so the whole selection could be dragged.
        if (drag_.pressedSelectedClip && !(modifiers & (Qt::ShiftModifier | Qt::ControlModifier)))
            selection_.select(drag_.clipId);
        break;
    case Mode::Move:
        commitMove();
        break;
    case Mode::Trim:
        commitTrim();
        break;
    default:
        break;
    }
    drag_ = TimelineDrag{};
}

void TimelineMouse::cancel() {
    drag_ = TimelineDrag{};
}

void TimelineMouse::scrubTo(int x) {
    double frame = std::max(0.0, geometry_.xToFrame(x));
    std::int64_t target = std::llround(frame);
    drag_.snappedTo.reset();
    if (snapping_) {
        if (auto snapped = drag_.snaps.snap(frame, snapFrames())) {
            target = *snapped;
            drag_.snappedTo = snapped;
        }
    }
    transport_.setFrame(target);
}

void TimelineMouse::beginMove() {
    drag_.mode = Mode::Move;
    std::set<std::string> moving;
    for (const auto& id : selection_.clips())
        moving.insert(id.toStdString());
    drag_.snaps = SnapTargets(doc_.project(), doc_.editorState(), transport_.frame(), moving);
    updateMove();
}

void TimelineMouse::updateMove() {
    const auto& project = doc_.project();
    const auto& rows = geometry_.rows();
    struct Moving {
        const engine::Clip* clip;
        int row;
    };
    std::vector<Moving> moving;
    std::set<std::string> movingIds;
    std::vector<std::int64_t> edges;
    std::int64_t earliest = INT64_MAX;
    for (const auto& id : selection_.clips()) {
        const FoundClip found = findClip(project, id);
        if (!found.clip) continue;
        const int row = geometry_.rowOfTrack(
            QString::fromStdString(project.tracks[static_cast<std::size_t>(found.trackIndex)].id));
        moving.push_back({found.clip, row});
        movingIds.insert(found.clip->id);
        edges.push_back(found.clip->start);
        edges.push_back(found.clip->end());
        earliest = std::min(earliest, found.clip->start);
    }
    if (moving.empty()) return;
    // Clips linked to a moving one follow it by the same frames on their own
    // tracks (edits::moveClips does the same): shown as ghosts too.
    std::vector<Moving> followers;
    for (const auto& m : moving)
        for (const auto& partner : rules::linkedTo(project, *m.clip)) {
            if (!movingIds.insert(partner.clip->id).second) continue;
            followers.push_back(
                {partner.clip, geometry_.rowOfTrack(QString::fromStdString(partner.track->id))});
            earliest = std::min(earliest, partner.clip->start);
        }

    const std::int64_t raw =
        std::llround((drag_.pos.x() - drag_.pressPos.x()) / geometry_.pixelsPerFrame());
    std::int64_t delta = snapping_ ? drag_.snaps.snapDelta(edges, raw, snapFrames()) : raw;
    delta = std::max(delta, -earliest); // nothing before frame 0
    drag_.snappedTo.reset();
    if (snapping_)
        for (auto edge : edges)
            if (std::binary_search(drag_.snaps.frames().begin(), drag_.snaps.frames().end(),
                                   edge + delta)) {
                drag_.snappedTo = edge + delta;
                break;
            }

    // Across tracks: all clips shift by the same number of rows, each onto a
    // track of its own kind; if any cannot, they all stay on their tracks.
    const int overRow = geometry_.rowAt(drag_.pos.y());
    int deltaRows = overRow >= 0 && drag_.pressRow >= 0 ? overRow - drag_.pressRow : 0;
    for (const auto& m : moving) {
        const int target = m.row + deltaRows;
        if (target < 0 || target >= static_cast<int>(rows.size()) ||
            rows[static_cast<std::size_t>(target)].kind !=
                rows[static_cast<std::size_t>(m.row)].kind) {
            deltaRows = 0;
            break;
        }
    }

    drag_.deltaFrames = delta;
    drag_.deltaRows = deltaRows;
    drag_.ghosts.clear();
    drag_.valid = true;
    for (const auto& m : moving) {
        TimelineDrag::Ghost ghost{QString::fromStdString(m.clip->id), m.row + deltaRows,
                                  m.clip->start + delta, m.clip->length()};
        const auto& track = project.tracks[static_cast<std::size_t>(
            rows[static_cast<std::size_t>(ghost.row)].trackIndex)];
        if (overlaps(track, ghost.start, ghost.length, movingIds)) drag_.valid = false;
        drag_.ghosts.push_back(ghost);
    }
    for (const auto& m : followers) {
        if (m.row < 0) continue;
        TimelineDrag::Ghost ghost{QString::fromStdString(m.clip->id), m.row, m.clip->start + delta,
                                  m.clip->length()};
        const auto& track =
            project
                .tracks[static_cast<std::size_t>(rows[static_cast<std::size_t>(m.row)].trackIndex)];
        if (overlaps(track, ghost.start, ghost.length, movingIds)) drag_.valid = false;
        drag_.ghosts.push_back(ghost);
    }
    // Ghosts among themselves (two clips shifted onto one track).
    for (std::size_t i = 0; i < drag_.ghosts.size(); ++i)
        for (std::size_t j = i + 1; j < drag_.ghosts.size(); ++j) {
            const auto& a = drag_.ghosts[i];
            const auto& b = drag_.ghosts[j];
            if (a.row == b.row && a.start < b.start + b.length && b.start < a.start + a.length)
                drag_.valid = false;
        }
}

void TimelineMouse::updateTrim() {
    const FoundClip found = findClip(doc_.project(), drag_.clipId);
    if (!found.clip) return;
    const double exact =
        drag_.edgeFrame + (drag_.pos.x() - drag_.pressPos.x()) / geometry_.pixelsPerFrame();
    std::int64_t frame = std::llround(exact);
    drag_.snappedTo.reset();
    if (snapping_)
        if (auto snapped = drag_.snaps.snap(exact, snapFrames())) {
            frame = *snapped;
            drag_.snappedTo = snapped;
        }
    drag_.trimFrame = frame;
    const auto& c = *found.clip;
    const auto& track = doc_.project().tracks[static_cast<std::size_t>(found.trackIndex)];
    const bool left = drag_.edge == edits::ClipEdge::Left;
    const std::int64_t start = left ? frame : c.start;
    const std::int64_t end = left ? c.end() : frame;
    drag_.valid = end > start && start >= 0 && (!left || c.in + (frame - c.start) >= 0) &&
                  !overlaps(track, start, end - start, {c.id});
}

void TimelineMouse::updateRubberBand() {
    drag_.band = QRect(drag_.pressPos, drag_.pos).normalized();
    QStringList ids = drag_.baseSelection;
    for (const auto& id : geometry_.clipsIn(drag_.band, doc_.project()))
        if (!ids.contains(id)) ids.push_back(id);
    selection_.set(ids);
}

void TimelineMouse::commitMove() {
    if (drag_.deltaFrames == 0 && drag_.deltaRows == 0) return;
    std::vector<edits::ClipMove> moves;
    const auto& rows = geometry_.rows();
    for (const auto& ghost : drag_.ghosts)
        moves.push_back(
            {ghost.clipId, rows[static_cast<std::size_t>(ghost.row)].trackId, ghost.start});
    QString error;
    if (!edits::moveClips(doc_, moves, &error)) message(error);
}

void TimelineMouse::commitTrim() {
    if (drag_.trimFrame == drag_.edgeFrame) return;
    QString error;
    if (!edits::trimClip(doc_, drag_.clipId, drag_.edge, drag_.trimFrame, &error)) message(error);
}

Qt::CursorShape TimelineMouse::cursorAt(QPoint pos) const {
    if (drag_.mode == Mode::Move) return Qt::ClosedHandCursor;
    if (drag_.mode == Mode::Trim || drag_.mode == Mode::Scrub) return Qt::SizeHorCursor;
    const TimelineHit hit = geometry_.hitTest(pos, doc_.project());
    switch (hit.kind) {
    case TimelineHit::Kind::ClipLeftEdge:
    case TimelineHit::Kind::ClipRightEdge:
        return Qt::SizeHorCursor;
    case TimelineHit::Kind::Clip:
        return nearPlayhead(pos) ? Qt::SizeHorCursor : Qt::OpenHandCursor;
    case TimelineHit::Kind::Lane:
        return nearPlayhead(pos) ? Qt::SizeHorCursor : Qt::ArrowCursor;
    default:
        return Qt::ArrowCursor;
    }
}

} // namespace entropic::app
