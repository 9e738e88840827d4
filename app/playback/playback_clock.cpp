#include "playback/playback_clock.h"

#include "playback/audio_output.h"

namespace entropic::app {

namespace {

// Division rounding towards minus infinity (b > 0), for positions before 0.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

} // namespace

PlaybackClock::PlaybackClock(const AudioOutput& output, int sampleRate)
    : output_(output), sampleRate_(sampleRate > 0 ? sampleRate : 48000) {}

void PlaybackClock::anchorAt(std::int64_t sample, double rate) {
    mapping_.anchorFrame = output_.playedFrames();
    mapping_.rate = rate;
    mapping_.startSample = placeInLoop(sample, rate, mapping_.loop);
}

void PlaybackClock::start(std::int64_t timelineSample, double rate) {
    anchorAt(timelineSample, rate);
    playing_ = true;
}

void PlaybackClock::pause() {
    if (!playing_) return;
    frozen_ = position();
    playing_ = false;
}

void PlaybackClock::seek(std::int64_t sample) {
    if (playing_)
        anchorAt(sample, mapping_.rate);
    else
        frozen_ = placeInLoop(sample, mapping_.rate, mapping_.loop);
}

void PlaybackClock::setLoop(std::optional<LoopRange> loop) {
    if (loop && loop->out <= loop->in) loop.reset();
    const std::int64_t now = position();
    mapping_.loop = loop;
    seek(now);
}

std::int64_t PlaybackClock::position() const {
    return playing_ ? timelineSampleAt(mapping_, output_.playedFrames()) : frozen_;
}

std::int64_t PlaybackClock::frameToSample(std::int64_t frame, int sampleRate,
                                          engine::Rational frameRate) {
    if (!frameRate.valid()) return 0;
    return floorDiv(frame * sampleRate * frameRate.den, frameRate.num);
}

std::int64_t PlaybackClock::sampleToFrame(std::int64_t sample, int sampleRate,
                                          engine::Rational frameRate) {
    if (!frameRate.valid() || sampleRate <= 0) return 0;
    // The largest frame f with frameToSample(f) <= sample:
    //   floor(f·D/num) <= s  ⇔  f·D < (s+1)·num  ⇔  f = ceil((s+1)·num / D) − 1,  D = rate·den.
    const std::int64_t d = sampleRate * frameRate.den;
    return -floorDiv(-(sample + 1) * frameRate.num, d) - 1;
}

} // namespace entropic::app
