// Frame-accurate decoding (docs/media.md, "Seeking"). The packet index fixes
// what frame N is: the N-th pts in sorted order. A request continues the
// current decode when that is no dearer than a seek; otherwise it seeks to the
// latest keyframe at or before N and decodes forward, checking that the
// decoder really started at or before that keyframe and reached N exactly. If
// not (open GOPs, inexact demuxer seeks), it retries from earlier keyframes
// and finally from the start of the file, which is a straight decode.
#include "entropic/engine/media/video_decoder.h"

#include <algorithm>
#include <cmath>

extern "C" {
#include <libavutil/motion_vector.h>
}

#include "media/ffmpeg_util.h"
#include "media/packet_index.h"
#include "media/read_ahead.h"
#include "media/rgba_converter.h"
#include "media/stream_info.h"

namespace entropic::engine {

using namespace media;

namespace {

// A frame this close ahead is reached by decoding on, whatever the keyframes say.
constexpr std::int64_t kContinueGap = 12;
// Keyframes tried before falling back to the start of the file.
constexpr int kKeyframeRetries = 3;
// One frame() call may need a decode from the start; past this, the file is broken.
constexpr std::chrono::seconds kFrameBudget{120};

} // namespace

struct VideoDecoder::Impl {
    std::string path;
    DecoderOptions options;
    std::unique_ptr<InputFile> input;
    AVStream* stream = nullptr;
    CodecContextPtr codec;
    VideoIndex index;
    VideoStreamInfo info;
    RgbaConverter converter;   // the decode run's (the read-ahead thread's while it reads)
    RgbaConverter reconverter; // the caller's, for frames read at another size
    PacketPtr packet = makePacket();
    FramePtr decoded = makeFrame();
    DecodedFrame current;
    FramePtr currentSource = makeFrame(); // the picture `current` was converted from
    ReadFrame taken;                      // what take() swaps out of the read-ahead queue

    // The decode run: frames come out in order after a seek until it ends.
    bool runActive = false;
    bool demuxEof = false;
    bool awaitingFirst = false;     // no frame out since the last seek
    std::int64_t firstLimit = 0;    // … and the first one must be at or before this index
    std::int64_t cursor = -1;       // index of the last frame out of the decoder
    std::int64_t countedFrames = 0; // frames out since a seek to the start (counting mode)

    // Last, so that its thread stops before the state it decodes with goes.
    std::unique_ptr<ReadAhead> readAhead;

    void applyOutputSize(int w, int h) {
        if (w <= 0 || h <= 0) {
            w = info.width;
            h = info.height;
        }
        converter.configure(w, h, info.rotation);
        reconverter.configure(w, h, info.rotation);
    }

    void seek(int keyframe) {
        avcodec_flush_buffers(codec.get());
        demuxEof = false;
        runActive = true;
        awaitingFirst = true;
        cursor = -1;
        countedFrames = 0;
        int err = -1;
        if (keyframe >= 0) {
            const Keyframe& k = index.keyframes[static_cast<std::size_t>(keyframe)];
            err = av_seek_frame(input->get(), stream->index, k.seekTs, AVSEEK_FLAG_BACKWARD);
            firstLimit = k.index;
        }
        if (err < 0) {
            // The start of the file: the first keyframe when timestamps are
            // usable, else a byte seek (raw streams), else whatever the demuxer offers.
            firstLimit = 0;
            if (index.timestampsUsable)
                err = av_seek_frame(input->get(), stream->index, index.keyframes.front().seekTs,
                                    AVSEEK_FLAG_BACKWARD);
            if (err < 0) err = av_seek_frame(input->get(), -1, 0, AVSEEK_FLAG_BYTE);
            if (err < 0) err = avformat_seek_file(input->get(), -1, INT64_MIN, 0, INT64_MAX, 0);
            if (err < 0) fail(errc::kMediaCorrupt, path, "cannot seek in the file", err);
        }
    }

