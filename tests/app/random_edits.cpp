#include "random_edits.h"

#include <vector>

#include "commands/edits.h"
#include "entropic/effects/registry.h"

namespace entropic::app::test {

std::uint64_t TestRng::next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::int64_t TestRng::range(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
}

namespace {

struct ClipPick {
    QString track;
    QString id;
    const engine::Clip* clip = nullptr;
    bool video = true;
};

QString anyTrack(const ProjectDocument& doc, TestRng& rng) {
    const auto& tracks = doc.project().tracks;
    if (tracks.empty()) return QStringLiteral("V1");
    return QString::fromStdString(
        tracks[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(tracks.size()) - 1))]
            .id);
}

ClipPick anyClip(const ProjectDocument& doc, TestRng& rng) {
    std::vector<ClipPick> all;
    for (const auto& t : doc.project().tracks)
        for (const auto& c : t.clips)
            all.push_back({QString::fromStdString(t.id), QString::fromStdString(c.id), &c,
                           t.kind == engine::TrackKind::Video});
    if (all.empty()) return {};
    return all[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(all.size()) - 1))];
}

QString anyEffect(const ClipPick& c, TestRng& rng) {
    if (!c.clip || c.clip->effects.empty()) return QStringLiteral("fx-none");
    const auto& e = c.clip->effects;
    return QString::fromStdString(
        e[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(e.size()) - 1))]
            .instanceId);
}

} // namespace

