// H.264 (libx264) + AAC (FFmpeg's native encoder) in MP4. RGBA becomes
// yuv420p through swscale with the matrix the stream is tagged with (BT.709
// for HD, BT.601 below), limited range; the decoder reads the tags back, so a
// round trip keeps its colours. GOPs are closed so that slices of an export
// join with a stream copy (ARCHITECTURE.md §9).
#include "entropic/engine/media/movie_writer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include "media/ffmpeg_util.h"

namespace entropic::engine {

using namespace media;

namespace {

constexpr std::array<const char*, 10> kPresets = {"ultrafast", "superfast", "veryfast", "faster", "fast",
                                                  "medium",    "slow",      "slower",   "veryslow", "placebo"};

struct OutputContextDeleter {
    void operator()(AVFormatContext* c) const {
        if (c->pb) avio_closep(&c->pb);
        avformat_free_context(c);
    }
};

} // namespace

struct MovieWriter::Impl {
    MovieSettings s;
    std::unique_ptr<AVFormatContext, OutputContextDeleter> out;
    AVStream* videoStream = nullptr;
    AVStream* audioStream = nullptr;
    CodecContextPtr video, audio;
    SwsPtr sws;
    FramePtr picture = makeFrame();
    FramePtr sound = makeFrame();
    AudioFifoPtr fifo;
    PacketPtr packet = makePacket();
    std::vector<std::vector<float>> planes; // deinterleaving scratch, one per channel
    std::int64_t framesWritten = 0;
    std::int64_t samplesEncoded = 0;
    bool finished = false;

    [[noreturn]] void failEncode(const std::string& what, int err = 0) const { fail(errc::kEncodeFailed, s.path, what, err); }
    [[noreturn]] void failIo(const std::string& what, int err = 0) const { fail(errc::kIo, s.path, what, err); }

    void openVideo() {
        const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
        if (!codec) failEncode("the libx264 encoder is not available in this FFmpeg");
        video.reset(avcodec_alloc_context3(codec));
        AVCodecContext* c = video.get();
        c->width = s.width + (s.width & 1); // 4:2:0 needs even sizes: the last column/row is repeated
        c->height = s.height + (s.height & 1);
        c->pix_fmt = AV_PIX_FMT_YUV420P;
        c->time_base = AVRational{static_cast<int>(s.frameRate.den), static_cast<int>(s.frameRate.num)};
        c->framerate = toAv(s.frameRate);
        c->sample_aspect_ratio = AVRational{1, 1};
        c->thread_count = s.threads;
        c->flags |= AV_CODEC_FLAG_CLOSED_GOP;
        if (out->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        const bool hd = s.width >= 1280 || s.height >= 720;
        c->color_primaries = hd ? AVCOL_PRI_BT709 : AVCOL_PRI_SMPTE170M;
        c->color_trc = hd ? AVCOL_TRC_BT709 : AVCOL_TRC_SMPTE170M;
        c->colorspace = hd ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
        c->color_range = AVCOL_RANGE_MPEG;
        av_opt_set(c->priv_data, "preset", s.preset.c_str(), 0);
        av_opt_set_double(c->priv_data, "crf", s.crf, 0);
        const int err = avcodec_open2(c, codec, nullptr);
        if (err < 0) failEncode("cannot open the H.264 encoder", err);

        videoStream = avformat_new_stream(out.get(), nullptr);
        if (!videoStream) throw std::bad_alloc();
        videoStream->time_base = c->time_base;
        videoStream->avg_frame_rate = c->framerate;
        avcodec_parameters_from_context(videoStream->codecpar, c);

        picture->format = c->pix_fmt;
        picture->width = c->width;
        picture->height = c->height;
        if (av_frame_get_buffer(picture.get(), 0) < 0) throw std::bad_alloc();

        sws.reset(sws_getContext(s.width, s.height, AV_PIX_FMT_RGBA, s.width, s.height, AV_PIX_FMT_YUV420P,
                                 SWS_BILINEAR, nullptr, nullptr, nullptr));
        if (!sws) failEncode("cannot set up the RGBA to yuv420p conversion");
        sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1,
                                 sws_getCoefficients(hd ? SWS_CS_ITU709 : SWS_CS_ITU601), 0, 0, 1 << 16, 1 << 16);
    }