    // Next decoded picture into `decoded`; false at the end of the stream.
    bool decodeNext() {
        for (;;) {
            int err = avcodec_receive_frame(codec.get(), decoded.get());
            if (err == 0) return true;
            if (err == AVERROR_EOF) return false;
            if (err != AVERROR(EAGAIN) && err != AVERROR_INVALIDDATA)
                fail(errc::kMediaCorrupt, path, "decoding failed", err);
            if (err == AVERROR_INVALIDDATA) continue; // a damaged picture: skip it, as players do
            if (demuxEof) return false;
            err = av_read_frame(input->get(), packet.get());
            if (err == AVERROR_EXIT)
                fail(errc::kMediaCorrupt, path, "decoding took too long; the file looks broken");
            if (err < 0) {
                demuxEof = true; // end of file, or cut short: drain what the decoder holds
                avcodec_send_packet(codec.get(), nullptr);
                continue;
            }
            if (packet->stream_index == stream->index) {
                err = avcodec_send_packet(codec.get(), packet.get());
                if (err < 0 && err != AVERROR_INVALIDDATA && err != AVERROR(EAGAIN))
                    fail(errc::kMediaCorrupt, path, "decoding failed", err);
            }
            av_packet_unref(packet.get());
        }
    }

    // Presentation index of the picture in `decoded`, -1 if it is not one of ours.
    std::int64_t indexOfDecoded() {
        if (!index.timestampsUsable) return countedFrames++;
        std::int64_t ts = decoded->best_effort_timestamp;
        if (ts == AV_NOPTS_VALUE) ts = decoded->pts;
        if (ts == AV_NOPTS_VALUE) return cursor + 1;
        return index.indexAtOrBefore(ts);
    }

    // Decodes on until frame `target` into `out`; false if the run cannot deliver it.
    // `source` keeps the decoder's picture (ReadFrame).
    bool decodeUntil(std::int64_t target, DecodedFrame& out, AVFrame* source) {
        while (decodeNext()) {
            const std::int64_t at = indexOfDecoded();
            if (at < 0) continue; // before the first frame (leading pictures)
            if (awaitingFirst) {
                awaitingFirst = false;
                // Starting later than the keyframe means the decoder dropped pictures.
                if (at > firstLimit) break;
            }
            if (at <= cursor) continue; // a repeated timestamp: keep the first
            cursor = at;
            if (at < target) continue;
            if (at > target) break;
            deliver(target, out, source);
            return true;
        }
        runActive = false;
        return false;
    }

    void deliver(std::int64_t target, DecodedFrame& out, AVFrame* source) {
        convertInto(converter, decoded.get(), out);
        out.index = target;
        out.seconds = secondsOf(target);
        av_frame_unref(source);
        av_frame_move_ref(source, decoded.get());
    }

    // Pixels and motion vectors of `picture` at the output size, through `conv`.
    void convertInto(RgbaConverter& conv, const AVFrame* picture, DecodedFrame& out) {
        try {
            conv.convert(picture, out.rgba);
        } catch (const EngineError&) {
            throw;
        } catch (const std::exception& e) {
            fail(errc::kMediaUnsupported, path, e.what());
        }
        out.motion.clear();
        if (options.exportMotionVectors) extractMotion(conv, picture, out.motion);
    }

    // The frame the caller holds, converted again if the output size changed
    // since it was decoded (the read-ahead thread may be converting meanwhile:
    // a converter of the caller's own).
    void fitCurrent() {
        if (current.rgba.width() != converter.outWidth() ||
            current.rgba.height() != converter.outHeight())
            convertInto(reconverter, currentSource.get(), current);
    }

