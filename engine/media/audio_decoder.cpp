// Sample-accurate audio (docs/media.md, "Audio"). The output timeline is cut
// into blocks of one second. A block is always made the same way: seek to a
// little before it, decode (the decoder warms up on the packets before the
// block), resample from a point where the input and output sample grids meet,
// and keep the block's samples. So a sample's value does not depend on how it
// was reached. Sequential reads are served from the cached block; each new
// block costs one seek and 0.2 s of extra decoding.
#include "entropic/engine/media/audio_decoder.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
}

#include "media/ffmpeg_util.h"
#include "media/packet_index.h"
#include "media/stream_info.h"

namespace entropic::engine {

using namespace media;

namespace {
constexpr double kResamplerPrerollSeconds = 0.1; // source fed to the resampler before the block
constexpr double kDecoderPrerollSeconds = 0.1;   // packets decoded (and dropped) before that
constexpr std::chrono::seconds kBlockBudget{60};
} // namespace

struct AudioDecoder::Impl {
    std::string path;
    int outRate = 48000;
    int outChannels = 2;
    std::unique_ptr<InputFile> input;
    AVStream* stream = nullptr;
    CodecContextPtr codec;
    PacketPtr packet = makePacket();
    FramePtr decoded = makeFrame();
    int srcRate = 0;
    std::int64_t srcPeriod = 1,
                 outPeriod = 1; // the grids meet every srcPeriod input / outPeriod output samples
    std::int64_t length = 0;    // output sample frames
    std::int64_t startPts = 0;  // pts of source sample 0
    bool demuxEof = false;

    struct Block {
        std::int64_t number = -1;
        std::vector<float> samples; // outRate frames × outChannels
    };
    Block blocks[2]; // the current and the previous: enough for reads that straddle a boundary
    int nextVictim = 0;

    std::int64_t toTs(std::int64_t srcSample) const {
        return startPts + av_rescale_q(srcSample, AVRational{1, srcRate}, stream->time_base);
    }
    std::int64_t toSrcSample(std::int64_t ts) const {
        return av_rescale_q(ts - startPts, stream->time_base, AVRational{1, srcRate});
    }

    // A fresh decoder, not avcodec_flush_buffers: some decoders keep state
    // across a flush (the AAC decoder's noise generator for PNS bands), and a
    // block must not depend on what was decoded before it.
    void resetDecoder() { codec = openDecoder(path, stream, 1); }

    void seekToStart() {
        resetDecoder();
        demuxEof = false;
        int err = av_seek_frame(input->get(), stream->index, INT64_MIN + 1, AVSEEK_FLAG_BACKWARD);
        if (err < 0) err = avformat_seek_file(input->get(), -1, INT64_MIN, 0, 0, 0);
        if (err < 0) err = av_seek_frame(input->get(), -1, 0, AVSEEK_FLAG_BYTE);
        if (err < 0) fail(errc::kMediaCorrupt, path, "cannot seek in the file", err);
    }

    void seekBefore(std::int64_t srcSample) {
        resetDecoder();
        demuxEof = false;
        const int err =
            av_seek_frame(input->get(), stream->index, toTs(srcSample), AVSEEK_FLAG_BACKWARD);
        if (err < 0) seekToStart();
    }

    bool decodeNext() {
        for (;;) {
            int err = avcodec_receive_frame(codec.get(), decoded.get());
            if (err == 0) return true;
            if (err == AVERROR_EOF) return false;
            if (err == AVERROR_INVALIDDATA) continue;
            if (err != AVERROR(EAGAIN))
                fail(errc::kMediaCorrupt, path, "decoding audio failed", err);
            if (demuxEof) return false;
            err = av_read_frame(input->get(), packet.get());
            if (err == AVERROR_EXIT)
                fail(errc::kMediaCorrupt, path, "decoding audio took too long");
            if (err < 0) {
                demuxEof = true;
                avcodec_send_packet(codec.get(), nullptr);
                continue;
            }
            if (packet->stream_index == stream->index) {
                err = avcodec_send_packet(codec.get(), packet.get());
                if (err < 0 && err != AVERROR_INVALIDDATA && err != AVERROR(EAGAIN))
                    fail(errc::kMediaCorrupt, path, "decoding audio failed", err);
            }
            av_packet_unref(packet.get());
        }
    }

