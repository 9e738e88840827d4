#include "entropic/engine/render/timeline_renderer.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "entropic/engine/error.h"
#include "entropic/engine/media/scrub_proxy.h"
#include "entropic/engine/media/video_decoder.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/clip_chain.h"
#include "entropic/engine/render/signal_runtime.h"
#include "frame_scaler.h"
#include "layer_composite.h"

namespace entropic::engine {

struct TimelineRenderer::ClipSlot {
    std::string chainKey; // what the chain's output depends on besides the frame
    std::string sourcePath;
    std::int64_t in = 0;
    std::unique_ptr<VideoDecoder> decoder;
    FileVersion version;        // of the file when the decoder opened it
    bool motionVectors = false; // the decoder exports them
    // Proxy renderers: the clip's scrub proxy instead of the decoder.
    std::shared_ptr<ScrubProxy> proxy;
    DecodedFrame proxyFrame; // the proxy frame at the clip's fit
    std::int64_t proxyIndex = -1;
    int fitW = 0, fitH = 0;
    std::unique_ptr<FrameScaler> proxyScaler;
    std::unique_ptr<ClipChain> chain;
    bool stale = false; // the chain's effects changed: reconfigure before use
    fx::Frame canvas;
    std::vector<fx::MotionVector> motion;
    bool used = false;
    std::uint64_t shownAt = 0; // the render() that last showed the clip
};

namespace {

// Fits a w×h picture into a W×H canvas, keeping its aspect.
void fitInto(int w, int h, int canvasW, int canvasH, int& fitW, int& fitH) {
    if (static_cast<long long>(w) * canvasH > static_cast<long long>(h) * canvasW) {
        fitW = canvasW;
        fitH = static_cast<int>(std::lround(static_cast<double>(canvasW) * h / w));
    } else {
        fitH = canvasH;
        fitW = static_cast<int>(std::lround(static_cast<double>(canvasH) * w / h));
    }
    fitW = std::clamp(fitW, 1, canvasW);
    fitH = std::clamp(fitH, 1, canvasH);
}

} // namespace

namespace {
// The file's version, or none when it cannot be read (the decoder says why).
FileVersion versionOf(const std::string& path) {
    try {
        return fileVersion(path);
    } catch (const std::exception&) {
        return {};
    }
}
} // namespace

void scaledSize(const Project& project, double scale, int& width, int& height) {
    scale = std::clamp(scale, 0.01, 1.0);
    width = std::max(1, static_cast<int>(std::lround(project.width * scale)));
    height = std::max(1, static_cast<int>(std::lround(project.height * scale)));
}

TimelineRenderer::TimelineRenderer(ProjectSnapshot project, int threads,
                                   std::shared_ptr<AnalysisStore> analysis)
    : project_(std::move(project)),
      analysis_(analysis ? std::move(analysis) : AnalysisStore::shared()),
      signalsKey_(signalsKey(*project_)),
      signals_(std::make_unique<SignalRuntime>(project_, analysis_)), rows_(threads) {}

TimelineRenderer::~TimelineRenderer() = default;

// What the chain's output depends on besides the frame: for a modulated clip
// also where it sits (its parameters follow timeline frames) and the signals.
std::string TimelineRenderer::chainKeyOf(const Clip& clip) const {
    auto doc = clipToJson(clip, TrackKind::Video);
    std::string key = doc["source"].dump() + doc["in"].dump() + doc["effects"].dump();
    if (clipIsModulated(*project_, clip)) key += "@" + std::to_string(clip.start) + signalsKey_;
    return key;
}

void TimelineRenderer::setProject(ProjectSnapshot project) {
    project_ = std::move(project);
    // Equal keys give equal values: the evaluator's series stay valid (and an
    // empty key moves nothing, whatever runtime answers).
    if (auto key = signalsKey(*project_); key != signalsKey_) {
        signalsKey_ = std::move(key);
        signals_ = std::make_unique<SignalRuntime>(project_, analysis_);
    }
    for (auto& [id, slot] : slots_)
        slot->used = false;
    for (const auto& track : project_->tracks)
        for (const auto& clip : track.clips) {
            auto it = slots_.find(clip.id);
            if (it == slots_.end()) continue;
            it->second->used = true;
            if (it->second->sourcePath != clip.sourcePath ||
                (it->second->decoder && versionOf(clip.sourcePath) != it->second->version)) {
                // Another file, or the same file changed on disk: its old
                // pictures must not be shown.
                it->second->decoder.reset();
                it->second->chain.reset();
            } else if (it->second->chainKey != chainKeyOf(clip)) {
                it->second->stale = true;
            }
        }
    std::erase_if(slots_, [](const auto& entry) { return !entry.second->used; });
}

TimelineRenderer::ClipSlot& TimelineRenderer::slotFor(const Clip& clip) {
    auto& slot = slots_[clip.id];
    if (!slot) slot = std::make_unique<ClipSlot>();
    const bool needsMotion =
        std::any_of(clip.effects.begin(), clip.effects.end(), [](const fx::EffectInstance& e) {
            return e.enabled && e.descriptor->needsMotionVectors;
        });
    if (proxies_) {
        auto proxy = proxies_(clip.sourcePath);
        if (!proxy) throw NoScrubProxy("no scrub proxy yet for " + clip.sourcePath);
        if (proxy != slot->proxy) {
            slot->proxy = std::move(proxy);
            slot->proxyIndex = -1;
            slot->chain.reset();
        }
        slot->sourcePath = clip.sourcePath;
    } else if (!slot->decoder || slot->sourcePath != clip.sourcePath ||
               slot->motionVectors != needsMotion) {
        DecoderOptions options;
        options.exportMotionVectors = needsMotion;
        slot->motionVectors = needsMotion;
        slot->decoder = std::make_unique<VideoDecoder>(clip.sourcePath, options);
        slot->version = versionOf(clip.sourcePath);
        slot->decoder->setReadAhead(readAhead_);
        slot->sourcePath = clip.sourcePath;
        slot->chain.reset();
    }
    if (!slot->chain || slot->stale) {
        slot->stale = false;
        slot->chainKey = chainKeyOf(clip);
        slot->in = clip.in;
        ClipChain::ParamResolver resolver;
        if (clipIsModulated(*project_, clip)) {
            std::vector<std::optional<std::size_t>> moved;
            for (const auto& e : clip.effects)
                moved.push_back(signals_->movedEffect(e.instanceId));
            // Reads signals_ when called: the chain is rebuilt whenever the
            // runtime's key changes, so the indices stay those of its graph.
            resolver = [this, start = clip.start, moved](std::size_t i, std::int64_t k,
                                                         fx::EffectInstance& instance) {
                if (moved[i])
                    signals_->resolve(*moved[i], start + k, instance.params, &instance.mix);
            };
        }
        const int num = static_cast<int>(project_->frameRate.num),
                  den = static_cast<int>(project_->frameRate.den);
        if (slot->chain)
            slot->chain->reconfigure(clip.effects, project_->id, num, den, std::move(resolver));
        else
            slot->chain = std::make_unique<ClipChain>(clip.effects, project_->id, num, den, &rows_,
                                                      std::move(resolver));
    }
    return *slot;
}

namespace {
// The clip a video track shows on a timeline frame, if any.
const Clip* visibleClip(const Track& track, std::int64_t frame) {
    if (track.kind != TrackKind::Video || track.muted || track.opacity <= 0) return nullptr;
    const auto it = std::find_if(track.clips.begin(), track.clips.end(),
                                 [&](const Clip& c) { return c.enabled && c.covers(frame); });
    return it == track.clips.end() ? nullptr : &*it;
}
} // namespace

void TimelineRenderer::fitDecoder(ClipSlot& slot, int width, int height, int& fitW, int& fitH) {
    if (slot.proxy) {
        fitInto(slot.proxy->width(), slot.proxy->height(), width, height, fitW, fitH);
        if (fitW != slot.fitW || fitH != slot.fitH) slot.proxyIndex = -1;
        slot.fitW = fitW;
        slot.fitH = fitH;
        return;
    }
    const auto& info = slot.decoder->info();
    fitInto(info.width, info.height, width, height, fitW, fitH);
    slot.decoder->setOutputSize(fitW, fitH);
}

const DecodedFrame& TimelineRenderer::decodeAt(ClipSlot& slot, const Clip& clip, std::int64_t k) {
    const Project& p = *project_;
    const Rational t{(clip.in + k) * p.frameRate.den, p.frameRate.num};
    if (!slot.proxy) return slot.decoder->frame(slot.decoder->frameAt(t));
    const std::int64_t index = slot.proxy->frameAt(t);
    if (index == slot.proxyIndex) return slot.proxyFrame;
    const fx::Frame& small = slot.proxy->frame(index);
    if (small.width() == slot.fitW && small.height() == slot.fitH) {
        slot.proxyFrame.rgba.resize(small.width(), small.height());
        fx::copyPixels(small.view(), slot.proxyFrame.rgba.view());
    } else {
        slot.proxyScaler =
            std::make_unique<FrameScaler>(small.width(), small.height(), slot.fitW, slot.fitH);
        const fx::Frame& fitted = slot.proxyScaler->scale(small.view());
        slot.proxyFrame.rgba.resize(fitted.width(), fitted.height());
        fx::copyPixels(fitted.view(), slot.proxyFrame.rgba.view());
    }
    slot.proxyFrame.index = index;
    slot.proxyIndex = index;
    return slot.proxyFrame;
}

void TimelineRenderer::useProxies(ProxyLookup lookup) {
    proxies_ = std::move(lookup);
    slots_.clear();
}

void TimelineRenderer::setReadAhead(int frames) {
    if (frames == readAhead_) return;
    readAhead_ = frames;
    for (auto& [id, slot] : slots_)
        if (slot->decoder && slot->shownAt == renders_) slot->decoder->setReadAhead(frames);
}

void TimelineRenderer::follow(std::int64_t frame, double scale) {
    int width = 0, height = 0;
    scaledSize(*project_, scale, width, height);
    for (const auto& track : project_->tracks)
        if (const Clip* clip = visibleClip(track, frame)) {
            ClipSlot& slot = slotFor(*clip);
            int fitW = 0, fitH = 0;
            fitDecoder(slot, width, height, fitW, fitH);
            decodeAt(slot, *clip, frame - clip->start);
        }
}

const fx::Frame& TimelineRenderer::render(std::int64_t frame, double scale) {
    const auto started = std::chrono::steady_clock::now();
    const Project& p = *project_;
    int width = 0, height = 0;
    scaledSize(p, scale, width, height);
    const double renderScale = static_cast<double>(width) / p.width;

    const fx::Frame* single = nullptr; // a lone full-size opaque layer needs no composite
    int layers = 0;
    std::int64_t replayed = 0;
    for (const auto& track : p.tracks) {
        const Clip* visible = visibleClip(track, frame);
        if (!visible) continue;
        const Clip& clip = *visible;
        ClipSlot& slot = slotFor(clip);
        slot.shownAt = renders_ + 1;
        if (slot.decoder) slot.decoder->setReadAhead(readAhead_);

        int fitW = 0, fitH = 0;
        fitDecoder(slot, width, height, fitW, fitH);
        const int offsetX = (width - fitW) / 2, offsetY = (height - fitH) / 2;
        const bool fullFrame = fitW == width && fitH == height;

        auto source = [&](std::int64_t k) -> ChainInput {
            const DecodedFrame& decoded = decodeAt(slot, clip, k);
            if (fullFrame) return {&decoded.rgba, decoded.motion};
            slot.canvas.resize(width, height);
            slot.canvas.fill(0, 0, 0, 0);
            fx::FrameView dst = slot.canvas.view();
            dst.data = slot.canvas.data() + offsetY * dst.stride + offsetX * 4;
            dst.width = fitW;
            dst.height = fitH;
            fx::copyPixels(decoded.rgba.view(), dst);
            slot.motion = decoded.motion;
            for (auto& mv : slot.motion) {
                mv.srcX += offsetX;
                mv.dstX += offsetX;
                mv.srcY += offsetY;
                mv.dstY += offsetY;
            }
            return {&slot.canvas, slot.motion};
        };

        const std::int64_t before = slot.chain->replayedFrames();
        const fx::Frame& layer = slot.chain->render(frame - clip.start, source, renderScale);
        replayed += slot.chain->replayedFrames() - before;

        // The lowest layer has nothing beneath it to blend with (black is the
        // canvas, not a picture), so it always lays on normally.
        const fx::BlendMode mode = layers == 0 ? fx::BlendMode::Normal : track.blend;
        if (layers == 0 && fullFrame && track.opacity >= 1.0) {
            single = &layer;
        } else {
            if (layers == 0 || single) {
                output_.resize(width, height);
                output_.fill(0, 0, 0, 255);
                if (single)
                    compositeOver(output_.view(), single->view(), 1.0, fx::BlendMode::Normal,
                                  rows_);
                single = nullptr;
            }
            compositeOver(output_.view(), layer.view(), track.opacity, mode, rows_);
        }
        ++layers;
    }

    // Clips off screen read nothing ahead and hold no frames for it.
    ++renders_;
    for (auto& [id, slot] : slots_)
        if (slot->decoder && slot->shownAt != renders_) slot->decoder->setReadAhead(0);

    stats_.replayedFrames = replayed;
    stats_.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    if (single) return *single;
    if (layers == 0) {
        output_.resize(width, height);
        output_.fill(0, 0, 0, 255);
    }
    return output_;
}

} // namespace entropic::engine
