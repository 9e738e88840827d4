// The frame cache behind the green bar: hits and misses, the budget, which
// frames go first, the generation rule, invalidation and the merged ranges.
#include <catch2/catch.hpp>

#include <atomic>
#include <limits>
#include <ostream>
#include <thread>

#include "entropic/engine/render/frame_cache.h"

using namespace entropic;
using engine::CachedFrame;
using engine::FrameCache;
using engine::FrameRange;

namespace entropic::engine {
inline std::ostream& operator<<(std::ostream& out, const FrameRange& r) {
    return out << "[" << r.first << ", " << r.end << ")";
}
} // namespace entropic::engine

namespace {

// A frame of `bytes` JPEG bytes whose content says which frame it is.
CachedFrame jpegOf(std::int64_t frame, std::size_t bytes = 100) {
    CachedFrame f;
    f.jpeg =
        std::make_shared<const std::vector<std::uint8_t>>(bytes, static_cast<std::uint8_t>(frame));
    f.width = 64;
    f.height = 36;
    f.rgbaHash = 0x1000 + static_cast<std::uint64_t>(frame);
    f.renderMs = 1.5f;
    return f;
}

bool put(FrameCache& cache, std::int64_t frame, std::int64_t playhead, int direction = 1,
         std::size_t bytes = 100) {
    return cache.put(frame, jpegOf(frame, bytes), cache.generation(), playhead, direction);
}

std::vector<std::int64_t> framesIn(const FrameCache& cache) {
    std::vector<std::int64_t> frames;
    for (const auto& r : cache.ranges())
        for (auto f = r.first; f < r.end; ++f)
            frames.push_back(f);
    return frames;
}

} // namespace

TEST_CASE("a cached frame is found again, an uncached one is not", "[cache]") {
    FrameCache cache;
    CHECK(cache.budget() == FrameCache::kDefaultBudgetBytes);
    CHECK_FALSE(cache.find(7));
    CHECK_FALSE(cache.contains(7));
    REQUIRE(put(cache, 7, 7));
    const auto hit = cache.find(7);
    REQUIRE(hit);
    CHECK(hit->jpeg->size() == 100);
    CHECK(hit->jpeg->front() == 7);
    CHECK(hit->width == 64);
    CHECK(hit->height == 36);
    CHECK(hit->rgbaHash == 0x1007);
    CHECK(hit->renderMs == 1.5f);
    CHECK(cache.contains(7));
    CHECK_FALSE(cache.contains(8));
    CHECK(cache.frameCount() == 1);
    CHECK(cache.usedBytes() == 100);

    SECTION("a frame stored again replaces the old one") {
        REQUIRE(cache.put(7, jpegOf(70, 250), cache.generation(), 7));
        CHECK(cache.find(7)->jpeg->front() == 70);
        CHECK(cache.usedBytes() == 250);
        CHECK(cache.frameCount() == 1);
    }
    SECTION("a frame without a JPEG is not stored") {
        CHECK_FALSE(cache.put(8, CachedFrame{}, cache.generation(), 7));
        CHECK_FALSE(cache.contains(8));
    }
}

TEST_CASE("the cache never holds more than its budget", "[cache]") {
    FrameCache cache(10000);
    std::size_t stored = 0;
    // Playing forward with frames of varied sizes, then backward.
    for (std::int64_t f = 0; f < 500; ++f) {
        stored += cache.put(f, jpegOf(f, 300 + static_cast<std::size_t>(f * 37 % 500)),
                            cache.generation(), f)
                      ? 1
                      : 0;
        REQUIRE(cache.usedBytes() <= cache.budget());
    }
    for (std::int64_t f = 499; f >= 0; f -= 3) {
        put(cache, f, f, -1, 900);
        REQUIRE(cache.usedBytes() <= cache.budget());
    }
    CHECK(stored == 500); // each new frame at the playhead was the most useful one
    CHECK(cache.frameCount() > 5);
    std::size_t sum = 0;
    for (auto f : framesIn(cache))
        sum += cache.find(f)->jpeg->size();
    CHECK(sum == cache.usedBytes());

    SECTION("a frame larger than the whole budget is refused") {
        CHECK_FALSE(put(cache, 1000, 1000, 1, 10001));
    }
    SECTION("a budget of 0 caches nothing") {
        cache.setBudget(0);
        CHECK(cache.frameCount() == 0);
        CHECK(cache.usedBytes() == 0);
        CHECK_FALSE(put(cache, 3, 3, 1, 1));
    }
}

