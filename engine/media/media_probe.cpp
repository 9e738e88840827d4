#include <algorithm>

#include "media/ffmpeg_util.h"
#include "media/packet_index.h"
#include "media/stream_info.h"

namespace entropic::engine {

namespace media {

VideoStreamInfo describeVideo(const AVStream* st, const VideoIndex& index) {
    const AVCodecParameters* par = st->codecpar;
    VideoStreamInfo v;
    v.streamIndex = st->index;
    v.codec = avcodec_get_name(par->codec_id);
    const char* pix = av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format));
    v.pixelFormat = pix ? pix : "unknown";
    v.codedWidth = par->width;
    v.codedHeight = par->height;
    v.rotation = streamRotation(st);
    const bool quarter = v.rotation == 90 || v.rotation == 270;
    v.width = quarter ? par->height : par->width;
    v.height = quarter ? par->width : par->height;
    v.frameCount = index.frameCount();
    v.hasBFrames = index.reordered;

    const std::int64_t span = index.endPts - (index.pts.empty() ? 0 : index.pts.front());
    v.durationSeconds = span > 0 ? static_cast<double>(span) * av_q2d(st->time_base) : 0.0;

    // Variable when the gaps between frames differ by more than timestamp
    // rounding: one tick when a gap spans many ticks (29.97 fps in
    // milliseconds alternates 33 and 34), or 2 % of the gap.
    if (index.timestampsUsable && index.pts.size() > 2) {
        std::int64_t lo = INT64_MAX, hi = 0;
        for (std::size_t i = 1; i < index.pts.size(); ++i) {
            const std::int64_t d = index.pts[i] - index.pts[i - 1];
            lo = std::min(lo, d);
            hi = std::max(hi, d);
        }
        const std::int64_t jitter = hi - lo;
        v.variableFrameRate = jitter > lo / 50 && !(jitter == 1 && lo >= 10);
    }

    // Average rate: the container's when it is trustworthy, else frames over time.
    if (!v.variableFrameRate && st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0) {
        v.frameRate = fromAv(st->avg_frame_rate);
    } else if (span > 0 && v.frameCount > 0) {
        AVRational r{};
        av_reduce(&r.num, &r.den, v.frameCount * static_cast<std::int64_t>(st->time_base.den),
                  span * static_cast<std::int64_t>(st->time_base.num), 1'000'000);
        v.frameRate = fromAv(r);
    } else if (st->r_frame_rate.num > 0 && st->r_frame_rate.den > 0) {
        v.frameRate = fromAv(st->r_frame_rate);
    }
    return v;
}

std::int64_t audioSourceSamples(const AVStream* st, const AudioTotals& totals) {
    const int rate = st->codecpar->sample_rate;
    if (rate <= 0) return 0;
    std::int64_t ts = totals.durationTs;
    if (ts <= 0 && st->duration != AV_NOPTS_VALUE) ts = st->duration;
    if (ts <= 0) return 0;
    const std::int64_t samples = av_rescale_q(ts, st->time_base, AVRational{1, rate});
    return std::max<std::int64_t>(0, samples - totals.skipStart - totals.skipEnd);
}

AudioStreamInfo describeAudio(const AVStream* st, const AudioTotals& totals) {
    AudioStreamInfo a;
    a.streamIndex = st->index;
    a.codec = avcodec_get_name(st->codecpar->codec_id);
    a.sampleRate = st->codecpar->sample_rate;
    a.channels = st->codecpar->ch_layout.nb_channels;
    if (a.sampleRate > 0)
        a.durationSeconds = static_cast<double>(audioSourceSamples(st, totals)) / a.sampleRate;
    return a;
}

} // namespace media

MediaInfo probeMedia(const std::string& path) {
    media::InputFile input(path);
    const int videoStream = input.bestStream(AVMEDIA_TYPE_VIDEO);
    std::vector<int> audioStreams;
    for (int i = 0; input.nthStream(AVMEDIA_TYPE_AUDIO, i) >= 0; ++i)
        audioStreams.push_back(input.nthStream(AVMEDIA_TYPE_AUDIO, i));
    if (videoStream < 0 && audioStreams.empty())
        media::fail(errc::kMediaUnsupported, path, "no video or audio stream in the file");

    if (videoStream >= 0 && !avcodec_find_decoder(input->streams[videoStream]->codecpar->codec_id))
        media::fail(errc::kMediaUnsupported, path,
                    std::string("no decoder for the video codec ") +
                        avcodec_get_name(input->streams[videoStream]->codecpar->codec_id));
    const media::PacketIndex index = media::scanPackets(input, videoStream, audioStreams);
    MediaInfo info;
    info.path = path;
    info.container = input->iformat->name;
    if (videoStream >= 0)
        info.video = media::describeVideo(input->streams[videoStream], index.video);
    for (int s : audioStreams)
        info.audio.push_back(media::describeAudio(input->streams[s], index.audio.at(s)));

    if (input->duration != AV_NOPTS_VALUE && input->duration > 0)
        info.durationSeconds = static_cast<double>(input->duration) / AV_TIME_BASE;
    if (info.video)
        info.durationSeconds = std::max(info.durationSeconds, info.video->durationSeconds);
    for (const auto& a : info.audio)
        info.durationSeconds = std::max(info.durationSeconds, a.durationSeconds);
    return info;
}

} // namespace entropic::engine
