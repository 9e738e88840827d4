// The frame ring in one process: round trip, header validation, and a writer
// thread racing a reader thread without a single torn frame accepted.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entropic/ipc/frame_ring.h"
#include "entropic/ipc/jpeg_codec.h"
#include "ring_pattern.h"

using namespace entropic;

namespace {

std::vector<std::uint8_t> bytesOf(const std::string& text) {
    return {text.begin(), text.end()};
}

// Opens a writer's segment read-write to damage it, as a different build or a
// stray process might.
struct RawSegment {
    explicit RawSegment(const std::string& name) {
        fd = shm_open(name.c_str(), O_RDWR, 0);
        REQUIRE(fd >= 0);
        struct stat st {};
        REQUIRE(fstat(fd, &st) == 0);
        bytes = static_cast<std::size_t>(st.st_size);
        base = static_cast<std::uint8_t*>(
            mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
        REQUIRE(base != MAP_FAILED);
    }
    ~RawSegment() {
        munmap(base, bytes);
        close(fd);
    }
    int fd = -1;
    std::size_t bytes = 0;
    std::uint8_t* base = nullptr;
};

// A segment that is not a ring at all, removed again at scope exit.
struct ForeignSegment {
    ForeignSegment(std::size_t size, std::uint8_t fill) {
        name = "/entropic-test-foreign-" + std::to_string(getpid());
        shm_unlink(name.c_str());
        const int fd = shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(ftruncate(fd, static_cast<off_t>(size)) == 0);
        if (size) {
            void* p = mmap(nullptr, size, PROT_WRITE, MAP_SHARED, fd, 0);
            REQUIRE(p != MAP_FAILED);
            std::memset(p, fill, size);
            munmap(p, size);
        }
        close(fd);
    }
    ~ForeignSegment() { shm_unlink(name.c_str()); }
    std::string name;
};

} // namespace

TEST_CASE("Ring: frames written are read back with their metadata", "[ipc][ring]") {
    ipc::FrameRingWriter writer(3, 4096);
    CHECK(writer.slotCount() == 3);
    CHECK(writer.slotBytes() == 4096);
    CHECK(writer.name().rfind("/entropic-ring-" + std::to_string(getpid()) + "-", 0) == 0);

    ipc::FrameRingReader reader(writer.name());
    CHECK(reader.slotCount() == 3);
    ipc::RingFrameInfo info;
    std::vector<std::uint8_t> jpeg;
    CHECK_FALSE(reader.readLatest(info, jpeg)); // nothing written yet
    CHECK_FALSE(reader.read(0, 0, info, jpeg));

    const auto first = bytesOf("first frame");
    const ipc::RingFrameInfo w1 =
        writer.write(10, 320, 240, 0x1234, 4.5f, first.data(), first.size());
    CHECK(w1.slot == 0);
    CHECK(w1.sequence == 2);

    REQUIRE(reader.read(w1.slot, w1.sequence, info, jpeg));
    CHECK(jpeg == first);
    CHECK(info.frameIndex == 10);
    CHECK(info.width == 320);
    CHECK(info.height == 240);
    CHECK(info.rgbaHash == 0x1234);
    CHECK(info.jpegBytes == first.size());
    CHECK(info.renderMs == 4.5f);
    CHECK(info.sequence == 2);

    // Sequences grow across slots; after a lap the first slot holds a new frame
    // and the old announcement no longer matches.
    ipc::RingFrameInfo last;
    for (int i = 0; i < 3; ++i) {
        const auto bytes = bytesOf("frame " + std::to_string(11 + i));
        last = writer.write(11 + i, 320, 240, 0, 1.0f, bytes.data(), bytes.size());
    }
    CHECK(last.slot == 0);
    CHECK(last.sequence == 8);
    CHECK_FALSE(reader.read(w1.slot, w1.sequence, info, jpeg));
    REQUIRE(reader.read(0, 0, info, jpeg)); // 0: whatever complete frame is there
    CHECK(info.frameIndex == 13);

    REQUIRE(reader.readLatest(info, jpeg));
    CHECK(info.frameIndex == 13);
    CHECK(info.sequence == 8);
    CHECK(jpeg == bytesOf("frame 13"));
    CHECK_FALSE(reader.read(3, 0, info, jpeg)); // no such slot
}

TEST_CASE("Ring: a real JPEG frame goes through a default 4K-capacity ring", "[ipc][ring]") {
    ipc::FrameRingWriter writer; // 4 slots, capacity of a worst-case 4K JPEG
    CHECK(writer.slotCount() == 4);
    CHECK(writer.slotBytes() >= ipc::JpegEncoder::maxEncodedSize(3840, 2160));

    fx::Frame frame(64, 32);
    frame.fill(200, 100, 50, 255);
    std::vector<std::uint8_t> jpeg;
    ipc::JpegEncoder().encode(frame.view(), jpeg);
    const auto written =
        writer.write(0, 64, 32, fx::frameHash(frame.view()), 2.0f, jpeg.data(), jpeg.size());

    ipc::FrameRingReader reader(writer.name());
    ipc::RingFrameInfo info;
    std::vector<std::uint8_t> copy;
    REQUIRE(reader.read(written.slot, written.sequence, info, copy));
    fx::Frame decoded;
    REQUIRE(ipc::JpegDecoder().decode(copy.data(), copy.size(), decoded));
    CHECK(decoded.width() == 64);
    CHECK(info.rgbaHash == fx::frameHash(frame.view()));
}

TEST_CASE("Ring: a JPEG larger than a slot is refused", "[ipc][ring]") {
    ipc::FrameRingWriter writer(2, 100);
    std::vector<std::uint8_t> big(101);
    CHECK_THROWS_AS(writer.write(0, 1, 1, 0, 0, big.data(), big.size()), std::length_error);
    CHECK_NOTHROW(writer.write(0, 1, 1, 0, 0, big.data(), 100));
}

TEST_CASE("Ring: segment is private to the user and gone after the writer", "[ipc][ring]") {
    std::string path;
    {
        ipc::FrameRingWriter writer(2, 1024);
        path = "/dev/shm" + writer.name();
        struct stat st {};
        REQUIRE(stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 07777) == 0600);
        CHECK(st.st_uid == geteuid());
        ipc::FrameRingWriter other(2, 1024);
        CHECK(other.name() != writer.name()); // unique per instance, same pid
    }
    struct stat st {};
    CHECK(stat(path.c_str(), &st) != 0);
}

