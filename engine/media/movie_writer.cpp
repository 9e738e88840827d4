// The encoders and muxers behind every export format (export_formats.cpp says
// which). RGBA becomes the codec's pixel format through swscale; YUV streams
// are tagged with the matrix used (BT.709 for HD, BT.601 below), limited
// range, so the decoder reads the tags back and a round trip keeps its
// colours. GOPs are closed so that slices of an export join with a stream copy
// (docs/architecture.md). Sound is resampled (swresample) to what the audio
// codec accepts: Opus only takes 48 kHz and friends.
#include "entropic/engine/media/movie_writer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include "entropic/engine/media/export_formats.h"
#include "media/ffmpeg_util.h"
#include "media/gif_palette.h"

namespace entropic::engine {

using namespace media;

namespace {

constexpr std::array<const char*, 10> kPresets = {"ultrafast", "superfast", "veryfast", "faster",
                                                  "fast",      "medium",    "slow",     "slower",
                                                  "veryslow",  "placebo"};

struct OutputContextDeleter {
    void operator()(AVFormatContext* c) const {
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE)) avio_closep(&c->pb);
        avformat_free_context(c);
    }
};

// The codec's preferred sample format among those we can feed, else its first.
AVSampleFormat pickSampleFormat(const AVCodec* codec) {
    if (!codec->sample_fmts) return AV_SAMPLE_FMT_FLTP;
    for (const AVSampleFormat want : {AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_FLT})
        for (const AVSampleFormat* f = codec->sample_fmts; *f != AV_SAMPLE_FMT_NONE; ++f)
            if (*f == want) return want;
    return codec->sample_fmts[0];
}

int pickSampleRate(const AVCodec* codec, int wanted) {
    if (!codec->supported_samplerates) return wanted;
    for (const int* r = codec->supported_samplerates; *r; ++r)
        if (*r == wanted) return wanted;
    for (const int* r = codec->supported_samplerates; *r; ++r)
        if (*r == 48000) return 48000;
    return codec->supported_samplerates[0];
}

} // namespace

struct MovieWriter::Impl {
    MovieSettings s;
    const ExportFormat* format = nullptr;
    std::unique_ptr<AVFormatContext, OutputContextDeleter> out;
    AVStream* videoStream = nullptr;
    AVStream* audioStream = nullptr;
    CodecContextPtr video, audio;
    SwsPtr sws;
    SwrPtr swr;
    std::optional<GifPalette> palette;
    FramePtr picture = makeFrame();
    FramePtr sound = makeFrame();
    FramePtr converted = makeFrame();
    AudioFifoPtr fifo;
    PacketPtr packet = makePacket();
    std::vector<std::uint8_t> padded; // odd-sized frames grown to even ones
    std::int64_t framesWritten = 0;
    std::int64_t samplesEncoded = 0;
    bool finished = false;

    [[noreturn]] void failEncode(const std::string& what, int err = 0) const {
        fail(errc::kEncodeFailed, s.path, what, err);
    }
    [[noreturn]] void failIo(const std::string& what, int err = 0) const {
        fail(errc::kIo, s.path, what, err);
    }

    void validate() const {
        if (s.width <= 0 || s.height <= 0 || s.width > 16384 || s.height > 16384)
            failEncode("invalid size " + std::to_string(s.width) + "x" + std::to_string(s.height));
        if (!s.frameRate.valid() || s.frameRate.num > INT32_MAX || s.frameRate.den > INT32_MAX)
            failEncode("invalid frame rate " + std::to_string(s.frameRate.num) + "/" +
                       std::to_string(s.frameRate.den));
        if (format->usesCrf && (s.crf < 0 || s.crf > format->crfMax))
            failEncode("crf " + std::to_string(s.crf) + " is outside 0.." +
                       std::to_string(format->crfMax) + " for " + format->id);
        if (format->usesPreset &&
            std::find(kPresets.begin(), kPresets.end(), s.preset) == kPresets.end())
            failEncode("unknown " + std::string(format->videoCodec) + " preset \"" + s.preset +
                       "\"");
        if (wantsAudio() && (s.sampleRate <= 0 || s.channels <= 0 || s.channels > 8))
            failEncode("invalid audio format (" + std::to_string(s.sampleRate) + " Hz, " +
                       std::to_string(s.channels) + " channels)");
    }

