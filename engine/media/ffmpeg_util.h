#pragma once
// What every media file shares: owning pointers for FFmpeg objects, error
// text, and opening an input safely (a regular file, an interrupt deadline, a
// clear EngineError naming the path).
#include <chrono>
#include <memory>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/pixdesc.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include "entropic/engine/error.h"
#include "entropic/engine/media/rational.h"

namespace entropic::engine::media {

struct FormatContextDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecContextDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
    void operator()(SwsContext* c) const { sws_freeContext(c); }
};
struct SwrDeleter {
    void operator()(SwrContext* c) const { swr_free(&c); }
};
struct AudioFifoDeleter {
    void operator()(AVAudioFifo* f) const { av_audio_fifo_free(f); }
};

using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using SwrPtr = std::unique_ptr<SwrContext, SwrDeleter>;
using AudioFifoPtr = std::unique_ptr<AVAudioFifo, AudioFifoDeleter>;

FramePtr makeFrame();
PacketPtr makePacket();

// FFmpeg's text for an AVERROR code.
std::string avError(int code);

// Sets FFmpeg's log level once per process: errors only, unless the
// environment variable ENTROPIC_FFMPEG_LOG names another level
// ("quiet", "warning", "info", "verbose", "debug").
void initFfmpegLogging();

// Reads that should take milliseconds must not hang the engine: every blocking
// FFmpeg call on an input checks this deadline through the interrupt callback.
class Deadline {
  public:
    void arm(std::chrono::milliseconds budget) {
        until_ = std::chrono::steady_clock::now() + budget;
    }
    void disarm() { until_ = std::chrono::steady_clock::time_point::max(); }
    bool expired() const { return std::chrono::steady_clock::now() > until_; }

  private:
    std::chrono::steady_clock::time_point until_ = std::chrono::steady_clock::time_point::max();
};

// An opened input. The Deadline lives beside the context because the
// interrupt callback points at it.
class InputFile {
  public:
    // Opens and reads stream info. Throws EngineError: media_open_failed for a
    // missing, unreadable, empty, non-regular or unrecognised file;
    // media_corrupt when the container is recognised but broken.
    explicit InputFile(const std::string& path);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    AVFormatContext* get() const { return ctx_; }
    AVFormatContext* operator->() const { return ctx_; }
    const std::string& path() const { return path_; }
    Deadline& deadline() { return *deadline_; }

    // Index of the best stream of a type, or -1.
    int bestStream(AVMediaType type) const;
    // The ordinal-th stream of a type (0: the first), or -1.
    int nthStream(AVMediaType type, int ordinal) const;

  private:
    std::string path_;
    std::unique_ptr<Deadline> deadline_;
    AVFormatContext* ctx_ = nullptr;
};

// Opens a decoder for a stream. threads 0 lets FFmpeg choose; frame threading
// is enabled when the codec supports it. Throws media_unsupported (no decoder)
// or media_corrupt (parameters refused), naming path.
CodecContextPtr openDecoder(const std::string& path, AVStream* stream, int threads,
                            bool exportMotionVectors = false);

// "… <path>: <what> (<FFmpeg's reason>)": every media error names the file.
[[noreturn]] void fail(const char* code, const std::string& path, const std::string& what,
                       int averr = 0);

inline AVRational toAv(Rational r) {
    return AVRational{static_cast<int>(r.num), static_cast<int>(r.den)};
}
inline Rational fromAv(AVRational r) {
    return Rational{r.num, r.den};
}

// Clockwise display rotation of a stream (0, 90, 180 or 270) from its display
// matrix; 0 when there is none or it is not a multiple of 90°.
int streamRotation(const AVStream* stream);

} // namespace entropic::engine::media
