// The names enums have in project files; they never change meaning.
#include <array>
#include <utility>

#include "entropic/signal/spec.h"

namespace entropic::sig {

namespace {
constexpr std::array<std::pair<SourceKind, std::string_view>, 13> kSourceNames{{
    {SourceKind::VideoLuma, "video.luma"},
    {SourceKind::VideoMotion, "video.motion"},
    {SourceKind::VideoRed, "video.red"},
    {SourceKind::VideoGreen, "video.green"},
    {SourceKind::VideoBlue, "video.blue"},
    {SourceKind::VideoHue, "video.hue"},
    {SourceKind::VideoSaturation, "video.saturation"},
    {SourceKind::VideoEdges, "video.edges"},
    {SourceKind::AudioRms, "audio.rms"},
    {SourceKind::AudioPeak, "audio.peak"},
    {SourceKind::AudioBand, "audio.band"},
    {SourceKind::AudioOnset, "audio.onset"},
    {SourceKind::Gate, "gate"},
}};

constexpr std::array<std::pair<Interpolation, std::string_view>, 5> kInterpNames{{
    {Interpolation::Hold, "hold"},
    {Interpolation::Linear, "linear"},
    {Interpolation::EaseIn, "ease_in"},
    {Interpolation::EaseOut, "ease_out"},
    {Interpolation::EaseInOut, "ease_in_out"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [k, name] : table)
        if (k == value) return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view name) {
    for (const auto& [k, n] : table)
        if (n == name) return k;
    return std::nullopt;
}
} // namespace

std::string_view sourceKindName(SourceKind kind) {
    return nameOf(kSourceNames, kind);
}

std::optional<SourceKind> sourceKindFromName(std::string_view name) {
    return valueOf(kSourceNames, name);
}

bool isVideoSource(SourceKind kind) {
    return kind >= SourceKind::VideoLuma && kind <= SourceKind::VideoEdges;
}

bool isAudioSource(SourceKind kind) {
    return kind >= SourceKind::AudioRms && kind <= SourceKind::AudioOnset;
}

const std::vector<SourceKind>& allSourceKinds() {
    static const std::vector<SourceKind> all = [] {
        std::vector<SourceKind> v;
        for (const auto& entry : kSourceNames)
            v.push_back(entry.first);
        return v;
    }();
    return all;
}

std::string_view interpolationName(Interpolation interp) {
    return nameOf(kInterpNames, interp);
}

std::optional<Interpolation> interpolationFromName(std::string_view name) {
    return valueOf(kInterpNames, name);
}

} // namespace entropic::sig