TEST_CASE("the least useful frames go first", "[cache]") {
    FrameCache cache(500); // five frames of 100 bytes

    SECTION("farthest first, behind the playhead counting double") {
        for (std::int64_t f = 8; f <= 12; ++f)
            REQUIRE(put(cache, f, 10));
        // Distances from 10 going forward: 8 → 4, 9 → 2, 10 → 0, 11 → 1, 12 → 2.
        REQUIRE(put(cache, 13, 10)); // 3: evicts 8 (4)
        CHECK(framesIn(cache) == std::vector<std::int64_t>{9, 10, 11, 12, 13});
        // 14 (4) would be the least useful frame: refused, nothing evicted.
        const auto version = cache.version();
        CHECK_FALSE(put(cache, 14, 10));
        CHECK_FALSE(put(cache, 7, 10)); // behind by 3: counts as 6
        CHECK(framesIn(cache) == std::vector<std::int64_t>{9, 10, 11, 12, 13});
        CHECK(cache.version() == version);
        // Shrinking evicts 13 (3), then 9 (behind by 1: 2) and 12 (ahead by 2:
        // 2) tie, and the frame behind goes.
        cache.setBudget(300);
        CHECK(framesIn(cache) == std::vector<std::int64_t>{10, 11, 12});
    }
    SECTION("in reverse play, the frames after the playhead are the ones behind") {
        for (std::int64_t f = 8; f <= 12; ++f)
            REQUIRE(put(cache, f, 10, -1));
        // Going backward from 10: 12 → 4, 11 → 2, 9 → 1, 8 → 2.
        REQUIRE(put(cache, 7, 10, -1)); // 3: evicts 12
        CHECK(framesIn(cache) == std::vector<std::int64_t>{7, 8, 9, 10, 11});
        CHECK_FALSE(put(cache, 6, 10, -1)); // 4: the least useful
        cache.setBudget(300);               // 7 (3), then 11 (behind: 2) ties 8 (ahead: 2) and goes
        CHECK(framesIn(cache) == std::vector<std::int64_t>{8, 9, 10});
    }
    SECTION("a moving playhead changes what is useful") {
        for (std::int64_t f = 0; f < 5; ++f)
            REQUIRE(put(cache, f, f));
        // At 100, every frame held is 95+ behind; a frame ahead displaces the farthest.
        REQUIRE(put(cache, 101, 100));
        CHECK(framesIn(cache) == std::vector<std::int64_t>{1, 2, 3, 4, 101});
    }
}

TEST_CASE("setBudget evicts down to the new budget at once", "[cache]") {
    FrameCache cache(1000);
    for (std::int64_t f = 0; f < 10; ++f)
        REQUIRE(put(cache, f, 4));
    REQUIRE(cache.frameCount() == 10);
    const auto version = cache.version();
    cache.setBudget(300);
    CHECK(cache.budget() == 300);
    CHECK(cache.usedBytes() == 300);
    // Around the last playhead (4, forward): 4, then 5 (1), 3 and 6 (2, behind first).
    CHECK(framesIn(cache) == std::vector<std::int64_t>{4, 5, 6});
    CHECK(cache.version() != version);
    cache.setBudget(5000); // growing drops nothing
    CHECK(cache.frameCount() == 3);
}

TEST_CASE("a frame rendered before an edit is refused after it", "[cache]") {
    FrameCache cache;
    const auto before = cache.generation();

    SECTION("invalidate bumps the generation") {
        const FrameRange edited[] = {{100, 200}};
        cache.invalidate(edited);
        CHECK(cache.generation() != before);
        // Outside the edited range too: the render cannot know which snapshot it had.
        CHECK_FALSE(cache.put(5, jpegOf(5), before, 5));
        CHECK(cache.put(5, jpegOf(5), cache.generation(), 5));
    }
    SECTION("clear bumps the generation") {
        cache.clear();
        CHECK_FALSE(cache.put(5, jpegOf(5), before, 5));
        CHECK(cache.frameCount() == 0);
    }
    SECTION("an edit that changes no frame does not") {
        cache.invalidate({});
        const FrameRange nothing[] = {{10, 10}};
        cache.invalidate(nothing);
        CHECK(cache.generation() == before);
        CHECK(cache.put(5, jpegOf(5), before, 5));
    }
}

