// play, clock, stop: frames streamed into the ring while the editor plays.
#include <cmath>

#include "engine_session.h"
#include "entropic/engine/error.h"

namespace entropic::engine {

namespace {

// Rational seconds on the wire, timeline frames (fractional) inside.
double positionField(const JsonFields& f, const Project& project) {
    const JsonFields t(f.object("time"), "time",
                       FieldErrorCodes{errc::kMissingField, errc::kWrongType, errc::kOutOfRange});
    const std::int64_t num = t.integer("num", -(std::int64_t{1} << 50), std::int64_t{1} << 50);
    const std::int64_t den = t.integer("den", 1, 1000000000);
    return static_cast<double>(num) / static_cast<double>(den) * project.frameRate.toDouble();
}

std::uint32_t sessionField(const JsonFields& f) {
    return static_cast<std::uint32_t>(f.integer("session", 1, 0xffffffffLL));
}

} // namespace

void handlePlay(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const ProjectSnapshot project = s.project.required();
    PlayStart start;
    start.session = sessionField(f);
    start.position = positionField(f, *project);
    start.rate = f.number("rate", -16.0, 16.0, 1.0);
    if (std::abs(start.rate) < 1.0 / 64)
        f.failRange("rate", "a play rate must not be 0 (send stop to pause)");
    start.preroll = f.boolean("preroll", false);
    start.ahead = static_cast<int>(f.integer("ahead", 0, 64, 0));
    start.fps = project->frameRate.toDouble();
    start.frameCount = project->frameCount();
    if (f.has("loop")) {
        const JsonFields l(
            f.object("loop"), "loop",
            FieldErrorCodes{errc::kMissingField, errc::kWrongType, errc::kOutOfRange});
        PlayLoop loop;
        loop.first = l.integer("first", 0, std::int64_t{1} << 40);
        loop.end = l.integer("end", loop.first + 1, std::int64_t{1} << 40);
        start.loop = loop;
    }
    s.render.play(start);
    reply.ok({{"session", start.session}, {"frames", start.frameCount}});
}

void handleClock(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const ProjectSnapshot project = s.project.required();
    const std::uint32_t session = sessionField(f);
    const double position = positionField(f, *project);
    const bool current = s.render.updateClock(session, position);
    nlohmann::json stats = s.render.playStats().toJson();
    stats["current"] = current;
    reply.ok(std::move(stats));
}

void handleStop(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const std::uint32_t session =
        f.has("session") ? sessionField(f) : 0; // no session: whatever is playing
    reply.ok(s.render.stop(session).toJson());
}

} // namespace entropic::engine