    // Motion vectors in the coordinates of the output frame: scaled, then
    // turned with the same rotation as the pixels.
    static void extractMotion(const RgbaConverter& converter, const AVFrame* picture,
                              std::vector<fx::MotionVector>& motion) {
        const AVFrameSideData* sd = av_frame_get_side_data(picture, AV_FRAME_DATA_MOTION_VECTORS);
        if (!sd || picture->width <= 0 || picture->height <= 0) return;
        const auto* mvs = reinterpret_cast<const AVMotionVector*>(sd->data);
        const std::size_t n = sd->size / sizeof(AVMotionVector);
        const int rot = converter.rotation();
        const bool quarter = rot == 90 || rot == 270;
        const double W =
            quarter ? converter.outHeight() : converter.outWidth(); // unrotated output size
        const double H = quarter ? converter.outWidth() : converter.outHeight();
        const double sx = W / picture->width, sy = H / picture->height;
        motion.reserve(n);
        auto turn = [&](double x, double y, std::int32_t& ox, std::int32_t& oy) {
            double rx = x, ry = y;
            if (rot == 90)
                rx = H - y, ry = x;
            else if (rot == 180)
                rx = W - x, ry = H - y;
            else if (rot == 270)
                rx = y, ry = W - x;
            ox = static_cast<std::int32_t>(std::lround(rx));
            oy = static_cast<std::int32_t>(std::lround(ry));
        };
        for (std::size_t i = 0; i < n; ++i) {
            const AVMotionVector& m = mvs[i];
            fx::MotionVector v;
            const auto bw = static_cast<std::int16_t>(std::max(1L, std::lround(m.w * sx)));
            const auto bh = static_cast<std::int16_t>(std::max(1L, std::lround(m.h * sy)));
            v.w = quarter ? bh : bw;
            v.h = quarter ? bw : bh;
            turn(m.src_x * sx, m.src_y * sy, v.srcX, v.srcY);
            turn(m.dst_x * sx, m.dst_y * sy, v.dstX, v.dstY);
            v.direction = m.source > 0 ? 1 : -1;
            motion.push_back(v);
        }
    }

    double secondsOf(std::int64_t i) const {
        return static_cast<double>(index.pts[static_cast<std::size_t>(i)] - index.pts.front()) *
               av_q2d(stream->time_base);
    }

    const DecodedFrame& frame(std::int64_t target) {
        if (target < 0 || target >= index.frameCount())
            fail(errc::kOutOfRange, path,
                 "frame " + std::to_string(target) + " is outside 0.." +
                     std::to_string(index.frameCount() - 1));
        if (current.index == target && !current.rgba.empty()) {
            fitCurrent();
            return current;
        }
        if (readAhead && readAhead->take(target, taken)) {
            std::swap(current, taken.decoded);
            std::swap(currentSource, taken.source);
            fitCurrent();
            return current;
        }
        // The decoder is ours until resume(): read on from here afterwards.
        decodeFrame(target);
        if (readAhead) readAhead->resume(target + 1);
        return current;
    }

    // Continues the run to `target` for the read-ahead thread; never seeks.
    bool readOn(std::int64_t target, ReadFrame& out) {
        if (!runActive || target <= cursor) return false;
        ArmedDeadline armed{input->deadline()};
        try {
            return decodeUntil(target, out.decoded, out.source.get());
        } catch (...) {
            runActive = false; // the caller seeks, and meets the error itself
            throw;
        }
    }

    // Arms the file's time budget for one request.
    struct ArmedDeadline {
        Deadline& d;
        explicit ArmedDeadline(Deadline& deadline) : d(deadline) { d.arm(kFrameBudget); }
        ~ArmedDeadline() { d.disarm(); }
    };

    void decodeFrame(std::int64_t target) {
        ArmedDeadline armed{input->deadline()};

        const int key = index.timestampsUsable ? index.keyframeFor(target) : -1;
        if (runActive && target > cursor) {
            const bool keyBehind =
                key < 0 || index.keyframes[static_cast<std::size_t>(key)].index <= cursor;
            if ((keyBehind || target - cursor <= kContinueGap) &&
                decodeUntil(target, current, currentSource.get()))
                return;
        }
        int k = key;
        for (int attempt = 0;; ++attempt) {
            seek(k);
            if (decodeUntil(target, current, currentSource.get())) return;
            if (k < 0) break; // even a straight decode from the start did not deliver it
            k = attempt < kKeyframeRetries ? k - 1 : -1;
        }
        fail(errc::kMediaCorrupt, path,
             "cannot decode frame " + std::to_string(target) + " (the file is damaged)");
    }
};

VideoDecoder::VideoDecoder(const std::string& path, DecoderOptions options)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.path = path;
    d.options = options;
    d.input = std::make_unique<InputFile>(path);
    const int s = d.input->bestStream(AVMEDIA_TYPE_VIDEO);
    if (s < 0) fail(errc::kMediaUnsupported, path, "no video stream in the file");
    d.stream = d.input->get()->streams[s];
    d.codec = openDecoder(path, d.stream, options.threads, options.exportMotionVectors);
    d.index = scanPackets(*d.input, s, {}).video;
    d.info = describeVideo(d.stream, d.index);
    // Only the video stream is demuxed from now on.
    for (unsigned i = 0; i < d.input->get()->nb_streams; ++i)
        if (static_cast<int>(i) != s) d.input->get()->streams[i]->discard = AVDISCARD_ALL;
    d.applyOutputSize(options.outputWidth, options.outputHeight);
}

