#include "media/ffmpeg_util.h"

#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <new>

extern "C" {
#include <libavutil/display.h>
#include <libavutil/log.h>
}

namespace entropic::engine::media {

namespace {

// Opening and reading stream info of a local file takes milliseconds; this
// only stops a pathological input from holding the engine forever.
constexpr std::chrono::seconds kOpenBudget{20};

int interruptCallback(void* opaque) {
    return static_cast<const Deadline*>(opaque)->expired() ? 1 : 0;
}

// What the first bytes look like, judged on content alone (not the extension),
// so a broken .mp4 can be told apart from a text file named .mp4.
const AVInputFormat* sniffFormat(const std::string& path) {
    std::array<unsigned char, 4096 + AVPROBE_PADDING_SIZE> buf{};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(buf.data()), 4096);
    const auto got = in.gcount();
    if (got <= 0) return nullptr;
    AVProbeData pd{};
    pd.filename = "";
    pd.buf = buf.data();
    pd.buf_size = static_cast<int>(got);
    int score = 0;
    const AVInputFormat* fmt = av_probe_input_format3(&pd, 1, &score);
    return score > AVPROBE_SCORE_MAX / 4 ? fmt : nullptr;
}

} // namespace

FramePtr makeFrame() {
    FramePtr f(av_frame_alloc());
    if (!f) throw std::bad_alloc();
    return f;
}

PacketPtr makePacket() {
    PacketPtr p(av_packet_alloc());
    if (!p) throw std::bad_alloc();
    return p;
}

std::string avError(int code) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof buf);
    return buf;
}

void initFfmpegLogging() {
    static std::once_flag once;
    std::call_once(once, [] {
        int level = AV_LOG_ERROR;
        if (const char* env = std::getenv("ENTROPIC_FFMPEG_LOG")) {
            const std::string v = env;
            if (v == "quiet")
                level = AV_LOG_QUIET;
            else if (v == "warning")
                level = AV_LOG_WARNING;
            else if (v == "info")
                level = AV_LOG_INFO;
            else if (v == "verbose")
                level = AV_LOG_VERBOSE;
            else if (v == "debug")
                level = AV_LOG_DEBUG;
        }
        av_log_set_level(level);
    });
}

void fail(const char* code, const std::string& path, const std::string& what, int averr) {
    std::string msg = path + ": " + what;
    if (averr < 0) msg += " (" + avError(averr) + ")";
    throw EngineError(code, msg);
}

InputFile::InputFile(const std::string& path)
    : path_(path), deadline_(std::make_unique<Deadline>()) {
    initFfmpegLogging();
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) fail(errc::kMediaOpen, path, "no such file");
    // FIFOs, devices and directories could block or stream forever.
    if (!fs::is_regular_file(status)) fail(errc::kMediaOpen, path, "not a regular file");
    if (fs::file_size(path, ec) == 0) fail(errc::kMediaOpen, path, "the file is empty");

    ctx_ = avformat_alloc_context();
    if (!ctx_) throw std::bad_alloc();
    ctx_->interrupt_callback.callback = interruptCallback;
    ctx_->interrupt_callback.opaque = deadline_.get();
    AVDictionary* opts = nullptr;
    // Local files only: a playlist or reference inside the file must not reach the network.
    av_dict_set(&opts, "protocol_whitelist", "file", 0);
    deadline_->arm(kOpenBudget);
    // "file:" so that a colon in the name is never read as a protocol.
    int err = avformat_open_input(&ctx_, ("file:" + path).c_str(), nullptr, &opts);
    av_dict_free(&opts);
    if (err < 0) {
        ctx_ = nullptr; // freed by avformat_open_input on failure
        if (err == AVERROR(ENOENT) || err == AVERROR(EACCES) || err == AVERROR(EPERM))
            fail(errc::kMediaOpen, path, "cannot read the file", err);
        if (err == AVERROR_EXIT)
            fail(errc::kMediaCorrupt, path, "opening took too long; the file looks broken");
        if (const AVInputFormat* fmt = sniffFormat(path))
            fail(errc::kMediaCorrupt, path,
                 std::string("truncated or corrupt ") + fmt->name + " file", err);
        fail(errc::kMediaOpen, path, "not a media file FFmpeg recognises", err);
    }
    err = avformat_find_stream_info(ctx_, nullptr);
    if (err < 0) {
        avformat_close_input(&ctx_);
        fail(errc::kMediaCorrupt, path, "cannot read the streams of the file", err);
    }
    deadline_->disarm();
}

InputFile::~InputFile() {
    if (ctx_) avformat_close_input(&ctx_);
}

int InputFile::bestStream(AVMediaType type) const {
    const int best = av_find_best_stream(ctx_, type, -1, -1, nullptr, 0);
    if (best < 0) return -1;
    // Cover art is a "video" stream of one picture, not a clip.
    if (ctx_->streams[best]->disposition & AV_DISPOSITION_ATTACHED_PIC) return nthStream(type, 0);
    return best;
}

int InputFile::nthStream(AVMediaType type, int ordinal) const {
    int seen = 0;
    for (unsigned i = 0; i < ctx_->nb_streams; ++i) {
        const AVStream* st = ctx_->streams[i];
        if (st->codecpar->codec_type != type || (st->disposition & AV_DISPOSITION_ATTACHED_PIC))
            continue;
        if (seen++ == ordinal) return static_cast<int>(i);
    }
    return -1;
}

CodecContextPtr openDecoder(const std::string& path, AVStream* stream, int threads,
                            bool exportMotionVectors) {
    const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec)
        fail(errc::kMediaUnsupported, path,
             std::string("no decoder for the codec ") +
                 avcodec_get_name(stream->codecpar->codec_id));
    CodecContextPtr ctx(avcodec_alloc_context3(codec));
    if (!ctx) throw std::bad_alloc();
    int err = avcodec_parameters_to_context(ctx.get(), stream->codecpar);
    if (err < 0) fail(errc::kMediaCorrupt, path, "invalid codec parameters", err);
    ctx->pkt_timebase = stream->time_base;
    ctx->thread_count = threads;
    // Frame threading loses motion vectors now and then (a race in FFmpeg
    // 5.1's export): with export_mvs, slices only.
    ctx->thread_type = exportMotionVectors ? FF_THREAD_SLICE : FF_THREAD_FRAME | FF_THREAD_SLICE;
    AVDictionary* opts = nullptr;
    if (exportMotionVectors) av_dict_set(&opts, "flags2", "+export_mvs", 0);
    err = avcodec_open2(ctx.get(), codec, &opts);
    av_dict_free(&opts);
    if (err < 0)
        fail(errc::kMediaUnsupported, path,
             std::string("cannot open the ") + codec->name + " decoder", err);
    return ctx;
}

int streamRotation(const AVStream* stream) {
    const auto* matrix = reinterpret_cast<const int32_t*>(
        av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (!matrix) return 0;
    const double ccw =
        av_display_rotation_get(matrix); // counterclockwise degrees, NaN if degenerate
    if (std::isnan(ccw)) return 0;
    const long cw = std::lround(-ccw);
    const int normalised = static_cast<int>(((cw % 360) + 360) % 360);
    // Only quarter turns are meaningful for pixels; anything else is ignored.
    const int quarter = (normalised + 45) / 90 * 90 % 360;
    return std::abs(normalised - quarter) <= 1 || std::abs(normalised - quarter) >= 359 ? quarter
                                                                                        : 0;
}

} // namespace entropic::engine::media
