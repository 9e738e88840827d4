// JSON round trips and clear errors for malformed input.
#include <catch2/catch.hpp>

#include "entropic/signal/error.h"
#include "entropic/signal/json.h"

using namespace entropic::sig;
using nlohmann::json;

namespace {

SignalGraphSpec fullSpec() {
    SignalGraphSpec spec;
    spec.sources = {
        {.id = "kick",
         .name = "Kick",
         .kind = SourceKind::AudioBand,
         .media = "A1",
         .bandLowHz = 40,
         .bandHighHz = 120},
        {.id = "bright",
         .kind = SourceKind::VideoLuma,
         .media = "clip-1",
         .region = Region{0.1, 0.2, 0.5, 0.25}},
        {.id = "pads", .kind = SourceKind::Gate, .media = "P1"},
    };
    OperatorSpec lfo;
    lfo.id = "wobble";
    lfo.name = "Wobble";
    lfo.op = "mod.lfo";
    lfo.version = 1;
    lfo.seed = 18446744073709551615ULL; // the whole 64-bit range survives
    lfo.params = {{"shape", 5}, {"rate", 2.5}, {"sync", 1}};
    OperatorSpec env;
    env.id = "env";
    env.op = "mod.envelope";
    env.version = 1;
    env.inputs = {"pads"};
    env.params = {{"attack_ms", 12.5}, {"sustain", 0.25}};
    OperatorSpec fusion;
    fusion.id = "blend";
    fusion.op = "op.fusion";
    fusion.version = 1;
    fusion.inputs = {"wobble", "env", "kick"};
    fusion.params = {{"mode", 1}, {"weight_3", 2}};
    spec.operators = {lfo, env, fusion};

    RouteSpec plain;
    plain.id = "r1";
    plain.signal = "blend";
    plain.target = {"noise-1", "amount", 0};
    plain.depth = -0.35;
    RouteSpec busy;
    busy.id = "r2";
    busy.signal = "kick";
    busy.target = {"shift-1", "offset", 1};
    busy.depth = 0.9;
    busy.polarity = Polarity::Bipolar;
    busy.enabled = false;
    busy.processing.threshold = 0.4;
    busy.processing.adsr = AdsrSettings{5, 50, 0.3, 250, 0.5};
    busy.processing.slewRiseMs = 10;
    busy.processing.slewFallMs = 300;
    busy.processing.smoothMs = 40;
    busy.processing.quantize = 8;
    busy.processing.invert = true;
    busy.processing.scale = 2;
    busy.processing.offset = -0.5;
    spec.routes = {plain, busy};

    AutomationLane lane;
    lane.target = {"noise-1", "amount", 0};
    lane.keys = {{0, 0.1, Interpolation::Hold},
                 {48, 0.7, Interpolation::EaseInOut},
                 {96, 0.2, Interpolation::Linear}};
    AutomationLane colour;
    colour.target = {"tint-1", "color", 3};
    colour.keys = {{10, 1, Interpolation::EaseIn}, {20, 0, Interpolation::EaseOut}};
    spec.lanes = {lane, colour};
    return spec;
}

SignalError readError(const json& doc) {
    try {
        signalGraphFromJson(doc);
    } catch (const SignalError& e) {
        return e;
    }
    FAIL("accepted: " << doc.dump());
    return SignalError("", "");
}

} // namespace

TEST_CASE("The signal graph round-trips through JSON and text", "[signal][json]") {
    const SignalGraphSpec spec = fullSpec();
    const json doc = toJson(spec);
    CHECK(signalGraphFromJson(doc) == spec);
    CHECK(signalGraphFromJson(json::parse(doc.dump())) == spec);
    CHECK(toJson(signalGraphFromJson(doc)) == doc);
}

TEST_CASE("JSON shapes are readable", "[signal][json]") {
    const json doc = toJson(fullSpec());
    CHECK(doc["operators"][0]["params"]["shape"] == "Sample & hold");
    CHECK(doc["operators"][0]["params"]["sync"] == "Beats");
    CHECK(doc["operators"][0]["seed"] == 18446744073709551615ULL);
    CHECK(doc["sources"][0]["kind"] == "audio.band");
    CHECK(doc["sources"][0]["band"] == json::array({40.0, 120.0}));
    CHECK(doc["routes"][0].contains("processing") == false); // a pass-through writes nothing
    CHECK(doc["routes"][1]["processing"]["slew"]["fall_ms"] == 300.0);
    CHECK(doc["routes"][1]["polarity"] == "bipolar");
    CHECK(doc["automation"][0]["keys"][1]["interp"] == "ease_in_out");
    CHECK(doc["automation"][1]["component"] == 3);
}

