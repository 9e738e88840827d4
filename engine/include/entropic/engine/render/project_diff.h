#pragma once
// Which timeline frames an edit can change: what the frame cache drops when a
// new project snapshot replaces the old one (frame_cache.h).
//
// A rendered frame is a function of the project-wide fields every frame uses
// (id and seed, which seed every effect; frame rate; width and height) and of
// the frame's layer stack: bottom to top, each visible video track (not
// muted, opacity above 0) whose clip covers the frame, as (track opacity and blend mode,
// clip source, clip start, clip in, the clip's enabled effects with every
// field). changedFrames compares that stack frame by frame, so:
//   - a project-wide field changed → every frame: one range [0, INT64_MAX)
//     (not the projects' frame counts: whatever the cache holds goes);
//   - a clip added or removed → its range;
//   - a clip moved, slipped or re-sourced, or its chain changed (an effect
//     added, removed, reordered, bypassed; its params, seed, mix, blend, mask) → its
//     old range and its new range;
//   - a video track added, removed, muted or unmuted, its opacity or blend mode changed →
//     the ranges of its clips;
//   - video tracks reordered → the frames where their clips overlap (where
//     only one track shows a clip, its order changes nothing);
// and nothing else:
//   - a clip's gain, a track's volume, the sample rate, audio tracks: sound;
//   - clip ids: nothing renders from them (effect instance ids, which seed
//     effects, are compared);
//   - a trimmed or extended out point: only the frames gained or lost (a
//     clip's frame n depends on its source, in point and chain, never on how
//     long the clip runs);
//   - a bypassed effect's fields, a muted track's opacity: not rendered.
//
// Temporal effects need no widening: a clip's temporal state lives inside
// that clip (docs/determinism.md; ClipChain keeps one state per clip, anchored
// at clip-local frames, fed only by that clip's own source and motion
// vectors), so "the frames after the edit that depend on it" are all inside
// the clip's own range, which is invalidated whole. Nothing carries from one
// clip to the next or across tracks except the composite of the one frame.
//
// Signals (docs/signals.md): a modulated clip's picture also depends on
// everything signalsKey() covers (the graph, tempo, performance lanes, the
// clips its sources measure and where they sit). When that key changes,
// every frame of every clip a route or lane drives, before or after the
// edit, is invalidated whole: simple and never stale (a slew or envelope
// carries one frame's change to all later frames). A modulated clip moved
// without a key change is the "moved" case above.
//
// Not seen: a media file replaced on disk under the same path.
#include <cstdint>
#include <limits>
#include <vector>

#include "entropic/engine/project/project.h"
#include "entropic/engine/render/frame_range.h"

namespace entropic::engine {

// Everything: what a project-wide change invalidates.
inline constexpr FrameRange kAllFrames{0, std::numeric_limits<std::int64_t>::max()};

// The frames whose rendered picture can differ between the two snapshots,
// sorted and merged.
std::vector<FrameRange> changedFrames(const Project& before, const Project& after);

} // namespace entropic::engine