    bool wantsAudio() const { return s.audio && format->audioCodec; }
    bool isYuv() const { return format->path == ExportVideoPath::Encoder; }

    void openVideo() {
        const AVCodec* codec = avcodec_find_encoder_by_name(format->videoCodec);
        if (!codec)
            failEncode(std::string("the ") + format->videoCodec +
                       " encoder is not available in this FFmpeg");
        video.reset(avcodec_alloc_context3(codec));
        AVCodecContext* c = video.get();
        const bool even = format->evenSize;
        c->width = s.width + (even ? s.width & 1 : 0); // the last column/row is repeated
        c->height = s.height + (even ? s.height & 1 : 0);
        c->pix_fmt = av_get_pix_fmt(format->pixelFormat);
        c->time_base =
            AVRational{static_cast<int>(s.frameRate.den), static_cast<int>(s.frameRate.num)};
        c->framerate = toAv(s.frameRate);
        c->sample_aspect_ratio = AVRational{1, 1};
        c->thread_count = s.threads;
        c->flags |= AV_CODEC_FLAG_CLOSED_GOP;
        if (out->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        const bool hd = s.width >= 1280 || s.height >= 720;
        if (isYuv()) {
            c->color_primaries = hd ? AVCOL_PRI_BT709 : AVCOL_PRI_SMPTE170M;
            c->color_trc = hd ? AVCOL_TRC_BT709 : AVCOL_TRC_SMPTE170M;
            c->colorspace = hd ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
            c->color_range = AVCOL_RANGE_MPEG;
        }
        AVDictionary* opts = nullptr;
        if (*format->codecOptions) av_dict_parse_string(&opts, format->codecOptions, "=", ":", 0);
        if (format->usesPreset) av_dict_set(&opts, "preset", s.preset.c_str(), 0);
        if (format->usesCrf) {
            av_dict_set_int(&opts, "crf", s.crf, 0);
            c->bit_rate = 0; // libvpx: crf alone (b:v 0) is constant quality
        }
        const int err = avcodec_open2(c, codec, &opts);
        av_dict_free(&opts);
        if (err < 0)
            failEncode(std::string("cannot open the ") + format->videoCodec + " encoder", err);

        videoStream = avformat_new_stream(out.get(), nullptr);
        if (!videoStream) throw std::bad_alloc();
        videoStream->time_base = c->time_base;
        videoStream->avg_frame_rate = c->framerate;
        avcodec_parameters_from_context(videoStream->codecpar, c);
        if (format->codecTag) {
            const char* t = format->codecTag;
            videoStream->codecpar->codec_tag = MKTAG(t[0], t[1], t[2], t[3]);
        }

        // GIF frames go to the palette filter as RGBA; the rest are converted here.
        const AVPixelFormat fed =
            format->path == ExportVideoPath::GifPalette ? AV_PIX_FMT_RGBA : c->pix_fmt;
        picture->format = fed;
        picture->width = c->width;
        picture->height = c->height;
        if (av_frame_get_buffer(picture.get(), 0) < 0) throw std::bad_alloc();
        sws.reset(sws_getContext(c->width, c->height, AV_PIX_FMT_RGBA, c->width, c->height, fed,
                                 SWS_BILINEAR, nullptr, nullptr, nullptr));
        if (!sws)
            failEncode(std::string("cannot set up the RGBA to ") + av_get_pix_fmt_name(fed) +
                       " conversion");
        if (isYuv())
            sws_setColorspaceDetails(sws.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1,
                                     sws_getCoefficients(hd ? SWS_CS_ITU709 : SWS_CS_ITU601), 0, 0,
                                     1 << 16, 1 << 16);
        if (format->path == ExportVideoPath::GifPalette)
            palette.emplace(s.path, c->width, c->height, s.frameRate);
    }

    void openAudio() {
        const AVCodec* codec = avcodec_find_encoder_by_name(format->audioCodec);
        if (!codec && format->audioFallback)
            codec = avcodec_find_encoder_by_name(format->audioFallback);
        if (!codec)
            failEncode(std::string("the ") + format->audioCodec +
                       " encoder is not available in this FFmpeg");
        audio.reset(avcodec_alloc_context3(codec));
        AVCodecContext* c = audio.get();
        c->sample_fmt = pickSampleFormat(codec);
        c->sample_rate = pickSampleRate(codec, s.sampleRate);
        av_channel_layout_default(&c->ch_layout, s.channels);
        c->bit_rate = std::min<std::int64_t>(96000LL * s.channels, 512000); // ignored by PCM
        c->time_base = AVRational{1, c->sample_rate};
        if (out->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        int err = avcodec_open2(c, codec, nullptr);
        if (err < 0) failEncode(std::string("cannot open the ") + codec->name + " encoder", err);

        audioStream = avformat_new_stream(out.get(), nullptr);
        if (!audioStream) throw std::bad_alloc();
        audioStream->time_base = c->time_base;
        avcodec_parameters_from_context(audioStream->codecpar, c);

        AVChannelLayout in{};
        av_channel_layout_default(&in, s.channels);
        SwrContext* raw = nullptr;
        err = swr_alloc_set_opts2(&raw, &c->ch_layout, c->sample_fmt, c->sample_rate, &in,
                                  AV_SAMPLE_FMT_FLT, s.sampleRate, 0, nullptr);
        swr.reset(raw);
        if (err < 0 || swr_init(swr.get()) < 0)
            failEncode("cannot set up the audio conversion", err);
        fifo.reset(
            av_audio_fifo_alloc(c->sample_fmt, s.channels, std::max(c->frame_size, 1024) * 4));
        if (!fifo) throw std::bad_alloc();
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
            err =
                av_interleaved_write_frame(out.get(), packet.get()); // takes the packet's reference
            if (err < 0) failIo("writing the file failed", err);
        }
    }

    // Converts interleaved float PCM (nullptr: flush the resampler) into the FIFO.
    void convertAudio(const float* interleaved, int n) {
        av_frame_unref(converted.get());
        converted->nb_samples = std::max(1, swr_get_out_samples(swr.get(), n));
        converted->format = audio->sample_fmt;
        av_channel_layout_copy(&converted->ch_layout, &audio->ch_layout);
        if (av_frame_get_buffer(converted.get(), 0) < 0) throw std::bad_alloc();
        const std::uint8_t* in[1] = {reinterpret_cast<const std::uint8_t*>(interleaved)};
        const int got = swr_convert(swr.get(), converted->data, converted->nb_samples,
                                    interleaved ? in : nullptr, n);
        if (got < 0) failEncode("audio conversion failed", got);
        if (got > 0 &&
            av_audio_fifo_write(fifo.get(), reinterpret_cast<void**>(converted->data), got) != got)
            throw std::bad_alloc();
    }

    // Hands the encoder whole frames from the FIFO (the last may be short).
    void drainFifo(bool all) {
        const int frameSize = audio->frame_size > 0 ? audio->frame_size : 1024;
        while (av_audio_fifo_size(fifo.get()) >= frameSize ||
               (all && av_audio_fifo_size(fifo.get()) > 0)) {
            const int n = std::min(frameSize, av_audio_fifo_size(fifo.get()));
            av_frame_unref(sound.get());
            sound->nb_samples = n;
            sound->format = audio->sample_fmt;
            sound->sample_rate = audio->sample_rate;
            av_channel_layout_copy(&sound->ch_layout, &audio->ch_layout);
            if (av_frame_get_buffer(sound.get(), 0) < 0) throw std::bad_alloc();
            if (av_audio_fifo_read(fifo.get(), reinterpret_cast<void**>(sound->data), n) != n)
                failEncode("audio buffering failed");
            sound->pts = samplesEncoded;
            samplesEncoded += n;
            encode(audio.get(), audioStream, sound.get());
        }
    }

    // The frame as the encoder's size: odd sizes are grown by repeating the
    // last column and row, so every plane of a subsampled format is covered.
    fx::ConstFrameView fitted(fx::ConstFrameView rgba) {
        const int W = video->width, H = video->height;
        if (W == rgba.width && H == rgba.height) return rgba;
        padded.resize(static_cast<std::size_t>(W) * H * 4);
        for (int y = 0; y < H; ++y) {
            const std::uint8_t* src =
                rgba.data + static_cast<std::ptrdiff_t>(std::min(y, rgba.height - 1)) * rgba.stride;
            std::uint8_t* dst = padded.data() + static_cast<std::size_t>(y) * W * 4;
            std::memcpy(dst, src, static_cast<std::size_t>(rgba.width) * 4);
            for (int x = rgba.width; x < W; ++x)
                std::memcpy(dst + x * 4, src + (rgba.width - 1) * 4, 4);
        }
        fx::ConstFrameView v = rgba;
        v.data = padded.data();
        v.width = W;
        v.height = H;
        v.stride = W * 4;
        return v;
    }

    void sendPicture(AVFrame* p) {
        if (!palette) return encode(video.get(), videoStream, p);
        palette->push(p, [&](AVFrame* pal8) { encode(video.get(), videoStream, pal8); });
    }
};

MovieWriter::MovieWriter(const MovieSettings& settings) : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.s = settings;
    initFfmpegLogging();
    d.format = findExportFormat(d.s.format);
    if (!d.format)
        d.failEncode("unknown export format \"" + d.s.format + "\" (one of " + exportFormatList() +
                     ")");
    d.validate();
    const auto& s = d.s;

