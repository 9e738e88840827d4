#pragma once
// The scrub proxy of a video file (docs/media.md, "Scrub proxies"): every
// frame of the file, shrunk to fit 640×360 and compressed on its own as a
// JPEG, in one file. Any frame of it decodes in about a millisecond, where a
// frame of a long-GOP camera file may need a GOP of decoding first; the
// editor shows it while the playhead is dragged and replaces it with the
// exact frame as soon as the playhead rests. Export never reads a proxy.
//
// Frame i of the proxy is frame i of the file, in presentation order (the
// decoder's numbering), and the proxy records which version of the file it
// was made from (size and modification time): a file changed on disk no
// longer matches, and its proxy is made again rather than shown.
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/engine/media/rational.h"

namespace entropic::engine {

// Which version of a file: size and modification time (ns).
struct FileVersion {
    std::uintmax_t size = 0;
    std::int64_t modifiedNs = 0;
    bool operator==(const FileVersion&) const = default;
};
// Throws EngineError (media_open_failed) naming the path if it cannot be read.
FileVersion fileVersion(const std::string& path);

struct ScrubProxySize {
    static constexpr int kMaxWidth = 640;
    static constexpr int kMaxHeight = 360;
    static constexpr int kJpegQuality = 75;
};

// Makes the proxy of `source` at `out` (written under a temporary name and
// renamed when complete, so a reader never sees half a proxy). `progress`
// gets the fraction done; `cancel` stops it (nothing is left behind). Throws
// EngineError for a file that cannot be decoded, std::runtime_error for I/O.
// Returns false if cancelled.
bool buildScrubProxy(const std::string& source, const std::filesystem::path& out,
                     const std::atomic<bool>& cancel,
                     const std::function<void(double)>& progress = {});

class ScrubProxy {
  public:
    // Opens a proxy file; throws std::runtime_error if it is not a complete one.
    explicit ScrubProxy(const std::filesystem::path& path);
    ~ScrubProxy();
    ScrubProxy(const ScrubProxy&) = delete;
    ScrubProxy& operator=(const ScrubProxy&) = delete;

    // The file it was made from, and that file's version then.
    const std::string& source() const { return source_; }
    const FileVersion& sourceVersion() const { return version_; }
    std::int64_t frameCount() const { return static_cast<std::int64_t>(seconds_.size()); }
    int width() const { return width_; }
    int height() const { return height_; }
    // The file's frame on screen at time t (as VideoDecoder::frameAt).
    std::int64_t frameAt(Rational t) const;
    // Frame `index` as RGBA at width() × height(). Not thread-safe (one reader
    // at a time); throws std::runtime_error for a damaged proxy.
    const fx::Frame& frame(std::int64_t index);

  private:
    std::FILE* file_ = nullptr;
    std::string source_;
    FileVersion version_;
    int width_ = 0, height_ = 0;
    std::vector<double> seconds_;       // each frame's time, from VideoDecoder::frameSeconds
    std::vector<std::uint64_t> offset_; // JPEG i is [offset_[i], offset_[i + 1])
    std::vector<std::uint8_t> jpeg_;
    fx::Frame decoded_;
    std::int64_t decodedIndex_ = -1;
    struct Decoder;
    std::unique_ptr<Decoder> decoder_;
};

} // namespace entropic::engine
