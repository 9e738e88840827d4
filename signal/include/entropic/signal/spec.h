#pragma once
// The signal part of a project, as plain values: sources, operators, routes
// and automation lanes (docs/signals.md). This is what the project file
// stores (json.h) and what compileGraph() validates; nothing here is checked
// until then.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entropic::sig {

// What a source node measures. Video kinds are measured on a clip's frames,
// audio kinds on decoded sound, Gate on performance events (extract/*.h). The
// engine supplies each source's series; the graph only names what it needs.
enum class SourceKind {
    VideoLuma,
    VideoMotion,
    VideoRed,
    VideoGreen,
    VideoBlue,
    VideoHue,
    VideoSaturation,
    VideoEdges,
    AudioRms,
    AudioPeak,
    AudioBand,
    AudioOnset,
    Gate,
};

// "video.luma", "audio.band", "gate", …: the names stored in projects.
std::string_view sourceKindName(SourceKind kind);
std::optional<SourceKind> sourceKindFromName(std::string_view name);
bool isVideoSource(SourceKind kind);
bool isAudioSource(SourceKind kind);
// Every kind, in declaration order (for pickers and error messages).
const std::vector<SourceKind>& allSourceKinds();

// A rectangle in normalised frame units (0..1), like effect masks: a pixel
// belongs to it when its centre lies inside.
struct Region {
    double x = 0, y = 0, w = 1, h = 1;
    friend bool operator==(const Region&, const Region&) = default;
};

struct SourceSpec {
    std::string id;   // node id, unique among sources and operators
    std::string name; // shown in the editor; may be empty
    SourceKind kind = SourceKind::AudioRms;
    std::string media;            // what it measures (a clip or track id): the engine's business
    std::optional<Region> region; // video kinds: measure only inside it
    double bandLowHz = 0;         // audio.band: the band, lowHz <= highHz
    double bandHighHz = 0;
    friend bool operator==(const SourceSpec&, const SourceSpec&) = default;
};

struct OperatorSpec {
    std::string id;                  // node id
    std::string name;                // shown in the editor; may be empty
    std::string op;                  // descriptor id, "mod.lfo"
    int version = 0;                 // 0: the newest registered version
    std::uint64_t seed = 0;          // user seed (random LFO shapes)
    std::vector<std::string> inputs; // node ids feeding it, in order
    std::map<std::string, double>
        params; // by key; enums as choice index, bools 0/1; absent = default
    friend bool operator==(const OperatorSpec&, const OperatorSpec&) = default;
};

// One component of one parameter of one effect instance.
struct ParamTarget {
    std::string effect; // effect instance id
    std::string param;  // parameter key
    int component = 0;  // 0 for numbers; 0..1 for points (x, y); 0..3 for colours (r, g, b, a)
    friend bool operator==(const ParamTarget&, const ParamTarget&) = default;
};

enum class Polarity {
    Unipolar, // the signal s adds depth · range · s
    Bipolar,  // adds depth · range · (s − 0.5): a 0..1 signal swings around the base
};

struct AdsrSettings {
    double attackMs = 10;
    double decayMs = 200;
    double sustain = 0.6; // 0..1
    double releaseMs = 300;
    double curve = 0; // -1..1; 0 linear, > 0 each stage moves fast first (docs/signals.md)
    friend bool operator==(const AdsrSettings&, const AdsrSettings&) = default;
};

// The fixed chain every route runs its signal through, in this order:
// threshold → ADSR → slew → smoothing → quantize → invert → scale/offset.
// Each stage at its default is an exact pass-through.
struct RouteProcessing {
    std::optional<double> threshold;  // s >= t → 1, else 0
    std::optional<AdsrSettings> adsr; // fired while the value entering it is >= 0.5
    double slewRiseMs = 0;            // time a full 0 → 1 rise takes at the fastest; 0 instant
    double slewFallMs = 0;
    double smoothMs = 0; // one-pole low-pass time constant; 0 off
    int quantize = 0;    // 0 off, else N >= 2 levels over 0..1
    bool invert = false; // s → 1 − s
    double scale = 1;    // s → s · scale + offset
    double offset = 0;
    friend bool operator==(const RouteProcessing&, const RouteProcessing&) = default;
};

struct RouteSpec {
    std::string id;     // unique among routes
    std::string signal; // node id
    ParamTarget target;
    double depth = 1; // -1..1: a fraction of the parameter's range (docs/signals.md)
    Polarity polarity = Polarity::Unipolar;
    RouteProcessing processing;
    bool enabled = true; // false: validated, contributes nothing
    friend bool operator==(const RouteSpec&, const RouteSpec&) = default;
};

// How a lane moves from a keyframe to the next one (stored on the earlier key).
enum class Interpolation { Hold, Linear, EaseIn, EaseOut, EaseInOut };
std::string_view interpolationName(Interpolation interp); // "hold", "linear", "ease_in", …
std::optional<Interpolation> interpolationFromName(std::string_view name);

struct Keyframe {
    std::int64_t frame = 0; // timeline frame
    double value = 0;       // in the parameter's own units
    Interpolation interp = Interpolation::Linear;
    friend bool operator==(const Keyframe&, const Keyframe&) = default;
};

struct AutomationLane {
    ParamTarget target;
    std::vector<Keyframe> keys; // strictly increasing frames
    friend bool operator==(const AutomationLane&, const AutomationLane&) = default;
};

struct SignalGraphSpec {
    std::vector<SourceSpec> sources;
    std::vector<OperatorSpec> operators;
    std::vector<RouteSpec> routes;
    std::vector<AutomationLane> lanes;
    friend bool operator==(const SignalGraphSpec&, const SignalGraphSpec&) = default;
};

} // namespace entropic::sig