    void openAudio() {
        const AVCodec* codec = avcodec_find_encoder_by_name("aac");
        if (!codec) failEncode("the AAC encoder is not available in this FFmpeg");
        audio.reset(avcodec_alloc_context3(codec));
        AVCodecContext* c = audio.get();
        c->sample_fmt = AV_SAMPLE_FMT_FLTP;
        c->sample_rate = s.sampleRate;
        av_channel_layout_default(&c->ch_layout, s.channels);
        c->bit_rate = std::min<std::int64_t>(96000LL * s.channels, 512000);
        c->time_base = AVRational{1, s.sampleRate};
        if (out->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        const int err = avcodec_open2(c, codec, nullptr);
        if (err < 0) failEncode("cannot open the AAC encoder", err);

        audioStream = avformat_new_stream(out.get(), nullptr);
        if (!audioStream) throw std::bad_alloc();
        audioStream->time_base = c->time_base;
        avcodec_parameters_from_context(audioStream->codecpar, c);

        fifo.reset(av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, s.channels, c->frame_size * 4));
        if (!fifo) throw std::bad_alloc();
        planes.assign(static_cast<std::size_t>(s.channels), {});
    }

    // Sends a frame (nullptr: flush) and writes every packet that comes out.
    void encode(AVCodecContext* c, AVStream* st, const AVFrame* frame) {
        int err = avcodec_send_frame(c, frame);
        if (err < 0) failEncode("encoding failed", err);
        for (;;) {
            err = avcodec_receive_packet(c, packet.get());
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
            if (err < 0) failEncode("encoding failed", err);
            av_packet_rescale_ts(packet.get(), c->time_base, st->time_base);
            packet->stream_index = st->index;
            err = av_interleaved_write_frame(out.get(), packet.get()); // takes the packet's reference
            if (err < 0) failIo("writing the file failed", err);
        }
    }

    // Hands the AAC encoder whole frames from the FIFO (the last may be short).
    void drainFifo(bool all) {
        const int frameSize = audio->frame_size > 0 ? audio->frame_size : 1024;
        while (av_audio_fifo_size(fifo.get()) >= frameSize || (all && av_audio_fifo_size(fifo.get()) > 0)) {
            const int n = std::min(frameSize, av_audio_fifo_size(fifo.get()));
            av_frame_unref(sound.get());
            sound->nb_samples = n;
            sound->format = AV_SAMPLE_FMT_FLTP;
            sound->sample_rate = s.sampleRate;
            av_channel_layout_copy(&sound->ch_layout, &audio->ch_layout);
            if (av_frame_get_buffer(sound.get(), 0) < 0) throw std::bad_alloc();
            if (av_audio_fifo_read(fifo.get(), reinterpret_cast<void**>(sound->data), n) != n)
                failEncode("audio buffering failed");
            sound->pts = samplesEncoded;
            samplesEncoded += n;
            encode(audio.get(), audioStream, sound.get());
        }
    }
};

MovieWriter::MovieWriter(const MovieSettings& settings) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.s = settings;
    initFfmpegLogging();
    const auto& s = d.s;
    if (s.width <= 0 || s.height <= 0 || s.width > 16384 || s.height > 16384)
        d.failEncode("invalid size " + std::to_string(s.width) + "x" + std::to_string(s.height));
    if (!s.frameRate.valid() || s.frameRate.num > INT32_MAX || s.frameRate.den > INT32_MAX)
        d.failEncode("invalid frame rate " + std::to_string(s.frameRate.num) + "/" + std::to_string(s.frameRate.den));
    if (s.crf < 0 || s.crf > 51) d.failEncode("crf " + std::to_string(s.crf) + " is outside 0..51");
    if (std::find(kPresets.begin(), kPresets.end(), s.preset) == kPresets.end())
        d.failEncode("unknown x264 preset \"" + s.preset + "\"");
    if (s.audio && (s.sampleRate <= 0 || s.channels <= 0 || s.channels > 8))
        d.failEncode("invalid audio format (" + std::to_string(s.sampleRate) + " Hz, " + std::to_string(s.channels) +
                     " channels)");

