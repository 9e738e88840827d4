#include "entropic/engine/analysis/source_analysis.h"

namespace entropic::engine {

std::optional<SourceAnalysis> sourceAnalysis(const Project& project,
                                             const sig::SourceSpec& source) {
    if (source.kind == sig::SourceKind::Gate) return std::nullopt;
    for (const auto& track : project.tracks)
        for (const auto& clip : track.clips) {
            if (clip.id != source.media) continue;
            if (sig::isVideoSource(source.kind))
                return SourceAnalysis{
                    &clip, VideoAnalysisKey{clip.sourcePath, project.frameRate, source.region}};
            AudioAnalysisKey key{clip.sourcePath, project.frameRate, std::nullopt};
            if (source.kind == sig::SourceKind::AudioBand)
                key.band = sig::AudioBand{source.bandLowHz, source.bandHighHz};
            return SourceAnalysis{&clip, key};
        }
    return std::nullopt;
}

} // namespace entropic::engine