TEST_CASE("Absent optional fields take their defaults", "[signal][json]") {
    const json doc = json::parse(R"({
      "sources": [{"id": "a", "kind": "audio.rms", "media": "A1"}],
      "operators": [{"id": "l", "op": "mod.lfo"}],
      "routes": [{"id": "r", "signal": "l", "effect": "e", "param": "p", "depth": 0.5}],
      "automation": [{"effect": "e", "param": "p", "keys": [{"frame": 3, "value": 1}]}]
    })");
    const SignalGraphSpec spec = signalGraphFromJson(doc);
    CHECK(spec.operators[0].version == 1); // the newest registered
    CHECK(spec.operators[0].params.empty());
    CHECK(spec.routes[0].enabled);
    CHECK(spec.routes[0].polarity == Polarity::Unipolar);
    CHECK(spec.routes[0].processing == RouteProcessing{});
    CHECK(spec.lanes[0].keys[0].interp == Interpolation::Linear);
    CHECK(signalGraphFromJson(json::object()) == SignalGraphSpec{});
}

TEST_CASE("Malformed JSON gets errors naming the field", "[signal][json]") {
    const json good = toJson(fullSpec());
    struct Case {
        const char* what;
        json::json_pointer at;
        json value;
        const char* code;
        const char* message;
    };
    const std::vector<Case> cases{
        {"depth not a number", json::json_pointer("/routes/0/depth"), "x", errc::kWrongType,
         "signals.routes[0].depth: expected a number, got \"x\""},
        {"unknown route field", json::json_pointer("/routes/0/dept"), 1, errc::kInvalid,
         "signals.routes[0].dept: unknown field"},
        {"unknown operator", json::json_pointer("/operators/1/op"), "mod.envelop",
         errc::kUnknownOperator, "signals.operators[1].op: unknown operator \"mod.envelop\""},
        {"unknown version", json::json_pointer("/operators/1/version"), 7, errc::kUnknownOperator,
         "version 7"},
        {"param out of range", json::json_pointer("/operators/0/params/rate"), 99,
         errc::kOutOfRange,
         "signals.operators[0].params.rate: expected a number in [0.01, 50], got 99"},
        {"unknown choice", json::json_pointer("/operators/0/params/shape"), "Wiggle",
         errc::kOutOfRange, "expected one of \"Sine\", \"Triangle\""},
        {"unknown param", json::json_pointer("/operators/0/params/speed"), 1,
         errc::kUnknownParameter,
         "signals.operators[0].params.speed: mod.lfo has no parameter \"speed\""},
        {"bool expected", json::json_pointer("/routes/1/enabled"), 1, errc::kWrongType,
         "signals.routes[1].enabled: expected true or false"},
        {"unknown source kind", json::json_pointer("/sources/1/kind"), "video.lumaa",
         errc::kOutOfRange, "signals.sources[1].kind: unknown source kind \"video.lumaa\""},
        {"band not a pair", json::json_pointer("/sources/0/band"), json::array({40}),
         errc::kWrongType, "signals.sources[0].band: expected [low Hz, high Hz]"},
        {"bad interpolation", json::json_pointer("/automation/0/keys/0/interp"), "cubic",
         errc::kOutOfRange, "signals.automation[0].keys[0].interp"},
        {"fractional frame", json::json_pointer("/automation/0/keys/1/frame"), 4.5,
         errc::kWrongType, "signals.automation[0].keys[1].frame: expected a whole number"},
        {"missing id", json::json_pointer("/routes/0/id"), nullptr, errc::kWrongType,
         "signals.routes[0].id: expected a non-empty string, got null"},
        {"quantize out of range", json::json_pointer("/routes/1/processing/quantize"), -3,
         errc::kOutOfRange, "signals.routes[1].processing.quantize"},
        // One level is refused on reading, as the graph compiler refuses it.
        {"quantize to one level", json::json_pointer("/routes/1/processing/quantize"), 1,
         errc::kOutOfRange,
         "signals.routes[1].processing.quantize: expected 0 (off) or 2..1024 levels, got 1"},
        {"quantize above 1024", json::json_pointer("/routes/1/processing/quantize"), 1025,
         errc::kOutOfRange, "signals.routes[1].processing.quantize"},
        {"adsr not an object", json::json_pointer("/routes/1/processing/adsr"), 3, errc::kWrongType,
         "signals.routes[1].processing.adsr: expected an object"},
        {"routes not an array", json::json_pointer("/routes"), json::object(), errc::kWrongType,
         "signals.routes: expected an array"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        json doc = good;
        doc[c.at] = c.value;
        const SignalError e = readError(doc);
        CHECK(e.code() == c.code);
        CHECK_THAT(e.what(), Catch::Contains(c.message));
    }
    json missing = good;
    missing["routes"][0].erase("signal");
    CHECK_THAT(readError(missing).what(), Catch::Contains("signals.routes[0].signal: missing"));
    CHECK(readError(json::array()).code() == errc::kWrongType);
}

TEST_CASE("Single items round-trip on their own", "[signal][json]") {
    const SignalGraphSpec spec = fullSpec();
    CHECK(sourceFromJson(toJson(spec.sources[1]), "s") == spec.sources[1]);
    CHECK(operatorFromJson(toJson(spec.operators[1]), "o") == spec.operators[1]);
    CHECK(routeFromJson(toJson(spec.routes[1]), "r") == spec.routes[1]);
    CHECK(laneFromJson(toJson(spec.lanes[0]), "l") == spec.lanes[0]);
}
