// The engine's side of the frame ring: creates the segment, writes slots round
// robin with the sequence protocol of docs/frame-ring.md, unlinks on exit.
#include "entropic/ipc/frame_ring.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entropic/ipc/jpeg_codec.h"
#include "random_nonce.h"
#include "ring_layout.h"

namespace entropic::ipc {

namespace {

std::string systemError(const std::string& what, const std::string& name) {
    return "frame ring " + name + ": " + what + ": " + std::strerror(errno);
}

// Opens a brand-new segment; O_EXCL guarantees we never adopt a segment that
// someone else created (or a stale one with an unlucky name).
int createUniqueSegment(std::string& name) {
    for (int attempt = 0; attempt < 8; ++attempt) {
        name = "/" + std::string(ring::kNamePrefix) + std::to_string(getpid()) + "-" +
               randomNonceHex();
        const int fd = shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
        if (fd >= 0) return fd;
        if (errno != EEXIST) throw std::runtime_error(systemError("shm_open", name));
    }
    throw std::runtime_error("frame ring: no unused segment name after 8 attempts");
}

} // namespace

FrameRingWriter::FrameRingWriter(int slotCount, std::size_t slotBytes) {
    if (slotCount < 1 || slotCount > static_cast<int>(ring::kMaxSlots))
        throw std::invalid_argument("frame ring: slot count " + std::to_string(slotCount) +
                                    " is outside 1.." + std::to_string(ring::kMaxSlots));
    if (slotBytes == 0) slotBytes = JpegEncoder::maxEncodedSize(3840, 2160);
    if (slotBytes > UINT32_MAX) // the slot header stores the JPEG size in 32 bits
        throw std::invalid_argument("frame ring: slot of " + std::to_string(slotBytes) +
                                    " bytes is larger than 4 GiB");
    slotCount_ = static_cast<std::uint32_t>(slotCount);
    slotBytes_ = slotBytes;
    slotStride_ = ring::slotStrideFor(slotBytes);
    mapBytes_ = sizeof(ring::RingHeader) + slotStride_ * slotCount_;

    const int fd = createUniqueSegment(name_);
    // The umask may have narrowed 0600 further; make the mode exactly owner
    // read/write so the editor (same user) can always attach.
    if (fchmod(fd, 0600) != 0 || ftruncate(fd, static_cast<off_t>(mapBytes_)) != 0) {
        const std::string message = systemError("fchmod/ftruncate", name_);
        close(fd);
        shm_unlink(name_.c_str());
        throw std::runtime_error(message);
    }
    base_ = mmap(nullptr, mapBytes_, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    const int mapErrno = errno;
    close(fd); // the mapping keeps the segment alive
    if (base_ == MAP_FAILED) {
        base_ = nullptr;
        shm_unlink(name_.c_str());
        errno = mapErrno;
        throw std::runtime_error(systemError("mmap", name_));
    }

    // ftruncate zero-filled the segment: every slot starts at sequence 0
    // ("never written"). The magic goes last so a header with a magic is whole.
    auto* header = static_cast<ring::RingHeader*>(base_);
    header->version = kRingVersion;
    header->headerBytes = sizeof(ring::RingHeader);
    header->slotHeaderBytes = sizeof(ring::SlotHeader);
    header->slotCount = slotCount_;
    header->slotBytes = slotBytes_;
    header->slotStride = slotStride_;
    header->ownerPid = getpid();
    std::atomic_thread_fence(std::memory_order_release);
    std::memcpy(header->magic, ring::kRingMagic, sizeof header->magic);
}

FrameRingWriter::~FrameRingWriter() {
    if (base_) munmap(base_, mapBytes_);
    // Readers that already mapped the segment keep their mapping; the name goes.
    shm_unlink(name_.c_str());
}

int FrameRingWriter::slotCount() const {
    return static_cast<int>(slotCount_);
}
std::size_t FrameRingWriter::slotBytes() const {
    return slotBytes_;
}

RingFrameInfo FrameRingWriter::write(std::int64_t frameIndex, int width, int height,
                                     std::uint64_t rgbaHash, float renderMs,
                                     const std::uint8_t* jpeg, std::size_t jpegBytes,
                                     std::uint32_t session) {
    if (jpegBytes > slotBytes_)
        throw std::length_error("frame ring " + name_ + ": a " + std::to_string(jpegBytes) +
                                "-byte JPEG does not fit a " + std::to_string(slotBytes_) +
                                "-byte slot");
    // Write k (from 1) takes sequence 2k-1 while in progress and 2k when done,
    // so sequences grow across all slots and the newest frame is the largest.
    ++writes_;
    const auto slotIndex = static_cast<std::uint32_t>((writes_ - 1) % slotCount_);
    const std::uint64_t done = 2 * writes_;
    ring::SlotHeader* slot = ring::slotAt(base_, slotStride_, slotIndex);
    auto sequence = ring::sequenceOf(slot);

    sequence.store(done - 1, std::memory_order_relaxed);
    // Orders the odd store before every byte below: a reader that sees any of
    // the new bytes also sees the slot's sequence change (docs/frame-ring.md).
    std::atomic_thread_fence(std::memory_order_release);
    slot->frameIndex = frameIndex;
    slot->width = width;
    slot->height = height;
    slot->rgbaHash = rgbaHash;
    slot->jpegBytes = static_cast<std::uint32_t>(jpegBytes);
    slot->renderMs = renderMs;
    slot->session = session;
    if (jpegBytes) std::memcpy(ring::payloadOf(slot), jpeg, jpegBytes);
    sequence.store(done, std::memory_order_release);

    RingFrameInfo info;
    info.slot = slotIndex;
    info.sequence = done;
    info.frameIndex = frameIndex;
    info.width = width;
    info.height = height;
    info.rgbaHash = rgbaHash;
    info.jpegBytes = static_cast<std::uint32_t>(jpegBytes);
    info.renderMs = renderMs;
    info.session = session;
    return info;
}

} // namespace entropic::ipc
