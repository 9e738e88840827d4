#include "entropic/engine/render/audio_mixer.h"

#include <algorithm>
#include <cmath>

#include "entropic/engine/error.h"
#include "entropic/engine/media/audio_decoder.h"

namespace entropic::engine {

AudioMixer::AudioMixer(ProjectSnapshot project) : project_(std::move(project)) {
    anySolo_ = std::any_of(project_->tracks.begin(), project_->tracks.end(),
                           [](const Track& t) { return t.solo; });
}

bool AudioMixer::audible(const Track& track) const {
    return !track.muted && (!anySolo_ || track.solo);
}

AudioMixer::~AudioMixer() = default;

std::int64_t AudioMixer::sampleAtFrame(std::int64_t frame) const {
    const auto& r = project_->frameRate;
    return frame * project_->sampleRate * r.den / r.num;
}

AudioDecoder* AudioMixer::decoderFor(const Clip& clip) {
    auto it = decoders_.find(clip.id);
    if (it != decoders_.end()) return it->second.get();
    std::unique_ptr<AudioDecoder> decoder;
    try {
        decoder = std::make_unique<AudioDecoder>(clip.sourcePath, project_->sampleRate, kChannels);
    } catch (const EngineError& e) {
        // A clip without sound is silent; any other failure is the user's to know.
        if (e.code() != errc::kMediaUnsupported) throw;
    }
    return decoders_.emplace(clip.id, std::move(decoder)).first->second.get();
}

bool AudioMixer::heard(const Clip& clip) {
    return clip.enabled && !clip.soundMuted;
}

bool AudioMixer::hasSound() {
    for (const auto& track : project_->tracks)
        for (const auto& clip : track.clips)
            if (heard(clip) && decoderFor(clip)) return true;
    return false;
}

void AudioMixer::mix(std::int64_t start, std::int64_t count, float* out) {
    std::fill(out, out + count * kChannels, 0.0f);
    const std::int64_t end = start + count;
    for (const auto& track : project_->tracks) {
        if (!audible(track)) continue;
        for (const auto& clip : track.clips) {
            if (!heard(clip)) continue;
            const std::int64_t clipStart = sampleAtFrame(clip.start);
            const std::int64_t clipEnd = sampleAtFrame(clip.end());
            const std::int64_t from = std::max(start, clipStart), to = std::min(end, clipEnd);
            if (from >= to) continue;
            AudioDecoder* decoder = decoderFor(clip);
            if (!decoder) continue;
            const std::int64_t sourceStart = sampleAtFrame(clip.in) + (from - clipStart);
            const std::int64_t n = to - from;
            scratch_.resize(static_cast<std::size_t>(n * kChannels));
            decoder->read(sourceStart, n, scratch_.data());
            const auto gain =
                static_cast<float>(std::pow(10.0, (clip.gainDb + track.volumeDb) / 20.0));
            float* dst = out + (from - start) * kChannels;
            for (std::int64_t i = 0; i < n * kChannels; ++i)
                dst[i] += scratch_[i] * gain;
        }
    }
}

} // namespace entropic::engine