TEST_CASE("invalidate drops exactly the frames in its ranges", "[cache]") {
    FrameCache cache;
    for (std::int64_t f = 0; f < 20; ++f)
        REQUIRE(put(cache, f, 0));
    const auto version = cache.version();
    const FrameRange edited[] = {{10, 12}, {3, 5}, {40, 50}};
    cache.invalidate(edited);
    CHECK(cache.ranges() == std::vector<FrameRange>{{0, 3}, {5, 10}, {12, 20}});
    CHECK(cache.frameCount() == 16);
    CHECK(cache.usedBytes() == 1600);
    CHECK(cache.version() != version);

    SECTION("ranges that hold nothing change no version") {
        const auto v = cache.version();
        const FrameRange empty[] = {{3, 5}, {100, 200}};
        cache.invalidate(empty);
        CHECK(cache.version() == v);
    }
    SECTION("everything") {
        const FrameRange all[] = {{0, std::numeric_limits<std::int64_t>::max()}};
        cache.invalidate(all);
        CHECK(cache.frameCount() == 0);
        CHECK(cache.usedBytes() == 0);
    }
}

TEST_CASE("ranges() reports the cached runs, merged", "[cache]") {
    FrameCache cache;
    CHECK(cache.ranges().empty());
    for (std::int64_t f : {7, 5, 9, 6, 1, 2})
        REQUIRE(put(cache, f, 0));
    CHECK(cache.ranges() == std::vector<FrameRange>{{1, 3}, {5, 8}, {9, 10}});
    REQUIRE(put(cache, 8, 0));
    CHECK(cache.ranges() == std::vector<FrameRange>{{1, 3}, {5, 10}});
}

TEST_CASE("the version moves whenever the cached set does", "[cache]") {
    FrameCache cache(200);
    auto v = cache.version();
    auto moved = [&] {
        const auto now = cache.version();
        const bool changed = now != v;
        v = now;
        return changed;
    };
    REQUIRE(put(cache, 1, 1));
    CHECK(moved());
    CHECK_FALSE(put(cache, 1000, 1, 1, 300));
    CHECK_FALSE(moved());
    cache.find(1);
    cache.ranges();
    CHECK_FALSE(moved());
    cache.clear();
    CHECK(moved());
    cache.clear();
    CHECK_FALSE(moved());
}

TEST_CASE("a reader keeps its JPEG after the frame is evicted", "[cache]") {
    FrameCache cache(100);
    REQUIRE(put(cache, 1, 1));
    const auto held = cache.find(1);
    REQUIRE(put(cache, 2, 2)); // evicts 1
    CHECK_FALSE(cache.contains(1));
    REQUIRE(held);
    CHECK(held->jpeg->size() == 100);
    CHECK(held->jpeg->front() == 1);
}

TEST_CASE("the cache can be used from several threads at once", "[cache]") {
    FrameCache cache(50 * 100);
    std::atomic<bool> stop{false};
    std::thread editor([&] {
        while (!stop) {
            const FrameRange r[] = {{100, 200}};
            cache.invalidate(r);
            (void)cache.ranges();
        }
    });
    std::atomic<int> wrong{0}; // Catch2's assertions are for the main thread only
    std::thread reader([&] {
        while (!stop) {
            for (std::int64_t f = 0; f < 300; f += 7)
                if (const auto hit = cache.find(f))
                    if (hit->jpeg->front() != static_cast<std::uint8_t>(f)) ++wrong;
        }
    });
    for (int round = 0; round < 20; ++round)
        for (std::int64_t f = 0; f < 300; ++f) {
            put(cache, f, f);
            REQUIRE(cache.usedBytes() <= cache.budget());
        }
    stop = true;
    editor.join();
    reader.join();
    CHECK(cache.usedBytes() <= cache.budget());
    CHECK(wrong == 0);
}
