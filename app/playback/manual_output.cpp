#include "playback/manual_output.h"

#include <algorithm>

namespace entropic::app {

ManualOutput::ManualOutput(int blockFrames, int latencyFrames)
    : blockFrames_(std::max(1, blockFrames)), latencyFrames_(std::max(0, latencyFrames)) {}

bool ManualOutput::open(int sampleRate, int channels, Pull pull, QString* error) {
    if (!checkAudioFormat(sampleRate, channels, error)) return false;
    sampleRate_ = sampleRate;
    channels_ = channels;
    pull_ = std::move(pull);
    block_.assign(static_cast<std::size_t>(blockFrames_) * static_cast<std::size_t>(channels),
                  0.0f);
    running_ = false;
    pulledCount_ = 0;
    heard_ = 0;
    return true;
}

bool ManualOutput::start(QString* error) {
    if (!pull_) {
        if (error) *error = QStringLiteral("the audio output is not open");
        return false;
    }
    running_ = true;
    return true;
}

void ManualOutput::stop() {
    running_ = false;
    pulledCount_ = heard_.load(); // what sat in the "device" is dropped, as stop() promises
}

void ManualOutput::close() {
    stop();
    pull_ = nullptr;
}

double ManualOutput::latencySeconds() const {
    return sampleRate_ > 0 ? static_cast<double>(latencyFrames_) / sampleRate_ : 0.0;
}

std::int64_t ManualOutput::consume(std::int64_t frames, std::vector<float>* pulled) {
    if (!running_ || frames <= 0) return 0;
    std::int64_t done = 0;
    while (done < frames) {
        const int n = static_cast<int>(std::min<std::int64_t>(blockFrames_, frames - done));
        const std::int64_t first = pulledCount_.load();
        pull_(block_.data(), n, first);
        if (pulled) pulled->insert(pulled->end(), block_.begin(), block_.begin() + n * channels_);
        pulledCount_ = first + n;
        done += n;
        heard_ = std::max(heard_.load(), first + n - latencyFrames_);
    }
    return done;
}

} // namespace entropic::app