    SwrPtr makeResampler(const AVFrame* f) const {
        AVChannelLayout in{}, out{};
        if (f->ch_layout.order != AV_CHANNEL_ORDER_UNSPEC)
            av_channel_layout_copy(&in, &f->ch_layout);
        else
            av_channel_layout_default(&in, f->ch_layout.nb_channels);
        av_channel_layout_default(&out, outChannels);
        SwrContext* raw = nullptr;
        int err =
            swr_alloc_set_opts2(&raw, &out, AV_SAMPLE_FMT_FLT, outRate, &in,
                                static_cast<AVSampleFormat>(f->format), f->sample_rate, 0, nullptr);
        SwrPtr swr(raw);
        av_channel_layout_uninit(&in);
        av_channel_layout_uninit(&out);
        if (err >= 0) err = swr_init(swr.get());
        if (err < 0)
            fail(errc::kMediaUnsupported, path, "cannot convert the audio to float PCM", err);
        return swr;
    }

    // Fills block b (output samples [b*outRate, (b+1)*outRate)).
    void makeBlock(std::int64_t b, std::vector<float>& out) {
        const std::int64_t blockFrames = outRate;
        out.assign(static_cast<std::size_t>(blockFrames * outChannels), 0.0f);
        const std::int64_t o0 = b * blockFrames; // first output sample of the block
        const std::int64_t s0 = b * srcRate;     // the source sample at the same time
        auto alignDown = [](std::int64_t v, std::int64_t p) { return v / p * p; };
        const std::int64_t sStart = std::max<std::int64_t>(
            0, alignDown(s0 - static_cast<std::int64_t>(kResamplerPrerollSeconds * srcRate),
                         srcPeriod));
        const std::int64_t oStart = sStart / srcPeriod * outPeriod;

        input->deadline().arm(kBlockBudget);
        struct Disarm {
            Deadline& d;
            ~Disarm() { d.disarm(); }
        } disarm{input->deadline()};

        const std::int64_t decodeFrom =
            sStart - static_cast<std::int64_t>(kDecoderPrerollSeconds * srcRate);
        bool fromStart = decodeFrom <= 0;
        for (;;) {
            if (fromStart)
                seekToStart();
            else
                seekBefore(decodeFrom);
            if (run(sStart, oStart, o0, out, fromStart) || fromStart) return;
            fromStart = true; // the seek landed after the block, or timestamps are missing
        }
    }

    // One decode run from the current position. False if it cannot place its
    // samples (landed late, or no timestamps away from the start).
    bool run(std::int64_t sStart, std::int64_t oStart, std::int64_t o0, std::vector<float>& out,
             bool fromStart) {
        const std::int64_t blockFrames = outRate;
        SwrPtr swr;
        std::int64_t pos = fromStart ? 0 : -1; // source position of the next decoded sample
        bool first = true;
        std::int64_t outPos = oStart; // output index of the next resampled sample
        std::vector<float> buf;
        auto take = [&](int got) {
            for (int i = 0; i < got; ++i, ++outPos) {
                if (outPos < o0 || outPos >= o0 + blockFrames) continue;
                std::memcpy(&out[static_cast<std::size_t>((outPos - o0) * outChannels)],
                            &buf[static_cast<std::size_t>(i * outChannels)],
                            sizeof(float) * outChannels);
            }
        };
        while (outPos < o0 + blockFrames && decodeNext()) {
            AVFrame* f = decoded.get();
            if (first) {
                // The first frame fixes the position; later ones follow on by count.
                const std::int64_t ts =
                    f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
                if (ts != AV_NOPTS_VALUE)
                    pos = std::max<std::int64_t>(0, toSrcSample(ts));
                else if (!fromStart)
                    return false;
                if (pos > sStart && !fromStart) return false;
                first = false;
            }
            const std::int64_t skip = std::max<std::int64_t>(0, sStart - pos);
            const int n = f->nb_samples;
            pos += n;
            if (skip >= n) continue;
            if (!swr) swr = makeResampler(f);
            const int bps = av_get_bytes_per_sample(static_cast<AVSampleFormat>(f->format));
            const bool planar = av_sample_fmt_is_planar(static_cast<AVSampleFormat>(f->format));
            const std::uint8_t* in[AV_NUM_DATA_POINTERS] = {};
            const int chans = f->ch_layout.nb_channels;
            for (int c = 0; c < (planar ? chans : 1) && c < AV_NUM_DATA_POINTERS; ++c)
                in[c] = f->extended_data[c] + skip * bps * (planar ? 1 : chans);
            const int inCount = static_cast<int>(n - skip);
            const int cap = swr_get_out_samples(swr.get(), inCount);
            buf.resize(static_cast<std::size_t>(std::max(cap, 0) * outChannels));
            std::uint8_t* o[1] = {reinterpret_cast<std::uint8_t*>(buf.data())};
            const int got = swr_convert(swr.get(), o, cap, in, inCount);
            if (got < 0) fail(errc::kMediaCorrupt, path, "resampling audio failed", got);
            take(got);
        }
        if (swr && outPos < o0 + blockFrames) { // end of stream: the resampler's tail
            const int cap = std::max(swr_get_out_samples(swr.get(), 0), 0);
            buf.resize(static_cast<std::size_t>(cap * outChannels));
            std::uint8_t* o[1] = {reinterpret_cast<std::uint8_t*>(buf.data())};
            const int got = swr_convert(swr.get(), o, cap, nullptr, 0);
            if (got > 0) take(got);
        }
        return true;
    }

