// render_frame: a frame into the ring.
#include "engine_session.h"
#include "entropic/engine/error.h"

namespace entropic::engine {

void handleRenderFrame(EngineSession& s, const nlohmann::json& request, const Responder& reply) {
    const auto f = requestFields(request);
    const ProjectSnapshot project = s.project.required();
    RenderJob job{0, 1.0, reply};
    if (f.has("frame")) {
        job.frame = f.integer("frame", 0, std::int64_t{1} << 40);
    } else if (f.has("time")) {
        // Rational seconds: the frame on screen at that time.
        const JsonFields t(
            f.object("time"), "time",
            FieldErrorCodes{errc::kMissingField, errc::kWrongType, errc::kOutOfRange});
        const std::int64_t num = t.integer("num", 0, std::int64_t{1} << 40);
        const std::int64_t den = t.integer("den", 1, 1000000000);
        // floor(num/den · rate) in exact integers: split num/den into whole and rest so
        // no product exceeds 2^60 for the limits checked above.
        const auto& rate = project->frameRate;
        const std::int64_t whole = num / den, rest = num % den;
        job.frame = whole * rate.num / rate.den +
                    (rest * rate.num + (whole * rate.num % rate.den) * den) / (den * rate.den);
    } else {
        throw EngineError(errc::kMissingField, "give \"frame\" or \"time\"");
    }
    job.scale = f.number("scale", 0.05, 1.0, 1.0);
    job.proxy = f.boolean("proxy", false);
    s.render.submit(std::move(job));
}

} // namespace entropic::engine