bool randomEdit(ProjectDocument& doc, TestRng& rng, EditStats& stats) {
    ++stats.attempts;
    int changes = 0; // refused and no-op edits change nothing and say nothing
    const auto connection = QObject::connect(&doc, &ProjectDocument::changed, [&] { ++changes; });
    bool critical = false;
    bool ok = false;
    const ClipPick c = anyClip(doc, rng);
    const auto frame = [&] { return rng.range(0, 400); };
    switch (rng.range(0, 35)) {
    case 0:
        ok = edits::addTrack(doc,
                             rng.chance(60) ? engine::TrackKind::Video : engine::TrackKind::Audio);
        break;
    case 1:
        if (rng.chance(30)) ok = critical = edits::removeTrack(doc, anyTrack(doc, rng));
        break;
    case 2:
        ok =
            edits::renameTrack(doc, anyTrack(doc, rng), QStringLiteral("T%1").arg(rng.range(0, 9)));
        break;
    case 3:
        ok = edits::setTrackMuted(doc, anyTrack(doc, rng), rng.chance(50));
        break;
    case 4:
        ok = edits::setTrackLocked(doc, anyTrack(doc, rng), rng.chance(20));
        break;
    case 5:
        ok = edits::setTrackSolo(doc, anyTrack(doc, rng), rng.chance(50));
        break;
    case 6:
    case 7: {
        const auto in = rng.range(0, 50);
        ok = edits::addClip(doc, anyTrack(doc, rng),
                            QStringLiteral("media/m%1.mp4").arg(rng.range(0, 4)), frame(), in,
                            in + rng.range(1, 60));
        break;
    }
    case 8:
    case 9:
        ok = edits::moveClip(doc, c.id, rng.chance(70) ? c.track : anyTrack(doc, rng), frame());
        break;
    case 10:
        if (c.clip)
            ok = edits::trimClip(doc, c.id,
                                 rng.chance(50) ? edits::ClipEdge::Left : edits::ClipEdge::Right,
                                 c.clip->start + rng.range(-20, c.clip->length() + 20));
        break;
    case 11:
        if (c.clip)
            ok = edits::splitClip(doc, c.id, c.clip->start + rng.range(0, c.clip->length()));
        break;
    case 12:
        ok = edits::deleteClips(doc, {c.id, anyClip(doc, rng).id});
        break;
    case 13:
        ok = edits::rippleDeleteClips(doc, {c.id});
        break;
    case 14:
        ok = edits::pasteClips(doc, edits::copyClips(doc, {c.id}), frame());
        break;
    case 15:
        ok = edits::setInPoint(doc, rng.chance(80) ? std::optional<std::int64_t>(frame())
                                                   : std::nullopt);
        break;
    case 16:
        ok = edits::setOutPoint(doc, rng.chance(80) ? std::optional<std::int64_t>(frame() + 1)
                                                    : std::nullopt);
        break;
    case 17:
        ok = edits::addMarker(doc, frame(), QStringLiteral("m%1").arg(rng.range(0, 99)));
        break;
    case 18: {
        const auto n = static_cast<std::int64_t>(doc.editorState().markers.size());
        if (rng.chance(50))
            ok = edits::renameMarker(doc, static_cast<int>(rng.range(0, n)), QStringLiteral("r"));
        else
            ok = edits::deleteMarker(doc, static_cast<int>(rng.range(0, n)));
        break;
    }
    case 19:
    case 20: {
        const auto& all = fx::EffectRegistry::builtin().all();
        const auto* d =
            all[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(all.size()) - 1))];
        ok = edits::addEffect(doc, c.id, QString::fromStdString(d->id),
                              static_cast<int>(rng.range(-1, 3)));
        break;
    }
    case 21:
        ok = edits::removeEffect(doc, c.id, anyEffect(c, rng));
        break;
    case 22:
        ok = edits::duplicateEffect(doc, c.id, anyEffect(c, rng));
        break;
    case 23:
        ok = edits::moveEffect(doc, c.id, anyEffect(c, rng), static_cast<int>(rng.range(0, 3)));
        break;
    case 24:
        ok = edits::setEffectEnabled(doc, c.id, anyEffect(c, rng), rng.chance(50));
        break;
    case 25:
        ok = edits::setEffectMix(doc, c.id, anyEffect(c, rng),
                                 static_cast<double>(rng.range(0, 100)) / 100.0);
        break;
    case 26: {
        fx::MaskSpec m;
        m.shape = static_cast<fx::MaskShape>(rng.range(0, 3));
        m.x = static_cast<double>(rng.range(0, 50)) / 100.0;
        m.feather = static_cast<double>(rng.range(0, 10)) / 10.0;
        ok = edits::setEffectMask(doc, c.id, anyEffect(c, rng), m);
        break;
    }
    case 27:
        ok = edits::setEffectSeed(doc, c.id, anyEffect(c, rng), rng.next() >> 12);
        break;
    case 28: {
        // A short knob drag on the instance's first parameter.
        const QString fxId = anyEffect(c, rng);
        if (!c.clip || c.clip->effects.empty()) break;
        const auto* e = &c.clip->effects.front();
        for (const auto& candidate : c.clip->effects)
            if (QString::fromStdString(candidate.instanceId) == fxId) e = &candidate;
        const auto& spec = e->descriptor->params.front();
        const std::string key = spec.key;
        const double lo = spec.min, hi = spec.max;
        const int gesture = edits::newGestureId();
        const int steps = static_cast<int>(rng.range(1, 5));
        for (int i = 0; i < steps; ++i) {
            const double v = lo + (hi - lo) * static_cast<double>(rng.range(0, 1000)) / 1000.0;
            ok = edits::setParameter(doc, c.id, fxId, QString::fromStdString(key), {v, v, v, 1},
                                     nullptr, gesture) ||
                 ok;
        }
        break;
    }
    case 29:
        if (rng.chance(10)) ok = critical = edits::clearTimeline(doc);
        break;
    // The signal part: operators, routes and keyframes on whatever effects
    // exist, so deleting clips and effects under them is exercised too.
    case 30:
        ok = edits::addOperator(doc, rng.chance(70) ? "mod.lfo" : "mod.envelope");
        break;
    case 31:
    case 32: {
        const auto& ops = doc.project().signals.operators;
        if (ops.empty() || !c.clip || c.clip->effects.empty()) break;
        const auto& node =
            ops[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(ops.size()) - 1))];
        const auto& e = c.clip->effects[static_cast<std::size_t>(
            rng.range(0, static_cast<std::int64_t>(c.clip->effects.size()) - 1))];
        const sig::ParamTarget target{e.instanceId, e.descriptor->params.front().key, 0};
        if (rng.chance(50)) {
            sig::RouteSpec route;
            route.signal = node.id;
            route.target = target;
            route.depth = static_cast<double>(rng.range(-100, 100)) / 100.0;
            ok = edits::addRoute(doc, route);
        } else {
            const int gesture = rng.chance(50) ? edits::newGestureId() : 0;
            for (int i = 0, n = static_cast<int>(rng.range(1, 3)); i < n; ++i)
                ok = edits::setKeyframe(doc, target, frame(),
                                        static_cast<double>(rng.range(0, 100)) / 100.0,
                                        std::nullopt, nullptr, gesture) ||
                     ok;
        }
        break;
    }
    case 33: {
        const auto& spec = doc.project().signals;
        if (!spec.operators.empty() && rng.chance(50))
            ok = edits::removeSignalNode(doc, QString::fromStdString(spec.operators.front().id));
        else if (!spec.routes.empty())
            ok = edits::removeRoute(doc, QString::fromStdString(spec.routes.back().id));
        break;
    }
    case 34: {
        const auto& ops = doc.project().signals.operators;
        if (ops.empty()) break;
        const QString id = QString::fromStdString(ops.back().id);
        const int gesture = edits::newGestureId();
        for (int i = 0, n = static_cast<int>(rng.range(1, 4)); i < n; ++i)
            ok = edits::setOperatorParam(doc, id, "depth",
                                         static_cast<double>(rng.range(0, 100)) / 100.0, nullptr,
                                         gesture) ||
                 ok;
        break;
    }
    case 35: {
        const auto& lanes = doc.project().signals.lanes;
        if (lanes.empty()) break;
        const auto& lane = lanes.front();
        if (rng.chance(50))
            ok = edits::removeKeyframe(doc, lane.target, lane.keys.front().frame);
        else
            ok = edits::setKeyframeInterpolation(doc, lane.target, lane.keys.back().frame,
                                                 static_cast<sig::Interpolation>(rng.range(0, 4)));
        break;
    }
    }
    QObject::disconnect(connection);
    if (critical && changes > 0) ++stats.critical;
    return ok && changes > 0;
}

} // namespace entropic::app::test
