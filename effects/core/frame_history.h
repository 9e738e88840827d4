#pragma once
// Internal to effects/: the past input frames a temporal effect keeps in its
// state (fx.echo, fx.stutter, fx.slit_scan), by clip frame index. Dropped
// buffers are reused, so steady playback allocates nothing.
#include <cstdint>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/effects/parallel.h"

namespace entropic::fx {

// Copies rows [0, src.height) split over rows (views of equal size).
void copyRows(ConstFrameView src, FrameView dst, const RowRunner& rows);

class FrameHistory {
  public:
    // True when the newest kept frame is frameIndex − 1 at this size, i.e. the
    // history belongs to the frame before this one. Otherwise it forgets
    // everything (a seek, a jump, a new size) and returns false, so stale
    // frames never leak into a picture.
    bool follows(std::int64_t frameIndex, int width, int height);

    // Keeps a copy of `in` as frame `index`, the newest.
    void push(std::int64_t index, ConstFrameView in, const RowRunner& rows);

    // Frame `index`, or null when it is not kept.
    const Frame* find(std::int64_t index) const;
    // The kept frame at index, or the oldest kept frame newer than index when
    // index is older than everything kept (frames before the clip's start look
    // like its first frame); null when nothing is kept or index is newer.
    const Frame* atOrOldest(std::int64_t index) const;

    // Forgets frames older than `first` except those inside [keepFirst, keepLast].
    void dropOlderThan(std::int64_t first, std::int64_t keepFirst = 1, std::int64_t keepLast = 0);

    bool empty() const { return kept_.empty(); }
    std::size_t size() const { return kept_.size(); }
    std::int64_t oldest() const { return kept_.front().index; }
    std::int64_t newest() const { return kept_.back().index; }

  private:
    struct Entry {
        std::int64_t index = 0;
        Frame frame;
    };
    std::vector<Entry> kept_; // oldest first, contiguous except for kept ranges
    Frame spare_;             // one dropped buffer, for the next push
};

} // namespace entropic::fx
