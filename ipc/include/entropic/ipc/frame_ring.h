#pragma once
// The frame ring: a POSIX shared-memory segment of N slots, written by one
// engine, read by the editor (docs/architecture.md, docs/frame-ring.md).
//
// Each slot carries a sequence counter: odd while the writer is inside it,
// even when complete. A reader copies the slot and checks the counter did not
// move, so it never takes a torn frame. The segment starts with a versioned
// header that readers check on attach. Segments are mode 0600 and named
// "/entropic-ring-<pid>-<nonce>"; segments whose owning process is dead are
// removed by removeStaleRings().
#include <cstdint>
#include <string>
#include <vector>

#include "entropic/effects/frame.h"

namespace entropic::ipc {

inline constexpr std::uint32_t kRingVersion = 2;

struct RingFrameInfo {
    std::uint32_t slot = 0;
    std::uint64_t sequence = 0; // even; increases with every write to any slot
    std::int64_t frameIndex = -1;
    std::int32_t width = 0; // of the picture in the JPEG
    std::int32_t height = 0;
    std::uint64_t rgbaHash = 0; // fx::frameHash of the RGBA before JPEG
    std::uint32_t jpegBytes = 0;
    float renderMs = 0;
    std::uint32_t session = 0; // the playback session that wrote it; 0: render_frame
};

class FrameRingWriter {
  public:
    // Creates a fresh segment (never reuses an existing name). slotBytes is
    // the JPEG capacity of each slot. Throws std::runtime_error on failure.
    FrameRingWriter(int slotCount = 4, std::size_t slotBytes = 0 /* 0: fits a 4K frame */);
    ~FrameRingWriter(); // unlinks the segment
    FrameRingWriter(const FrameRingWriter&) = delete;
    FrameRingWriter& operator=(const FrameRingWriter&) = delete;

    const std::string& name() const { return name_; }
    int slotCount() const;
    std::size_t slotBytes() const;

    // Writes an already-encoded JPEG into the next slot (round robin).
    // Throws std::length_error if it does not fit.
    RingFrameInfo write(std::int64_t frameIndex, int width, int height, std::uint64_t rgbaHash,
                        float renderMs, const std::uint8_t* jpeg, std::size_t jpegBytes,
                        std::uint32_t session = 0);

  private:
    std::string name_;
    void* base_ = nullptr;
    std::size_t mapBytes_ = 0;
    std::uint32_t slotCount_ = 0;
    std::size_t slotBytes_ = 0;
    std::uint64_t slotStride_ = 0;
    std::uint64_t writes_ = 0; // frames written so far; picks the slot and the sequence
};

class FrameRingReader {
  public:
    // Maps the segment once. Throws std::runtime_error if it is missing or its
    // header is not a ring of kRingVersion.
    explicit FrameRingReader(const std::string& name);
    ~FrameRingReader();
    FrameRingReader(const FrameRingReader&) = delete;
    FrameRingReader& operator=(const FrameRingReader&) = delete;

    int slotCount() const;
    // Copies the slot's JPEG into jpeg if it still holds the given sequence
    // (sequence 0: whatever complete frame it holds). False if it was
    // overwritten or is being written: never a torn frame.
    bool read(std::uint32_t slot, std::uint64_t sequence, RingFrameInfo& info,
              std::vector<std::uint8_t>& jpeg) const;
    // The slot's header alone (no JPEG copy), under the same rule: false if it
    // was never written or is being written. What a playback presenter scans
    // to find the frame due now.
    bool peek(std::uint32_t slot, RingFrameInfo& info) const;
    // The most recently completed frame in any slot; false if none.
    bool readLatest(RingFrameInfo& info, std::vector<std::uint8_t>& jpeg) const;

  private:
    void* base_ = nullptr;
    std::size_t mapBytes_ = 0;
    // Copied from the header once, when it was validated: a writer that later
    // scribbles over its header cannot make this reader step out of bounds.
    std::uint32_t slotCount_ = 0;
    std::uint64_t slotBytes_ = 0;
    std::uint64_t slotStride_ = 0;
};

// Unlinks ring segments whose owning process no longer exists. Returns how many.
int removeStaleRings();

} // namespace entropic::ipc
