#include "entropic/engine/render/project_diff.h"

#include <algorithm>

#include "entropic/engine/render/signal_runtime.h"

namespace entropic::engine {
namespace {

// A video track that shows anything, and its clips by start.
struct VisibleTrack {
    double opacity = 1.0;
    fx::BlendMode blend = fx::BlendMode::Normal;
    std::vector<const Clip*> clips;
};

std::vector<VisibleTrack> visibleTracks(const Project& p) {
    std::vector<VisibleTrack> tracks;
    for (const auto& t : p.tracks) {
        // What TimelineRenderer::render skips contributes nothing to any frame.
        if (t.kind != TrackKind::Video || t.muted || t.opacity <= 0) continue;
        VisibleTrack v{t.opacity, t.blend, {}};
        for (const auto& c : t.clips)
            if (c.enabled) v.clips.push_back(&c); // a disabled clip shows nothing, as if absent
        std::sort(v.clips.begin(), v.clips.end(),
                  [](const Clip* a, const Clip* b) { return a->start < b->start; });
        tracks.push_back(std::move(v));
    }
    return tracks;
}

// The clip covering `frame` (clips on a track never overlap), or null.
const Clip* clipAt(const VisibleTrack& t, std::int64_t frame) {
    const auto it = std::upper_bound(t.clips.begin(), t.clips.end(), frame,
                                     [](std::int64_t f, const Clip* c) { return f < c->start; });
    if (it == t.clips.begin()) return nullptr;
    const Clip* c = *std::prev(it);
    return c->covers(frame) ? c : nullptr;
}

bool sameMask(const fx::MaskSpec& a, const fx::MaskSpec& b) {
    return a.shape == b.shape && a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h &&
           a.feather == b.feather && a.lumaLow == b.lumaLow && a.lumaHigh == b.lumaHigh &&
           a.softness == b.softness && a.invert == b.invert;
}

// Field by field: exact (clipToJson would round colours to 8 bits), and no allocation.
bool sameEffect(const fx::EffectInstance& a, const fx::EffectInstance& b) {
    if (a.descriptor != b.descriptor || a.instanceId != b.instanceId || a.mix != b.mix ||
        a.userSeed != b.userSeed || a.blend != b.blend || !sameMask(a.mask, b.mask) ||
        a.params.size() != b.params.size())
        return false;
    for (std::size_t i = 0; i < a.params.size(); ++i)
        if (a.params.at(i) != b.params.at(i)) return false;
    return true;
}

// The enabled effects of two chains, pairwise. A bypassed effect is skipped
// entirely (ClipChain: no step, no state, no history), so it is not compared.
bool sameEnabledEffects(const std::vector<fx::EffectInstance>& a,
                        const std::vector<fx::EffectInstance>& b) {
    auto ia = a.begin(), ib = b.begin();
    for (;;) {
        while (ia != a.end() && !ia->enabled)
            ++ia;
        while (ib != b.end() && !ib->enabled)
            ++ib;
        if (ia == a.end() || ib == b.end()) return ia == a.end() && ib == b.end();
        if (!sameEffect(*ia++, *ib++)) return false;
    }
}

// Whether the clip shows the same picture on every timeline frame both cover.
// Its frame at timeline t is source frame in + (t − start) through its chain
// at clip frame t − start: start, in, source and chain decide it; out only
// decides where it stops, and gain is sound.
bool samePicture(const Clip& a, const Clip& b) {
    return a.sourcePath == b.sourcePath && a.start == b.start && a.in == b.in &&
           sameEnabledEffects(a.effects, b.effects);
}

// The layer stacks of the two projects at `frame`, compared bottom to top.
bool sameStack(const std::vector<VisibleTrack>& before, const std::vector<VisibleTrack>& after,
               std::int64_t frame) {
    auto b = before.begin(), a = after.begin();
    for (;;) {
        const Clip *cb = nullptr, *ca = nullptr;
        while (b != before.end() && !(cb = clipAt(*b, frame)))
            ++b;
        while (a != after.end() && !(ca = clipAt(*a, frame)))
            ++a;
        if (!cb || !ca) return !cb && !ca;
        if (b->opacity != a->opacity || b->blend != a->blend || !samePicture(*cb, *ca))
            return false;
        ++b;
        ++a;
    }
}

} // namespace

std::vector<FrameRange> changedFrames(const Project& before, const Project& after) {
    if (before.id != after.id || before.seed != after.seed ||
        before.frameRate.num != after.frameRate.num ||
        before.frameRate.den != after.frameRate.den || before.width != after.width ||
        before.height != after.height)
        return {kAllFrames};

    const auto tracksBefore = visibleTracks(before), tracksAfter = visibleTracks(after);
    // Between two consecutive clip edges of either project every track shows
    // the same clip (or none) throughout, so one frame speaks for the interval.
    std::vector<std::int64_t> edges;
    for (const auto* tracks : {&tracksBefore, &tracksAfter})
        for (const auto& t : *tracks)
            for (const Clip* c : t.clips) {
                edges.push_back(c->start);
                edges.push_back(c->end());
            }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

    std::vector<FrameRange> changed;
    // A change of anything the resolved values depend on may move any
    // parameter on any frame of a clip they drive (signals are series from
    // frame 0: an edit at one frame reaches every later one), so those clips
    // go whole, as they were and as they are.
    if (signalsKey(before) != signalsKey(after))
        for (const Project* p : {&before, &after})
            for (const auto& t : p->tracks)
                for (const auto& c : t.clips)
                    if (t.kind == TrackKind::Video && clipIsModulated(*p, c))
                        changed.push_back({c.start, c.end()});
    for (std::size_t i = 0; i + 1 < edges.size(); ++i)
        if (!sameStack(tracksBefore, tracksAfter, edges[i]))
            changed.push_back({edges[i], edges[i + 1]});
    // Before the first edge and after the last no clip shows: black both times.
    return mergeRanges(std::move(changed));
}

} // namespace entropic::engine