TEST_CASE("Ring: the reader refuses what is not a ring of this version", "[ipc][ring]") {
    auto messageOf = [](const std::string& name) -> std::string {
        try {
            ipc::FrameRingReader reader(name);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    };

    SECTION("missing") {
        const std::string why = messageOf("/entropic-ring-does-not-exist");
        CHECK_THAT(why, Catch::Contains("entropic-ring-does-not-exist"));
        CHECK_THAT(why, Catch::Contains("cannot open"));
    }
    SECTION("empty segment") {
        ForeignSegment foreign(0, 0);
        CHECK_THAT(messageOf(foreign.name), Catch::Contains("too small"));
    }
    SECTION("garbage") {
        ForeignSegment foreign(1 << 16, 0x5A);
        CHECK_THAT(messageOf(foreign.name), Catch::Contains("bad magic"));
    }
    SECTION("another version") {
        ipc::FrameRingWriter writer(2, 1024);
        RawSegment raw(writer.name());
        const std::uint32_t future = ipc::kRingVersion + 1;
        std::memcpy(raw.base + 8, &future, sizeof future); // docs/frame-ring.md: version at 8
        const std::string why = messageOf(writer.name());
        CHECK_THAT(why, Catch::Contains("version " + std::to_string(future)));
    }
    SECTION("header promises more slots than the segment holds") {
        ipc::FrameRingWriter writer(2, 1024);
        RawSegment raw(writer.name());
        const std::uint32_t slots = 64;
        std::memcpy(raw.base + 20, &slots, sizeof slots); // slot count at 20
        CHECK_THAT(messageOf(writer.name()), Catch::Contains("bytes but the segment has"));
    }
    SECTION("inconsistent slot size") {
        ipc::FrameRingWriter writer(2, 1024);
        RawSegment raw(writer.name());
        const std::uint64_t slotBytes = 1u << 20;
        std::memcpy(raw.base + 24, &slotBytes, sizeof slotBytes); // slot bytes at 24
        CHECK_THAT(messageOf(writer.name()), Catch::Contains("inconsistent"));
    }
}

TEST_CASE("Ring: a writer thread and a reader thread, no torn frame accepted", "[ipc][ring]") {
    constexpr std::uint64_t kFrames = 50000;
    constexpr std::size_t kCapacity = 16384;
    ipc::FrameRingWriter writer(2, kCapacity); // 2 slots: the writer laps the reader often
    ipc::FrameRingReader reader(writer.name());
    std::atomic<bool> done{false};
    std::atomic<std::uint64_t> attempts{0};

    std::thread writerThread([&] {
        std::vector<std::uint8_t> payload;
        std::uint64_t seenAttempts = 0;
        for (std::uint64_t frame = 1; frame <= kFrames; ++frame) {
            // Every 500 frames wait for the reader to have tried again, so the
            // two really interleave even when the scheduler favours one.
            if (frame % 500 == 0) {
                while (attempts.load() == seenAttempts)
                    std::this_thread::yield();
                seenAttempts = attempts.load();
            }
            test::fillPattern(frame, payload, kCapacity);
            writer.write(static_cast<std::int64_t>(frame), 1, 1, frame * 3, 0, payload.data(),
                         payload.size());
        }
        done.store(true);
    });

    std::uint64_t accepted = 0, rejected = 0, torn = 0;
    ipc::RingFrameInfo info;
    std::vector<std::uint8_t> bytes;
    std::uint32_t slot = 0;
    while (!done.load()) {
        // Alternate between "the newest" and "whatever is in slot N" reads.
        const bool ok = (accepted + rejected) % 2 ? reader.readLatest(info, bytes)
                                                  : reader.read(slot++ % 2, 0, info, bytes);
        attempts.fetch_add(1);
        if (!ok) {
            ++rejected;
            continue;
        }
        ++accepted;
        const auto frame = static_cast<std::uint64_t>(info.frameIndex);
        if (info.sequence != 2 * frame || info.rgbaHash != frame * 3 ||
            !test::matchesPattern(frame, bytes, kCapacity))
            ++torn;
    }
    writerThread.join();
    REQUIRE(reader.readLatest(info, bytes));
    CHECK(info.frameIndex == static_cast<std::int64_t>(kFrames));
    CHECK(test::matchesPattern(kFrames, bytes, kCapacity));

    INFO("accepted " << accepted << ", rejected (overwritten or in progress) " << rejected);
    CHECK(torn == 0);
    CHECK(accepted > 0);
    WARN("thread race: " << accepted << " frames accepted, " << rejected << " rejected, " << torn
                         << " torn");
}
