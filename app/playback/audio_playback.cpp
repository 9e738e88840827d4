#include "playback/audio_playback.h"

#include "playback/silent_output.h"

namespace entropic::app {

AudioPlayback::AudioPlayback(OutputFactory open, SettingsSource settings)
    : open_(std::move(open)), settings_(std::move(settings)) {}

AudioPlayback::~AudioPlayback() {
    closeOutput();
}

void AudioPlayback::setProject(engine::ProjectSnapshot project) {
    if (!project) return;
    const bool rateChanged = project_ && project_->sampleRate != project->sampleRate;
    const int oldRate = sampleRate();
    project_ = std::move(project);
    if (!feed_) return;
    if (!rateChanged) {
        feed_->setProject(project_);
        return;
    }
    // Timeline samples change meaning with the rate: carry the position over
    // in seconds, and reopen everything at the new rate.
    const bool wasPlaying = playing();
    const double rate = clock_ ? clock_->rate() : 1.0;
    const std::int64_t at = position() * project_->sampleRate / oldRate;
    if (loop_)
        loop_ = LoopRange{loop_->in * project_->sampleRate / oldRate,
                          loop_->out * project_->sampleRate / oldRate};
    closeOutput();
    parked_ = at;
    if (wasPlaying) play(at, rate);
}

void AudioPlayback::closeOutput() {
    if (clock_) parked_ = clock_->position();
    clock_.reset();
    if (output_) output_->close();
    output_.reset();
    feed_.reset();
}

void AudioPlayback::ensureOpen() {
    const AudioSettings settings = settings_();
    if (feed_ && output_ && settings == openedWith_ && feed_->sampleRate() == project_->sampleRate)
        return;
    closeOutput();
    feed_ = std::make_unique<AudioFeed>(project_);
    output_ = open_(settings, feed_->sampleRate(), AudioFeed::kChannels, feed_->pull(), &notice_);
    openedWith_ = settings;
    clock_ = std::make_unique<PlaybackClock>(*output_, feed_->sampleRate());
    clock_->setLoop(loop_);
    clock_->seek(parked_);
}

void AudioPlayback::startOutput(std::int64_t sample, double rate) {
    clock_->start(sample, rate);
    feed_->restart(clock_->mapping(), output_->playedFrames());
    // Begin with sound: a device buffer or two mixed before the device runs.
    if (rate == 1.0)
        feed_->waitBuffered(2LL * openedWith_.bufferFrames, std::chrono::milliseconds(100));
}

bool AudioPlayback::play(std::int64_t sample, double rate) {
    if (!project_) return false;
    if (playing()) {
        clock_->start(sample, rate);
        feed_->follow(clock_->mapping());
        return true;
    }
    ensureOpen();
    startOutput(sample, rate);
    QString why;
    if (!output_->start(&why)) {
        fallBackToSilence(why);
        startOutput(sample, rate);
        output_->start();
    }
    return true;
}

void AudioPlayback::fallBackToSilence(const QString& why) {
    clock_.reset();
    output_->close();
    const QString reason = why.simplified();
    notice_ = QStringLiteral("No audio device — playing silently (%1)").arg(reason);
    output_ = std::make_unique<SilentOutput>(reason, openedWith_.bufferFrames);
    QString ignored;
    output_->open(feed_->sampleRate(), AudioFeed::kChannels, feed_->pull(), &ignored);
    clock_ = std::make_unique<PlaybackClock>(*output_, feed_->sampleRate());
    clock_->setLoop(loop_);
}

void AudioPlayback::pause() {
    if (!playing()) return;
    output_->stop(); // first: the clock then freezes at what was really heard
    clock_->pause();
}

void AudioPlayback::seek(std::int64_t sample) {
    if (!clock_) {
        parked_ = sample;
        return;
    }
    clock_->seek(sample);
    if (playing()) feed_->follow(clock_->mapping());
}

void AudioPlayback::setLoop(std::optional<LoopRange> loop) {
    if (loop && loop->out <= loop->in) loop.reset();
    loop_ = loop;
    if (!clock_) return;
    clock_->setLoop(loop);
    if (playing()) feed_->follow(clock_->mapping());
}

std::int64_t AudioPlayback::position() const {
    return clock_ ? clock_->position() : parked_;
}

std::int64_t AudioPlayback::frame(engine::Rational frameRate) const {
    return PlaybackClock::sampleToFrame(position(), sampleRate(), frameRate);
}

} // namespace entropic::app
