// Routes to and from JSON. Processing stages at their defaults are left out
// of the file, and absent ones read as defaults (a pass-through).
#include "entropic/signal/error.h"
#include "entropic/signal/json.h"
#include "route/route_processor.h"
#include "json/fields.h"

namespace entropic::sig {
namespace {

using nlohmann::json;

json processingToJson(const RouteProcessing& p) {
    const RouteProcessing d;
    json out = json::object();
    if (p.threshold) out["threshold"] = *p.threshold;
    if (p.adsr)
        out["adsr"] = {{"attack_ms", p.adsr->attackMs},
                       {"decay_ms", p.adsr->decayMs},
                       {"sustain", p.adsr->sustain},
                       {"release_ms", p.adsr->releaseMs},
                       {"curve", p.adsr->curve}};
    if (p.slewRiseMs != d.slewRiseMs || p.slewFallMs != d.slewFallMs)
        out["slew"] = {{"rise_ms", p.slewRiseMs}, {"fall_ms", p.slewFallMs}};
    if (p.smoothMs != d.smoothMs) out["smooth_ms"] = p.smoothMs;
    if (p.quantize != d.quantize) out["quantize"] = p.quantize;
    if (p.invert) out["invert"] = true;
    if (p.scale != d.scale) out["scale"] = p.scale;
    if (p.offset != d.offset) out["offset"] = p.offset;
    return out;
}

RouteProcessing processingFromJson(const json& doc, const std::string& path) {
    const Fields f(doc, path);
    f.allowOnly(
        {"threshold", "adsr", "slew", "smooth_ms", "quantize", "invert", "scale", "offset"});
    RouteProcessing p;
    if (f.has("threshold")) p.threshold = f.number("threshold");
    if (const json* adsr = f.find("adsr")) {
        const Fields a(*adsr, f.field("adsr"));
        a.allowOnly({"attack_ms", "decay_ms", "sustain", "release_ms", "curve"});
        const AdsrSettings d;
        p.adsr = AdsrSettings{a.number("attack_ms", d.attackMs), a.number("decay_ms", d.decayMs),
                              a.number("sustain", d.sustain), a.number("release_ms", d.releaseMs),
                              a.number("curve", d.curve)};
    }
    if (const json* slew = f.find("slew")) {
        const Fields s(*slew, f.field("slew"));
        s.allowOnly({"rise_ms", "fall_ms"});
        p.slewRiseMs = s.number("rise_ms", 0);
        p.slewFallMs = s.number("fall_ms", 0);
    }
    p.smoothMs = f.number("smooth_ms", 0);
    const std::int64_t q = f.integer("quantize", 0);
    checkQuantizeLevels(f.field("quantize"), q);
    p.quantize = static_cast<int>(q);
    p.invert = f.boolean("invert", false);
    p.scale = f.number("scale", 1);
    p.offset = f.number("offset", 0);
    return p;
}

} // namespace

json toJson(const RouteSpec& r) {
    json out = {{"id", r.id},
                {"signal", r.signal},
                {"effect", r.target.effect},
                {"param", r.target.param},
                {"depth", r.depth},
                {"polarity", r.polarity == Polarity::Bipolar ? "bipolar" : "unipolar"},
                {"enabled", r.enabled}};
    if (r.target.component != 0) out["component"] = r.target.component;
    json processing = processingToJson(r.processing);
    if (!processing.empty()) out["processing"] = std::move(processing);
    return out;
}

RouteSpec routeFromJson(const json& doc, const std::string& path) {
    const Fields f(doc, path);
    f.allowOnly({"id", "signal", "effect", "param", "component", "depth", "polarity", "enabled",
                 "processing"});
    RouteSpec r;
    r.id = f.string("id");
    r.signal = f.string("signal");
    r.target.effect = f.string("effect");
    r.target.param = f.string("param");
    const std::int64_t component = f.integer("component", 0);
    if (component < 0 || component > 3)
        throw SignalError(errc::kOutOfRange, f.field("component") + ": expected 0..3, got " +
                                                 std::to_string(component));
    r.target.component = static_cast<int>(component);
    r.depth = f.number("depth");
    const std::string polarity = f.string("polarity", "unipolar");
    if (polarity == "bipolar")
        r.polarity = Polarity::Bipolar;
    else if (polarity != "unipolar")
        throw SignalError(errc::kOutOfRange, f.field("polarity") +
                                                 ": expected \"unipolar\" or \"bipolar\", got \"" +
                                                 polarity + "\"");
    r.enabled = f.boolean("enabled", true);
    if (const json* p = f.find("processing"))
        r.processing = processingFromJson(*p, f.field("processing"));
    return r;
}

} // namespace entropic::sig
