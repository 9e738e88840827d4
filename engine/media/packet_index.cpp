#include "media/packet_index.h"

#include <algorithm>

namespace entropic::engine::media {

namespace {

// Caps that no real clip reaches (10 M frames is 46 hours at 60 fps) but that
// stop a crafted file from exhausting memory or time.
constexpr std::int64_t kMaxVideoFrames = 10'000'000;
constexpr std::int64_t kMaxPackets = 100'000'000;
constexpr std::chrono::seconds kScanBudget{180};

struct RawVideoPacket {
    std::int64_t pts, dts, duration;
    bool key;
};

void readSkipSamples(const AVPacket* pkt, AudioTotals& totals) {
    size_t size = 0;
    const uint8_t* sd = av_packet_get_side_data(pkt, AV_PKT_DATA_SKIP_SAMPLES, &size);
    if (!sd || size < 8) return;
    auto le32 = [](const uint8_t* p) {
        return static_cast<std::int64_t>(p[0] | (p[1] << 8) | (p[2] << 16) |
                                         (static_cast<std::uint32_t>(p[3]) << 24));
    };
    totals.skipStart += le32(sd);
    totals.skipEnd += le32(sd + 4);
}

VideoIndex buildVideoIndex(const AVStream* st, std::vector<RawVideoPacket> packets,
                           bool truncated) {
    VideoIndex idx;
    idx.streamIndex = st->index;
    idx.truncated = truncated;

    // A straight decode starts at the first keyframe: packets before it (a
    // stream cut mid-GOP) and pictures shown before it (leading pictures of an
    // open GOP) never come out of the decoder, so they are not frames.
    const auto firstKey =
        std::find_if(packets.begin(), packets.end(), [](const auto& p) { return p.key; });
    packets.erase(packets.begin(), firstKey);

    bool missingPts = false;
    for (const auto& p : packets)
        missingPts |= p.pts == AV_NOPTS_VALUE;
    if (missingPts && st->codecpar->video_delay == 0) {
        // No reordering: decode order is presentation order and dts will do.
        bool dtsOk = true;
        for (auto& p : packets) {
            if (p.pts == AV_NOPTS_VALUE) p.pts = p.dts;
            dtsOk &= p.pts != AV_NOPTS_VALUE;
        }
        missingPts = !dtsOk;
    }
    if (!missingPts && !packets.empty()) {
        const std::int64_t startPts = packets.front().pts;
        std::erase_if(packets, [&](const auto& p) { return p.pts < startPts; });
    }

    for (std::size_t i = 1; i < packets.size(); ++i)
        if (packets[i].pts != AV_NOPTS_VALUE && packets[i - 1].pts != AV_NOPTS_VALUE &&
            packets[i].pts < packets[i - 1].pts)
            idx.reordered = true;

    idx.pts.reserve(packets.size());
    for (const auto& p : packets)
        idx.pts.push_back(p.pts);
    std::sort(idx.pts.begin(), idx.pts.end());
    idx.timestampsUsable =
        !missingPts && std::adjacent_find(idx.pts.begin(), idx.pts.end()) == idx.pts.end();

    if (idx.pts.empty()) return idx;
    if (!idx.timestampsUsable) {
        // Frames are counted from the start of the file; times come from the average rate.
        AVRational rate = st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate;
        if (rate.num <= 0 || rate.den <= 0) rate = AVRational{25, 1};
        const std::int64_t step =
            std::max<std::int64_t>(1, av_rescale_q(1, av_inv_q(rate), st->time_base));
        for (std::size_t i = 0; i < idx.pts.size(); ++i)
            idx.pts[i] = static_cast<std::int64_t>(i) * step;
        idx.endPts = idx.frameCount() * step;
        idx.keyframes.push_back({0, 0, 0});
        return idx;
    }

    std::int64_t end = idx.pts.back();
    for (const auto& p : packets) {
        end = std::max(end, p.pts + std::max<std::int64_t>(p.duration, 0));
        if (!p.key) continue;
        const std::int64_t seekTs = p.dts == AV_NOPTS_VALUE ? p.pts : std::min(p.pts, p.dts);
        const auto at = std::lower_bound(idx.pts.begin(), idx.pts.end(), p.pts) - idx.pts.begin();
        idx.keyframes.push_back({p.pts, seekTs, at});
    }
    if (end == idx.pts.back() && idx.pts.size() > 1) // no durations: assume the last gap repeats
        end += idx.pts.back() - idx.pts[idx.pts.size() - 2];
    idx.endPts = end;
    std::sort(idx.keyframes.begin(), idx.keyframes.end(),
              [](const auto& a, const auto& b) { return a.pts < b.pts; });
    return idx;
}

} // namespace

std::int64_t VideoIndex::indexAtOrBefore(std::int64_t ts) const {
    const auto it = std::upper_bound(pts.begin(), pts.end(), ts);
    return static_cast<std::int64_t>(it - pts.begin()) - 1;
}

int VideoIndex::keyframeFor(std::int64_t index) const {
    if (index < 0 || index >= frameCount()) return -1;
    const std::int64_t ts = pts[static_cast<std::size_t>(index)];
    const auto it = std::upper_bound(keyframes.begin(), keyframes.end(), ts,
                                     [](std::int64_t t, const Keyframe& k) { return t < k.pts; });
    return static_cast<int>(it - keyframes.begin()) - 1;
}

PacketIndex scanPackets(InputFile& input, int videoStream, const std::vector<int>& audioStreams) {
    PacketIndex result;
    std::vector<RawVideoPacket> video;
    for (int s : audioStreams)
        result.audio[s] = {};

    // Only the streams we index are read; the demuxer skips the rest cheaply.
    AVFormatContext* ctx = input.get();
    std::vector<AVDiscard> saved(ctx->nb_streams);
    for (unsigned i = 0; i < ctx->nb_streams; ++i) {
        saved[i] = ctx->streams[i]->discard;
        const bool wanted =
            static_cast<int>(i) == videoStream || result.audio.count(static_cast<int>(i));
        ctx->streams[i]->discard = wanted ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    }

    PacketPtr pkt = makePacket();
    bool truncated = false;
    std::int64_t packets = 0;
    input.deadline().arm(kScanBudget);
    for (;;) {
        const int err = av_read_frame(ctx, pkt.get());
        if (err == AVERROR_EOF) break;
        if (err == AVERROR_EXIT)
            fail(errc::kMediaCorrupt, input.path(), "indexing the file took too long");
        if (err < 0) {
            truncated = true; // what was read so far stays usable
            break;
        }
        if (++packets > kMaxPackets || static_cast<std::int64_t>(video.size()) > kMaxVideoFrames)
            fail(errc::kMediaUnsupported, input.path(), "too many packets to index");
        if (pkt->stream_index == videoStream) {
            if (!(pkt->flags & AV_PKT_FLAG_DISCARD))
                video.push_back(
                    {pkt->pts, pkt->dts, pkt->duration, (pkt->flags & AV_PKT_FLAG_KEY) != 0});
        } else if (auto it = result.audio.find(pkt->stream_index); it != result.audio.end()) {
            AudioTotals& t = it->second;
            if (t.firstPts == AV_NOPTS_VALUE) t.firstPts = pkt->pts;
            t.durationTs += std::max<std::int64_t>(pkt->duration, 0);
            ++t.packets;
            readSkipSamples(pkt.get(), t);
        }
        av_packet_unref(pkt.get());
    }
    input.deadline().disarm();
    for (unsigned i = 0; i < ctx->nb_streams; ++i)
        ctx->streams[i]->discard = saved[i];

    if (videoStream >= 0) {
        result.video = buildVideoIndex(ctx->streams[videoStream], std::move(video), truncated);
        if (result.video.pts.empty())
            fail(errc::kMediaCorrupt, input.path(),
                 truncated ? "no readable video frame (the file is cut short or damaged)"
                           : "the video stream holds no frame");
    }
    return result;
}

} // namespace entropic::engine::media
