#include "entropic/engine/render/clip_chain.h"

namespace entropic::engine {

ClipChain::ClipChain(std::vector<fx::EffectInstance> effects, std::string projectId, int rateNum,
                     int rateDen, const fx::RowRunner* rows, ParamResolver resolver)
    : rows_(rows) {
    reconfigure(std::move(effects), std::move(projectId), rateNum, rateDen, std::move(resolver));
}

void ClipChain::reconfigure(std::vector<fx::EffectInstance> effects, std::string projectId,
                            int rateNum, int rateDen, ParamResolver resolver) {
    effects_ = std::move(effects);
    projectId_ = std::move(projectId);
    rateNum_ = rateNum;
    rateDen_ = rateDen;
    resolver_ = std::move(resolver);
    resolved_.clear();
    if (resolver_) resolved_ = effects_;
    std::int64_t history = 0;
    for (const auto& e : effects_)
        if (e.enabled && e.descriptor->temporal())
            history += std::max(1, e.descriptor->historyFrames);
    schedule_ = TemporalSchedule::forHistory(history);
    main_ = Lane{};
    shadow_ = Lane{};
    replayed_ = 0;
}

bool ClipChain::empty() const {
    for (const auto& e : effects_)
        if (e.enabled) return false;
    return true;
}

void ClipChain::resetLane(Lane& lane, std::int64_t anchor) {
    lane.states.clear();
    for (const auto& e : effects_)
        lane.states.push_back(e.enabled && e.descriptor->temporal() ? e.descriptor->makeState()
                                                                    : nullptr);
    lane.anchor = anchor;
    lane.next = anchor;
}

const fx::Frame& ClipChain::step(Lane& lane, std::int64_t k, const ChainInput& input) {
    fx::Frame* buffers = &lane == &shadow_ ? shadowBuffers_ : buffers_;
    fx::CallInfo call;
    call.projectId = projectId_;
    call.frameIndex = k;
    call.rateNum = rateNum_;
    call.rateDen = rateDen_;
    call.renderScale = scale_;
    call.motion = input.motion;
    call.rows = rows_;

    const fx::Frame* current = input.frame;
    int target = 0;
    for (std::size_t i = 0; i < effects_.size(); ++i) {
        const auto& effect = effects_[i];
        if (!effect.enabled) continue;
        const fx::EffectInstance* instance = &effect;
        if (resolver_) {
            resolved_[i].params = effect.params;
            resolved_[i].mix = effect.mix;
            resolver_(i, k, resolved_[i]);
            instance = &resolved_[i];
        }
        fx::Frame& out = buffers[target];
        out.resize(current->width(), current->height());
        fx::applyEffect(*instance, current->view(), out.view(), lane.states[i].get(), call);
        current = &out;
        target ^= 1;
    }
    lane.next = k + 1;
    return *current;
}

void ClipChain::feedShadow(std::int64_t k, const ChainInput& input) {
    // The shadow builds the state the next segment starts with, so crossing a
    // segment boundary in sequential play costs no replay.
    const std::int64_t shadowAnchor = schedule_.nextAnchor(k);
    if (k < shadowAnchor) return;
    if (shadow_.anchor != shadowAnchor) {
        if (k != shadowAnchor) return; // joined mid-window after a seek: the replay rule covers it
        resetLane(shadow_, shadowAnchor);
    }
    if (shadow_.next == k) step(shadow_, k, input);
}

const fx::Frame& ClipChain::render(std::int64_t n, const Source& source, double renderScale) {
    const ChainInput target = source(n);
    if (target.frame->width() != width_ || target.frame->height() != height_ ||
        renderScale != scale_) {
        width_ = target.frame->width();
        height_ = target.frame->height();
        scale_ = renderScale;
        main_ = Lane{};
        shadow_ = Lane{};
    }
    if (schedule_.stateless()) {
        if (!main_.valid()) resetLane(main_, 0);
        return step(main_, n, target);
    }

    const std::int64_t anchor = schedule_.anchor(n);
    if (main_.anchor != anchor || main_.next > n) {
        if (shadow_.anchor == anchor && shadow_.next <= n) {
            main_ = std::move(shadow_);
            shadow_ = Lane{};
        } else {
            resetLane(main_, anchor);
        }
    }
    const bool replays = main_.next < n;
    while (main_.next < n) {
        const std::int64_t k = main_.next;
        const ChainInput input = source(k);
        step(main_, k, input);
        feedShadow(k, input);
        ++replayed_;
    }
    // The replay may have asked the source for earlier frames: fetch n again.
    const ChainInput input = replays ? source(n) : target;
    const fx::Frame& out = step(main_, n, input);
    feedShadow(n, input);
    return out;
}

} // namespace entropic::engine