    AVFormatContext* raw = nullptr;
    // "file:" so that a colon in the name is never read as a protocol (faststart
    // reopens it by this name). An image sequence opens each file itself.
    const bool sequence = d.format->path == ExportVideoPath::ImageSequence;
    const std::string url = sequence ? s.path : "file:" + s.path;
    if (avformat_alloc_output_context2(&raw, nullptr, d.format->muxer, url.c_str()) < 0 || !raw)
        d.failEncode(std::string("cannot set up a ") + d.format->muxer + " output");
    d.out.reset(raw);
    d.openVideo();
    if (d.wantsAudio()) d.openAudio();

    int err = 0;
    if (!(d.out->oformat->flags & AVFMT_NOFILE)) {
        err = avio_open(&d.out->pb, d.out->url, AVIO_FLAG_WRITE);
        if (err < 0) d.failIo("cannot create the file", err);
    }
    AVDictionary* opts = nullptr;
    // MP4/MOV: the index goes first so the file plays while it downloads; it
    // costs one rewrite of the file at finish().
    const std::string muxer = d.format->muxer;
    if (muxer == "mp4" || muxer == "mov") av_dict_set(&opts, "movflags", "+faststart", 0);
    if (sequence) av_dict_set(&opts, "start_number", "0", 0); // file n is output frame n
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
                     " given to a movie of " + std::to_string(d.s.width) + "x" +
                     std::to_string(d.s.height));
    AVFrame* p = d.picture.get();
    if (av_frame_make_writable(p) < 0)
        throw std::bad_alloc(); // the encoder or filter may still hold the last one
    const fx::ConstFrameView src = d.fitted(rgba);
    const std::uint8_t* planes[1] = {src.data};
    const int strides[1] = {src.stride};
    sws_scale(d.sws.get(), planes, strides, 0, src.height, p->data, p->linesize);
    p->pts = d.framesWritten++;
    d.sendPicture(p);
}

void MovieWriter::writeAudio(const float* interleaved, std::int64_t frames) {
    Impl& d = *impl_;
    if (!d.audio || frames <= 0) return;
    if (d.finished) d.failEncode("writeAudio after finish");
    while (frames > 0) {
        const int n = static_cast<int>(std::min<std::int64_t>(frames, 1 << 16));
        d.convertAudio(interleaved, n);
        d.drainFifo(false);
        interleaved += static_cast<std::ptrdiff_t>(n) * d.s.channels;
        frames -= n;
    }
}

void MovieWriter::finish() {
    Impl& d = *impl_;
    if (d.finished) return;
    d.finished = true;
    if (d.palette) d.sendPicture(nullptr);
    d.encode(d.video.get(), d.videoStream, nullptr);
    if (d.audio) {
        d.convertAudio(nullptr, 0);
        d.drainFifo(true);
        d.encode(d.audio.get(), d.audioStream, nullptr);
    }
    int err = av_write_trailer(d.out.get());
    if (err < 0) d.failIo("cannot finish the file", err);
    if (!(d.out->oformat->flags & AVFMT_NOFILE)) {
        err = avio_closep(&d.out->pb);
        if (err < 0) d.failIo("cannot close the file", err);
    }
}

} // namespace entropic::engine
