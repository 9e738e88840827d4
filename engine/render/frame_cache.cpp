#include "entropic/engine/render/frame_cache.h"

#include <limits>
#include <tuple>

namespace entropic::engine {

// How far a frame is from being played next. Larger is less useful.
struct FrameCache::Usefulness {
    std::uint64_t weighted = 0; // distance, doubled behind the playhead (saturating)
    bool behind = false;        // at equal weighted distance, the frame behind goes first
    std::uint64_t distance = 0; // plain distance, so the order is total
    auto key() const { return std::tie(weighted, behind, distance); }
};

FrameCache::FrameCache(std::size_t budgetBytes) : budget_(budgetBytes) {}

FrameCache::Usefulness FrameCache::usefulness(std::int64_t frame) const {
    Usefulness u;
    // The magnitude of any difference of two int64 fits a uint64.
    u.distance = frame >= playhead_
                     ? static_cast<std::uint64_t>(frame) - static_cast<std::uint64_t>(playhead_)
                     : static_cast<std::uint64_t>(playhead_) - static_cast<std::uint64_t>(frame);
    u.behind = direction_ >= 0 ? frame < playhead_ : frame > playhead_;
    constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
    u.weighted = !u.behind ? u.distance : u.distance > kMax / 2 ? kMax : u.distance * 2;
    return u;
}

bool FrameCache::lessUseful(std::int64_t a, std::int64_t b) const {
    return usefulness(a).key() > usefulness(b).key();
}

// Usefulness falls monotonically away from the playhead on both sides, so
// the least useful frame is always the first or the last one held.
void FrameCache::evictToBudget() {
    while (used_ > budget_ && !frames_.empty()) {
        const auto first = frames_.begin(), last = std::prev(frames_.end());
        const auto victim = lessUseful(first->first, last->first) ? first : last;
        used_ -= sizeOf(victim->second);
        frames_.erase(victim);
        ++version_;
    }
}

void FrameCache::setBudget(std::size_t bytes) {
    std::lock_guard lock(mutex_);
    budget_ = bytes;
    evictToBudget();
}

std::size_t FrameCache::budget() const {
    std::lock_guard lock(mutex_);
    return budget_;
}

std::size_t FrameCache::usedBytes() const {
    std::lock_guard lock(mutex_);
    return used_;
}

std::size_t FrameCache::frameCount() const {
    std::lock_guard lock(mutex_);
    return frames_.size();
}

std::uint64_t FrameCache::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

std::optional<CachedFrame> FrameCache::find(std::int64_t frame) const {
    std::lock_guard lock(mutex_);
    const auto it = frames_.find(frame);
    if (it == frames_.end()) return std::nullopt;
    return it->second;
}

bool FrameCache::contains(std::int64_t frame) const {
    std::lock_guard lock(mutex_);
    return frames_.contains(frame);
}

bool FrameCache::put(std::int64_t frame, CachedFrame data, std::uint64_t generation,
                     std::int64_t playhead, int direction) {
    std::lock_guard lock(mutex_);
    if (generation != generation_ || !data.jpeg) return false;
    playhead_ = playhead;
    direction_ = direction < 0 ? -1 : 1;

    if (const auto old = frames_.find(frame); old != frames_.end()) {
        used_ -= sizeOf(old->second);
        frames_.erase(old);
        ++version_;
    }
    const std::size_t bytes = sizeOf(data);
    if (bytes > budget_) return false;

    // Plan the evictions before making any: take the less useful of the two
    // ends while it is less useful than the new frame; refuse if that runs
    // out before the new frame fits.
    auto low = frames_.begin();
    auto high = frames_.end(); // one past the last frame kept
    std::size_t used = used_;
    while (used + bytes > budget_) {
        if (low == high) break; // everything goes: it fits now (bytes <= budget_)
        const auto last = std::prev(high);
        const bool takeLow = lessUseful(low->first, last->first);
        const auto victim = takeLow ? low : last;
        if (!lessUseful(victim->first, frame)) return false;
        used -= sizeOf(victim->second);
        if (takeLow)
            ++low;
        else
            high = last;
    }
    if (low != frames_.begin() || high != frames_.end()) {
        frames_.erase(frames_.begin(), low);
        frames_.erase(high, frames_.end());
    }
    used_ = used + bytes;
    frames_.emplace(frame, std::move(data));
    ++version_;
    return true;
}

void FrameCache::invalidate(std::span<const FrameRange> ranges) {
    std::lock_guard lock(mutex_);
    bool any = false;
    for (const auto& r : ranges) {
        if (r.empty()) continue;
        any = true;
        const auto first = frames_.lower_bound(r.first), end = frames_.lower_bound(r.end);
        if (first == end) continue;
        for (auto it = first; it != end; ++it)
            used_ -= sizeOf(it->second);
        frames_.erase(first, end);
        ++version_;
    }
    if (any) ++generation_;
}

void FrameCache::clear() {
    std::lock_guard lock(mutex_);
    ++generation_;
    if (frames_.empty()) return;
    frames_.clear();
    used_ = 0;
    ++version_;
}

std::vector<FrameRange> FrameCache::ranges() const {
    std::lock_guard lock(mutex_);
    std::vector<FrameRange> runs;
    for (const auto& [frame, data] : frames_) {
        if (!runs.empty() && runs.back().end == frame)
            ++runs.back().end;
        else
            runs.push_back({frame, frame + 1});
    }
    return runs;
}

std::uint64_t FrameCache::version() const {
    std::lock_guard lock(mutex_);
    return version_;
}

} // namespace entropic::engine