    AVFormatContext* raw = nullptr;
    // "file:" so that a colon in the name is never read as a protocol (faststart reopens it by this name).
    if (avformat_alloc_output_context2(&raw, nullptr, "mp4", ("file:" + s.path).c_str()) < 0 || !raw)
        d.failEncode("cannot set up an MP4 file");
    d.out.reset(raw);
    d.openVideo();
    if (s.audio) d.openAudio();

    int err = avio_open(&d.out->pb, d.out->url, AVIO_FLAG_WRITE);
    if (err < 0) d.failIo("cannot create the file", err);
    AVDictionary* opts = nullptr;
    // The index goes first so the file plays while it downloads; it costs one
    // rewrite of the file at finish().
    av_dict_set(&opts, "movflags", "+faststart", 0);
    err = avformat_write_header(d.out.get(), &opts);
    av_dict_free(&opts);
    if (err < 0) d.failIo("cannot write the file header", err);
}

MovieWriter::~MovieWriter() = default;

void MovieWriter::writeVideo(fx::ConstFrameView rgba) {
    Impl& d = *impl_;
    if (d.finished) d.failEncode("writeVideo after finish");
    if (rgba.width != d.s.width || rgba.height != d.s.height)
        d.failEncode("frame of " + std::to_string(rgba.width) + "x" + std::to_string(rgba.height) +
                     " given to a movie of " + std::to_string(d.s.width) + "x" + std::to_string(d.s.height));
    AVFrame* p = d.picture.get();
    if (av_frame_make_writable(p) < 0) throw std::bad_alloc(); // the encoder may still hold the last one
    const std::uint8_t* src[1] = {rgba.data};
    const int srcStride[1] = {rgba.stride};
    sws_scale(d.sws.get(), src, srcStride, 0, rgba.height, p->data, p->linesize);
    // Odd sizes: repeat the last luma column/row (chroma already covers the padded size).
    const int w = d.s.width, h = d.s.height;
    if (w & 1)
        for (int y = 0; y < h; ++y) p->data[0][y * p->linesize[0] + w] = p->data[0][y * p->linesize[0] + w - 1];
    if (h & 1) std::memcpy(p->data[0] + h * p->linesize[0], p->data[0] + (h - 1) * p->linesize[0], p->width);
    p->pts = d.framesWritten++;
    d.encode(d.video.get(), d.videoStream, p);
}

void MovieWriter::writeAudio(const float* interleaved, std::int64_t frames) {
    Impl& d = *impl_;
    if (!d.s.audio || frames <= 0) return;
    if (d.finished) d.failEncode("writeAudio after finish");
    const int ch = d.s.channels;
    while (frames > 0) {
        const int n = static_cast<int>(std::min<std::int64_t>(frames, 1 << 16));
        void* ptrs[8] = {};
        for (int c = 0; c < ch; ++c) {
            auto& plane = d.planes[static_cast<std::size_t>(c)];
            plane.resize(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) plane[static_cast<std::size_t>(i)] = interleaved[static_cast<std::ptrdiff_t>(i) * ch + c];
            ptrs[c] = plane.data();
        }
        if (av_audio_fifo_write(d.fifo.get(), ptrs, n) != n) throw std::bad_alloc();
        d.drainFifo(false);
        interleaved += static_cast<std::ptrdiff_t>(n) * ch;
        frames -= n;
    }
}

void MovieWriter::finish() {
    Impl& d = *impl_;
    if (d.finished) return;
    d.finished = true;
    d.encode(d.video.get(), d.videoStream, nullptr);
    if (d.audio) {
        d.drainFifo(true);
        d.encode(d.audio.get(), d.audioStream, nullptr);
    }
    int err = av_write_trailer(d.out.get());
    if (err < 0) d.failIo("cannot finish the file", err);
    err = avio_closep(&d.out->pb);
    if (err < 0) d.failIo("cannot close the file", err);
}

} // namespace entropic::engine
