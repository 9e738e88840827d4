#include "core/frame_history.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace entropic::fx {

void copyRows(ConstFrameView src, FrameView dst, const RowRunner& rows) {
    const auto bytes = static_cast<std::size_t>(src.width) * 4;
    rows.run(src.height, [&](int begin, int end) {
        for (int y = begin; y < end; ++y)
            std::memcpy(dst.row(y), src.row(y), bytes);
    });
}

bool FrameHistory::follows(std::int64_t frameIndex, int width, int height) {
    if (!kept_.empty() && kept_.back().index == frameIndex - 1 &&
        kept_.back().frame.width() == width && kept_.back().frame.height() == height)
        return true;
    if (!kept_.empty()) spare_ = std::move(kept_.back().frame);
    kept_.clear();
    return false;
}

void FrameHistory::push(std::int64_t index, ConstFrameView in, const RowRunner& rows) {
    Entry e{index, std::move(spare_)};
    spare_ = Frame();
    e.frame.resize(in.width, in.height);
    copyRows(in, e.frame.view(), rows);
    kept_.push_back(std::move(e));
}

const Frame* FrameHistory::find(std::int64_t index) const {
    for (const Entry& e : kept_)
        if (e.index == index) return &e.frame;
    return nullptr;
}

const Frame* FrameHistory::atOrOldest(std::int64_t index) const {
    for (const Entry& e : kept_)
        if (e.index >= index) return &e.frame;
    return nullptr;
}

void FrameHistory::dropOlderThan(std::int64_t first, std::int64_t keepFirst,
                                 std::int64_t keepLast) {
    const auto drop = [&](const Entry& e) {
        return e.index < first && (e.index < keepFirst || e.index > keepLast);
    };
    for (Entry& e : kept_)
        if (drop(e) && spare_.empty()) spare_ = std::move(e.frame);
    std::erase_if(kept_, drop);
}

} // namespace entropic::fx
