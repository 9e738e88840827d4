#pragma once
// A run of timeline frames, [first, end), and the merge both the frame cache
// (its green bar) and the project diff (what an edit invalidates) report in.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace entropic::engine {

struct FrameRange {
    std::int64_t first = 0;
    std::int64_t end = 0; // exclusive
    bool empty() const { return end <= first; }
    friend bool operator==(const FrameRange&, const FrameRange&) = default;
};

// Sorted by first, overlapping and touching runs joined, empty ones dropped.
inline std::vector<FrameRange> mergeRanges(std::vector<FrameRange> ranges) {
    std::erase_if(ranges, [](const FrameRange& r) { return r.empty(); });
    std::sort(ranges.begin(), ranges.end(),
              [](const FrameRange& a, const FrameRange& b) { return a.first < b.first; });
    std::vector<FrameRange> merged;
    for (const auto& r : ranges) {
        if (!merged.empty() && r.first <= merged.back().end)
            merged.back().end = std::max(merged.back().end, r.end);
        else
            merged.push_back(r);
    }
    return merged;
}

} // namespace entropic::engine