    const std::vector<float>& block(std::int64_t b) {
        for (const auto& blk : blocks)
            if (blk.number == b) return blk.samples;
        Block& victim = blocks[nextVictim];
        nextVictim ^= 1;
        victim.number = -1;
        makeBlock(b, victim.samples);
        victim.number = b;
        return victim.samples;
    }
};

AudioDecoder::AudioDecoder(const std::string& path, int sampleRate, int channels, int streamOrdinal)
    : impl_(std::make_unique<Impl>()) {
    Impl& d = *impl_;
    d.path = path;
    if (sampleRate <= 0 || channels <= 0 || channels > 64)
        fail(errc::kOutOfRange, path, "invalid audio output format requested");
    d.outRate = sampleRate;
    d.outChannels = channels;
    d.input = std::make_unique<InputFile>(path);
    const int s = d.input->nthStream(AVMEDIA_TYPE_AUDIO, streamOrdinal);
    if (s < 0)
        fail(errc::kMediaUnsupported, path,
             "no audio stream " + std::to_string(streamOrdinal) + " in the file");
    d.stream = d.input->get()->streams[s];
    d.codec = openDecoder(path, d.stream, 1);
    d.srcRate = d.stream->codecpar->sample_rate;
    if (d.srcRate <= 0) fail(errc::kMediaCorrupt, path, "the audio stream has no sample rate");
    const std::int64_t g = std::gcd<std::int64_t>(d.srcRate, d.outRate);
    d.srcPeriod = d.srcRate / g;
    d.outPeriod = d.outRate / g;

    const PacketIndex index = scanPackets(*d.input, -1, {s});
    const std::int64_t srcSamples = audioSourceSamples(d.stream, index.audio.at(s));
    d.length = av_rescale_rnd(srcSamples, d.outRate, d.srcRate, AV_ROUND_UP);
    for (unsigned i = 0; i < d.input->get()->nb_streams; ++i)
        if (static_cast<int>(i) != s) d.input->get()->streams[i]->discard = AVDISCARD_ALL;

    // Where sample 0 is: the first decoded frame of a straight decode.
    d.seekToStart();
    if (d.decodeNext()) {
        const AVFrame* f = d.decoded.get();
        const std::int64_t ts =
            f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
        d.startPts = ts != AV_NOPTS_VALUE ? ts : 0;
    }
}

AudioDecoder::~AudioDecoder() = default;

int AudioDecoder::sampleRate() const {
    return impl_->outRate;
}
int AudioDecoder::channels() const {
    return impl_->outChannels;
}
std::int64_t AudioDecoder::length() const {
    return impl_->length;
}

void AudioDecoder::read(std::int64_t start, std::int64_t count, float* out) {
    Impl& d = *impl_;
    const int ch = d.outChannels;
    while (count > 0) {
        if (start < 0 || start >= d.length) {
            // Silence up to the start of the audio, or for everything past its end.
            const std::int64_t n = start < 0 ? std::min(count, -start) : count;
            std::fill(out, out + n * ch, 0.0f);
            start += n, count -= n, out += n * ch;
            continue;
        }
        const std::int64_t b = start / d.outRate;
        const std::int64_t offset = start - b * d.outRate;
        const std::int64_t n = std::min({count, d.outRate - offset, d.length - start});
        const auto& samples = d.block(b);
        std::memcpy(out, samples.data() + offset * ch,
                    sizeof(float) * static_cast<std::size_t>(n * ch));
        start += n, count -= n, out += n * ch;
    }
}

} // namespace entropic::engine
