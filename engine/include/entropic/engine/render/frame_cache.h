#pragma once
// The green bar (docs/architecture.md): rendered timeline frames kept in RAM as
// the very JPEGs the engine puts in the frame ring (MJPEG Q95), so a cached
// range plays smoothly whatever its effect chain costs. Pure bookkeeping: no
// I/O, no rendering; thread-safe behind one mutex (every method takes it
// briefly, none calls out while holding it).
//
// Budget. usedBytes() counts the JPEG bytes held and never exceeds budget()
// once a call returns. A budget of 0 disables caching (put() stores nothing).
// The JPEGs are shared: a reader that got one from find() keeps it alive after
// it is evicted, so the process may briefly hold more than the budget.
//
// Eviction: least useful first. A frame's distance is |frame − playhead|, and
// a frame behind the playhead in the play direction counts twice as far (it
// has been played; the frames ahead are about to be). The least useful frame
// is the one with the largest such distance; of two at the same distance the
// one behind goes first. put() evicts only frames less useful than the frame
// it stores: if the new frame would itself be the least useful one, it is
// refused and nothing is evicted. setBudget() evicts with the playhead and
// direction of the last put() (frame 0, forward before any).
//
// Generation. An edit must never be undone by a frame rendered from the
// project before it landing in the cache after it. So:
//   - the render thread reads generation() BEFORE it takes the project
//     snapshot it renders from, and hands that number to put();
//   - the command thread publishes a new snapshot FIRST and invalidates (or
//     clears) the frames it changes SECOND; both bump the generation;
//   - put() refuses a frame whose generation is no longer current.
// A frame rendered from the old snapshot is then either stored before the
// invalidation (which drops it if the edit changed it) or refused after it.
// invalidate() with no non-empty range changes no frame and bumps nothing,
// so an edit that changes no picture (a clip's gain) does not throw away the
// frames being rendered.
//
// Only full-resolution frames belong here (the caller's rule: a degraded
// frame must never come back from the cache as if it were the real one).
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "entropic/engine/render/frame_range.h"

namespace entropic::engine {

struct CachedFrame {
    // Shared: a reader keeps it alive after eviction.
    std::shared_ptr<const std::vector<std::uint8_t>> jpeg;
    int width = 0, height = 0;  // always the project's full size
    std::uint64_t rgbaHash = 0; // fx::frameHash of the RGBA before JPEG
    float renderMs = 0;
};

class FrameCache {
  public:
    static constexpr std::size_t kDefaultBudgetBytes = 2ull << 30; // 2 GB

    explicit FrameCache(std::size_t budgetBytes = kDefaultBudgetBytes);
    FrameCache(const FrameCache&) = delete;
    FrameCache& operator=(const FrameCache&) = delete;

    void setBudget(std::size_t bytes); // evicts down to it at once
    std::size_t budget() const;
    std::size_t usedBytes() const;
    std::size_t frameCount() const;

    // Read before taking the project snapshot a frame is rendered from (above).
    std::uint64_t generation() const;

    std::optional<CachedFrame> find(std::int64_t frame) const;
    bool contains(std::int64_t frame) const;

    // Stores the frame unless `generation` is stale, the JPEG is missing, or
    // fitting it in the budget would mean evicting a frame at least as useful
    // (above). playhead and direction (+1 forward, −1 backward) say which
    // frames are about to be played. A frame already cached is replaced (and
    // dropped if the new copy is refused). Returns whether it was stored.
    bool put(std::int64_t frame, CachedFrame data, std::uint64_t generation, std::int64_t playhead,
             int direction = 1);

    // Drops the frames in those ranges; bumps the generation unless every
    // range is empty.
    void invalidate(std::span<const FrameRange> ranges);
    // Drops every frame; bumps the generation.
    void clear();

    // The cached runs, sorted and merged: the green bar.
    std::vector<FrameRange> ranges() const;
    // Changes whenever the set of cached frames changes (a poller compares it
    // to know whether to ask for ranges() again).
    std::uint64_t version() const;

  private:
    struct Usefulness;
    Usefulness usefulness(std::int64_t frame) const;
    bool lessUseful(std::int64_t a, std::int64_t b) const;
    void evictToBudget();
    static std::size_t sizeOf(const CachedFrame& f) { return f.jpeg ? f.jpeg->size() : 0; }

    mutable std::mutex mutex_; // guards everything below
    std::map<std::int64_t, CachedFrame> frames_;
    std::size_t budget_;
    std::size_t used_ = 0;
    std::uint64_t generation_ = 1;
    std::uint64_t version_ = 1;
    std::int64_t playhead_ = 0;
    int direction_ = 1;
};

} // namespace entropic::engine