VideoDecoder::~VideoDecoder() = default;

const VideoStreamInfo& VideoDecoder::info() const {
    return impl_->info;
}
const std::string& VideoDecoder::path() const {
    return impl_->path;
}
std::int64_t VideoDecoder::frameCount() const {
    return impl_->index.frameCount();
}

double VideoDecoder::frameSeconds(std::int64_t index) const {
    if (index < 0 || index >= frameCount()) return 0.0;
    return impl_->secondsOf(index);
}

std::int64_t VideoDecoder::frameAt(Rational t) const {
    const Impl& d = *impl_;
    if (t.den <= 0 || t.num <= 0) return 0;
    const AVRational tb = d.stream->time_base;
    // Ticks of the stream time base in t, rounded down: the last frame at or before t.
    const std::int64_t ticks =
        av_rescale_rnd(t.num, tb.den, t.den * static_cast<std::int64_t>(tb.num), AV_ROUND_DOWN);
    const std::int64_t i = d.index.indexAtOrBefore(d.index.pts.front() + ticks);
    return std::clamp<std::int64_t>(i, 0, frameCount() - 1);
}

std::int64_t VideoDecoder::framesAtRate(Rational rate) const {
    const Impl& d = *impl_;
    const std::int64_t span = d.index.endPts - d.index.pts.front();
    if (!rate.valid() || span <= 0) return std::max<std::int64_t>(1, frameCount());
    // j / rate < span · tb  ⇔  j < span · tb.num · rate.num / (tb.den · rate.den): round up.
    const AVRational tb = d.stream->time_base;
    const std::int64_t frames =
        av_rescale_rnd(span, tb.num * rate.num, tb.den * rate.den, AV_ROUND_UP);
    return std::max<std::int64_t>(1, frames);
}

const DecodedFrame& VideoDecoder::frame(std::int64_t index) {
    return impl_->frame(index);
}

void VideoDecoder::setReadAhead(int frames) {
    Impl& d = *impl_;
    if (!d.readAhead) {
        if (frames <= 0) return;
        d.readAhead = std::make_unique<ReadAhead>(
            [&d](std::int64_t target, ReadFrame& out) { return d.readOn(target, out); },
            kContinueGap);
        // Read on from the frame the caller holds, if the run is still there.
        if (d.current.index >= 0 && d.runActive && d.cursor == d.current.index)
            d.readAhead->resume(d.current.index + 1);
    }
    d.readAhead->setDepth(std::max(0, frames));
}

void VideoDecoder::setOutputSize(int width, int height) {
    const auto& c = impl_->converter;
    const bool same = width > 0 && height > 0 ? c.outWidth() == width && c.outHeight() == height
                                              : c.outWidth() == impl_->info.width &&
                                                    c.outHeight() == impl_->info.height;
    if (same) return; // keep the decoded frame: callers may set the size before every frame
    // Frames decoded at the old size are converted again when asked for: a
    // resolution tier step costs a conversion, not a seek back.
    const auto change = [&] { impl_->applyOutputSize(width, height); };
    if (impl_->readAhead)
        impl_->readAhead->whileIdle(change);
    else
        change();
}

} // namespace entropic::engine
