#include "playback/silent_output.h"

#include <pthread.h>

#include <algorithm>

namespace entropic::app {

using std::chrono::nanoseconds;

namespace {

// floor(elapsed × rate), without overflowing for days of elapsed time.
std::int64_t framesIn(nanoseconds elapsed, int rate) {
    const std::int64_t ns = std::max<std::int64_t>(0, elapsed.count());
    constexpr std::int64_t kSecond = 1'000'000'000;
    return ns / kSecond * rate + ns % kSecond * rate / kSecond;
}

} // namespace

nanoseconds SilentOutput::steadyNow() {
    return std::chrono::duration_cast<nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch());
}

SilentOutput::SilentOutput(QString reason, int blockFrames, Now now)
    : reason_(std::move(reason)), blockFrames_(std::max(1, blockFrames)), now_(std::move(now)) {}

SilentOutput::~SilentOutput() {
    close();
}

bool SilentOutput::open(int sampleRate, int channels, Pull pull, QString* error) {
    close();
    if (!checkAudioFormat(sampleRate, channels, error)) return false;
    sampleRate_ = sampleRate;
    channels_ = channels;
    pull_ = std::move(pull);
    block_.assign(static_cast<std::size_t>(blockFrames_) * static_cast<std::size_t>(channels),
                  0.0f);
    const std::lock_guard<std::mutex> lock(lock_);
    heardBase_ = 0;
    pulled_ = 0;
    return true;
}

bool SilentOutput::start(QString* error) {
    if (!pull_) {
        if (error) *error = QStringLiteral("the audio output is not open");
        return false;
    }
    {
        const std::lock_guard<std::mutex> lock(lock_);
        if (running_) return true;
        running_ = true;
        quit_ = false;
        startedAt_ = now_();
    }
    thread_ = std::thread([this] { run(); });
    ::pthread_setname_np(thread_.native_handle(), "entropic-silent");
    return true;
}

void SilentOutput::stop() {
    {
        const std::lock_guard<std::mutex> lock(lock_);
        if (!running_) return;
        heardBase_ = playedLocked();
        running_ = false;
        quit_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    const std::lock_guard<std::mutex> lock(lock_);
    quit_ = false;
    pulled_ = heardBase_; // pulled ahead but never "heard": forgotten, as a device drops its buffer
}

void SilentOutput::close() {
    stop();
    pull_ = nullptr;
}

std::int64_t SilentOutput::playedLocked() const {
    if (!running_) return heardBase_;
    return heardBase_ + framesIn(now_() - startedAt_, sampleRate_);
}

std::int64_t SilentOutput::playedFrames() const {
    const std::lock_guard<std::mutex> lock(lock_);
    return playedLocked();
}

bool SilentOutput::running() const {
    const std::lock_guard<std::mutex> lock(lock_);
    return running_;
}

std::int64_t SilentOutput::pulledFrames() const {
    const std::lock_guard<std::mutex> lock(lock_);
    return pulled_;
}

QString SilentOutput::deviceName() const {
    return reason_.isEmpty() ? QStringLiteral("No audio device")
                             : QStringLiteral("No audio device (%1)").arg(reason_);
}

double SilentOutput::latencySeconds() const {
    return sampleRate_ > 0 ? static_cast<double>(blockFrames_) / sampleRate_ : 0.0;
}

void SilentOutput::run() {
    // Half a block between looks: the pulled block always runs ahead of the clock.
    const auto nap = nanoseconds(500'000'000LL * blockFrames_ / std::max(1, sampleRate_));
    std::unique_lock<std::mutex> lock(lock_);
    while (!quit_) {
        if (pulled_ < playedLocked() + blockFrames_) {
            const std::int64_t first = pulled_;
            lock.unlock();
            pull_(block_.data(), blockFrames_, first);
            lock.lock();
            pulled_ = first + blockFrames_;
            continue;
        }
        wake_.wait_for(lock, nap, [this] { return quit_; });
    }
}

} // namespace entropic::app
