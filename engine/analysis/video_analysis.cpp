#include "video_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>

#include "entropic/engine/error.h"
#include "entropic/engine/media/video_decoder.h"

namespace entropic::engine {
namespace {

// Frames measured between two writes of a growing video analysis: playback
// extends it a frame at a time, and rewriting the file each frame would cost
// more than measuring.
constexpr std::size_t kVideoSaveEvery = 256;

struct VideoFeatureName {
    sig::SourceKind kind;
    const char* name;
    double sig::VideoFrameFeatures::*field;
};
constexpr VideoFeatureName kVideoFeatures[] = {
    {sig::SourceKind::VideoLuma, "luma", &sig::VideoFrameFeatures::luma},
    {sig::SourceKind::VideoMotion, "motion", &sig::VideoFrameFeatures::motion},
    {sig::SourceKind::VideoRed, "red", &sig::VideoFrameFeatures::red},
    {sig::SourceKind::VideoGreen, "green", &sig::VideoFrameFeatures::green},
    {sig::SourceKind::VideoBlue, "blue", &sig::VideoFrameFeatures::blue},
    {sig::SourceKind::VideoHue, "hue", &sig::VideoFrameFeatures::hue},
    {sig::SourceKind::VideoSaturation, "saturation", &sig::VideoFrameFeatures::saturation},
    {sig::SourceKind::VideoEdges, "edges", &sig::VideoFrameFeatures::edges},
};

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", v);
    return text;
}

} // namespace

std::string VideoAnalysis::settings(const VideoAnalysisKey& key) {
    std::string s = "video v1 rate=" + std::to_string(key.rate.num) + "/" +
                    std::to_string(key.rate.den) + " width=" + std::to_string(kVideoAnalysisWidth);
    if (key.region)
        s += " region=" + number(key.region->x) + "," + number(key.region->y) + "," +
             number(key.region->w) + "," + number(key.region->h);
    return s;
}

VideoAnalysis::VideoAnalysis(VideoAnalysisKey key, std::string identity,
                             std::filesystem::path cacheDir, std::atomic<std::int64_t>& measured)
    : key_(std::move(key)), measured_(measured),
      disk_(std::move(cacheDir), std::move(identity), settings(key_)) {}

VideoAnalysis::~VideoAnalysis() = default;

void VideoAnalysis::load() {
    if (loaded_) return;
    loaded_ = true;
    const auto cached = disk_.read();
    if (!cached) return;
    const auto& series = cached->series;
    const auto luma = series.find("luma");
    const std::size_t n = luma == series.end() ? 0 : luma->second.size();
    for (const auto& f : kVideoFeatures) {
        const auto it = series.find(f.name);
        if (it == series.end() || it->second.size() != n) return; // damaged: measured anew
    }
    frames_.resize(n);
    for (const auto& f : kVideoFeatures)
        for (std::size_t j = 0; j < n; ++j)
            frames_[j].*f.field = series.at(f.name)[j];
    saved_ = n;
    if (cached->length >= 0 && static_cast<std::int64_t>(n) >= cached->length)
        length_ = cached->length;
}

void VideoAnalysis::open(bool background) {
    // FFmpeg's decoding threads inherit the priority of the thread that
    // starts them. Opened by the niced background pass, the decoder decodes
    // on the calling thread alone, so a renderer continuing with it later
    // decodes at its own priority, not at the pass's.
    DecoderOptions options;
    options.threads = background ? 1 : 0;
    decoder_ = std::make_unique<VideoDecoder>(key_.path, options);
    const auto& info = decoder_->info();
    const int height = std::max(
        2, static_cast<int>(std::lround(double(kVideoAnalysisWidth) * info.height / info.width)));
    decoder_->setOutputSize(kVideoAnalysisWidth, height);
    length_ = decoder_->framesAtRate(key_.rate);
    analyzer_.emplace(key_.region);
    // Motion compares with the previous picture: measure it again when
    // continuing an analysis read from the disk cache (or one whose decoder
    // was let go).
    if (!frames_.empty()) {
        const Rational t{static_cast<std::int64_t>(frames_.size() - 1) * key_.rate.den,
                         key_.rate.num};
        analyzer_->push(decoder_->frame(decoder_->frameAt(t)).rgba.view());
    }
}

void VideoAnalysis::measureTo(std::size_t need, bool background) {
    const std::size_t before = frames_.size();
    if (before >= need) return;
    if (!decoder_) open(background);
    for (std::size_t j = before; j < need; ++j) {
        // The background pass yields to a renderer between two frames.
        if (background && j > before && lock_.onDemandWaiting()) break;
        // Source frame j is the picture on screen at j · den / num seconds,
        // exactly as TimelineRenderer decodes it.
        const Rational t{static_cast<std::int64_t>(j) * key_.rate.den, key_.rate.num};
        frames_.push_back(analyzer_->push(decoder_->frame(decoder_->frameAt(t)).rgba.view()));
    }
    const std::size_t end = frames_.size();
    measured_ += static_cast<std::int64_t>(end - before);
    const auto length = static_cast<std::size_t>(length_);
    const bool reachedEnd = before < length && end >= length;
    if (end >= saved_ + kVideoSaveEvery || reachedEnd) save();
    // The whole file is measured: the decoder's buffers and FFmpeg contexts
    // go. A clip running past the file's end reopens it once and keeps it.
    if (reachedEnd) close();
}

void VideoAnalysis::close() {
    analyzer_.reset();
    decoder_.reset();
}

void VideoAnalysis::save() {
    FeatureSeries series;
    for (const auto& f : kVideoFeatures) {
        auto& s = series[f.name];
        s.reserve(frames_.size());
        for (const auto& frame : frames_)
            s.push_back(frame.*f.field);
    }
    const bool whole = length_ >= 0 && static_cast<std::int64_t>(frames_.size()) >= length_;
    disk_.write(series, whole ? length_ : -1);
    saved_ = frames_.size();
}

void VideoAnalysis::read(sig::SourceKind kind, std::int64_t first, std::int64_t count,
                         double* out) {
    const auto feature = std::find_if(std::begin(kVideoFeatures), std::end(kVideoFeatures),
                                      [&](const VideoFeatureName& f) { return f.kind == kind; });
    if (feature == std::end(kVideoFeatures))
        throw EngineError(errc::kFailed, "video analysis: not a video feature");
    if (count <= 0) return;
    auto onDemand = lock_.onDemand();
    std::lock_guard lock(onDemand);
    load();
    measureTo(static_cast<std::size_t>(first + count), false);
    for (std::int64_t i = 0; i < count; ++i)
        out[i] = frames_[static_cast<std::size_t>(first + i)].*feature->field;
}

AnalysisExtent VideoAnalysis::extend(std::int64_t frames) {
    auto background = lock_.background();
    std::lock_guard lock(background);
    load();
    if (length_ < 0) {
        open(true); // learns the length
        // Asked only for the length (the pass opens every file first): no
        // decoder held per file of the project until its turn comes.
        if (frames <= 0) close();
    }
    const auto have = static_cast<std::int64_t>(frames_.size());
    measureTo(static_cast<std::size_t>(std::min(length_, have + std::max<std::int64_t>(0, frames))),
              true);
    return {std::min(static_cast<std::int64_t>(frames_.size()), length_), length_};
}

} // namespace entropic::engine
