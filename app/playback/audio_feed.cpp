#include "playback/audio_feed.h"

#include <pthread.h>

#include <algorithm>
#include <bit>
#include <exception>

#include "entropic/engine/render/audio_mixer.h"

namespace entropic::app {

static_assert(AudioFeed::kChannels == engine::AudioMixer::kChannels);
static_assert(std::atomic<std::int64_t>::is_always_lock_free &&
                  std::atomic<std::uint64_t>::is_always_lock_free,
              "the device side must not take a lock");

namespace {

// Whether two projects sound the same: everything the mixer reads. Picture
// edits (effects, opacity, size) do not count, so tweaking an effect while
// playing never rebuilds the mixer.
bool sameSound(const engine::Project& a, const engine::Project& b) {
    if (a.sampleRate != b.sampleRate || a.frameRate.num != b.frameRate.num ||
        a.frameRate.den != b.frameRate.den || a.tracks.size() != b.tracks.size())
        return false;
    for (std::size_t t = 0; t < a.tracks.size(); ++t) {
        const auto &ta = a.tracks[t], &tb = b.tracks[t];
        if (ta.muted != tb.muted || ta.solo != tb.solo || ta.volumeDb != tb.volumeDb ||
            ta.clips.size() != tb.clips.size())
            return false;
        for (std::size_t c = 0; c < ta.clips.size(); ++c) {
            const auto &ca = ta.clips[c], &cb = tb.clips[c];
            if (ca.id != cb.id || ca.sourcePath != cb.sourcePath || ca.start != cb.start ||
                ca.in != cb.in || ca.out != cb.out || ca.gainDb != cb.gainDb ||
                ca.enabled != cb.enabled || ca.soundMuted != cb.soundMuted)
                return false;
        }
    }
    return true;
}

std::size_t slotOf(std::int64_t frame, std::int64_t capacity) {
    return static_cast<std::size_t>(static_cast<std::uint64_t>(frame) &
                                    static_cast<std::uint64_t>(capacity - 1));
}

} // namespace

AudioFeed::AudioFeed(engine::ProjectSnapshot project) : AudioFeed(std::move(project), Options{}) {}

AudioFeed::AudioFeed(engine::ProjectSnapshot project, Options options)
    : sampleRate_(project ? project->sampleRate : 48000), options_(options) {
    options_.blockFrames = std::max(64, options_.blockFrames);
    aheadFrames_ =
        std::max<std::int64_t>(options_.blockFrames, options_.ahead.count() * sampleRate_ / 1000);
    // Room for what is mixed ahead, a block in the making and the largest
    // device buffer being read (AudioSettings::kBufferChoices tops at 4096).
    capacity_ = static_cast<std::int64_t>(
        std::bit_ceil(static_cast<std::uint64_t>(aheadFrames_ + 2 * options_.blockFrames + 8192)));
    ring_.assign(static_cast<std::size_t>(capacity_ * kChannels), 0.0f);
    scratch_.assign(static_cast<std::size_t>(options_.blockFrames * kChannels), 0.0f);
    pendingProject_ = std::move(project);
    thread_ = std::thread([this] { run(); });
    ::pthread_setname_np(thread_.native_handle(), "entropic-feed");
}

AudioFeed::~AudioFeed() {
    {
        const std::lock_guard<std::mutex> lock(lock_);
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

AudioOutput::Pull AudioFeed::pull() {
    return
        [this](float* out, int frames, std::int64_t firstFrame) { fill(out, frames, firstFrame); };
}

// --- Device side: real-time safe ------------------------------------------------

void AudioFeed::fill(float* out, int frames, std::int64_t firstFrame) {
    const std::uint64_t requested = requestedEpoch_.load(std::memory_order_acquire);
    // Let go of the old epoch: from here on nothing of it is read.
    if (ackEpoch_.load(std::memory_order_relaxed) != requested)
        ackEpoch_.store(requested, std::memory_order_release);
    const std::int64_t end = firstFrame + frames;
    std::int64_t from = end, to = end; // the frames the ring holds
    if (requested != 0 && dataEpoch_.load(std::memory_order_acquire) == requested) {
        const std::int64_t start = dataStart_.load(std::memory_order_relaxed);
        const std::int64_t written = writeEnd_.load(std::memory_order_acquire);
        from = std::clamp(start, firstFrame, end);
        to = std::clamp(written, from, end);
        if (to < end) {
            underflowFrames_.fetch_add(end - to, std::memory_order_relaxed);
            underflows_.fetch_add(1, std::memory_order_relaxed);
        }
    }
    float* o = out;
    std::fill(o, o + (from - firstFrame) * kChannels, 0.0f);
    o += (from - firstFrame) * kChannels;
    for (std::int64_t f = from; f < to;) {
        const std::size_t slot = slotOf(f, capacity_);
        const std::int64_t run =
            std::min<std::int64_t>(to - f, capacity_ - static_cast<std::int64_t>(slot));
        const float* src = ring_.data() + slot * kChannels;
        o = std::copy(src, src + run * kChannels, o);
        f += run;
    }
    std::fill(o, out + static_cast<std::int64_t>(frames) * kChannels, 0.0f);
    readEnd_.store(end, std::memory_order_release);
}

// --- Control side ------------------------------------------------------------------

void AudioFeed::setProject(engine::ProjectSnapshot project) {
    if (!project) return;
    {
        const std::lock_guard<std::mutex> lock(lock_);
        pendingProject_ = std::move(project);
    }
    wake_.notify_all();
}

void AudioFeed::follow(const PlayMapping& mapping) {
    {
        const std::lock_guard<std::mutex> lock(lock_);
        requestedMapping_ = mapping;
        requestedEpoch_.fetch_add(1, std::memory_order_acq_rel);
    }
    wake_.notify_all();
}

void AudioFeed::restart(const PlayMapping& mapping, std::int64_t nextFrame) {
    {
        const std::lock_guard<std::mutex> lock(lock_);
        requestedMapping_ = mapping;
        // No fill() runs, so acknowledging for the device side is safe, and
        // the feeder can start mixing now rather than at the first callback.
        readEnd_.store(nextFrame, std::memory_order_release);
        const std::uint64_t epoch = requestedEpoch_.fetch_add(1, std::memory_order_acq_rel) + 1;
        ackEpoch_.store(epoch, std::memory_order_release);
    }
    wake_.notify_all();
}

std::int64_t AudioFeed::bufferedFrames() const {
    const std::uint64_t requested = requestedEpoch_.load(std::memory_order_acquire);
    if (requested == 0 || dataEpoch_.load(std::memory_order_acquire) != requested) return 0;
    const std::int64_t from = std::max(readEnd_.load(std::memory_order_acquire),
                                       dataStart_.load(std::memory_order_relaxed));
    return std::max<std::int64_t>(0, writeEnd_.load(std::memory_order_acquire) - from);
}

bool AudioFeed::waitBuffered(std::int64_t frames, std::chrono::milliseconds timeout) const {
    const std::int64_t want = std::min(frames, aheadFrames_);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (bufferedFrames() < want) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

std::string AudioFeed::error() const {
    const std::lock_guard<std::mutex> lock(lock_);
    return error_;
}

void AudioFeed::setStalled(bool stalled) {
    {
        const std::lock_guard<std::mutex> lock(lock_);
        stalled_ = stalled;
    }
    wake_.notify_all();
}

// --- Feeder thread -----------------------------------------------------------------

void AudioFeed::run() {
    std::unique_lock<std::mutex> lock(lock_);
    while (!quit_) {
        engine::ProjectSnapshot project = std::move(pendingProject_);
        pendingProject_.reset();
        const std::uint64_t requested = requestedEpoch_.load(std::memory_order_acquire);
        const PlayMapping mapping = requestedMapping_;
        const bool stalled = stalled_;
        lock.unlock();

        if (project) adoptProject(std::move(project));
        bool busy = false;
        if (requested != producingEpoch_ &&
            ackEpoch_.load(std::memory_order_acquire) == requested) {
            // The device side has let go of the old data: reuse the ring from
            // the next frame it will take.
            const std::int64_t base = readEnd_.load(std::memory_order_acquire);
            mapping_ = mapping;
            dataStart_.store(base, std::memory_order_relaxed);
            writeEnd_.store(base, std::memory_order_relaxed);
            dataEpoch_.store(requested, std::memory_order_release);
            producingEpoch_ = requested;
        }
        if (!stalled && producingEpoch_ != 0 && producingEpoch_ == requested) busy = produceBlock();

        lock.lock();
        if (busy || quit_) continue;
        // Full (or waiting for the device to acknowledge a new epoch): look
        // again soon; changes wake us at once.
        const auto nap = requested != producingEpoch_ ? std::chrono::milliseconds(1)
                                                      : std::chrono::milliseconds(5);
        wake_.wait_for(lock, nap);
    }
}

void AudioFeed::adoptProject(engine::ProjectSnapshot project) {
    if (mixedProject_ && sameSound(*mixedProject_, *project)) return;
    if (project->sampleRate != sampleRate_) {
        // The device runs at the feed's rate; mix at that rate rather than play at the wrong pitch.
        auto copy = std::make_shared<engine::Project>(*project);
        copy->sampleRate = sampleRate_;
        project = std::move(copy);
    }
    mixer_ = std::make_unique<engine::AudioMixer>(project);
    mixedProject_ = std::move(project);
}

bool AudioFeed::produceBlock() {
    const std::int64_t read = readEnd_.load(std::memory_order_acquire);
    std::int64_t write = writeEnd_.load(std::memory_order_relaxed);
    // The device got ahead of us (an underflow): skip what it already played
    // as zeros; the sound resumes in step with the clock.
    write = std::max(write, read);
    const std::int64_t room = read + aheadFrames_ - write;
    if (room <= 0) return false;
    const int frames = static_cast<int>(std::min<std::int64_t>(options_.blockFrames, room));
    render(write, frames, scratch_.data());
    const float* src = scratch_.data();
    for (std::int64_t f = write; f < write + frames;) {
        const std::size_t slot = slotOf(f, capacity_);
        const std::int64_t run =
            std::min<std::int64_t>(write + frames - f, capacity_ - static_cast<std::int64_t>(slot));
        std::copy(src, src + run * kChannels, ring_.data() + slot * kChannels);
        src += run * kChannels;
        f += run;
    }
    writeEnd_.store(write + frames, std::memory_order_release);
    return true;
}

void AudioFeed::render(std::int64_t firstFrame, int frames, float* out) {
    std::fill(out, out + static_cast<std::int64_t>(frames) * kChannels, 0.0f);
    // Only 1× plays sound (audio_feed.h): shuttling is silent.
    if (mapping_.rate != 1.0 || !mixer_) return;
    const auto& loop = mapping_.loop;
    const bool looping = loop && loop->out > loop->in;
    for (std::int64_t done = 0; done < frames;) {
        const std::int64_t sample = timelineSampleAt(mapping_, firstFrame + done);
        std::int64_t run = frames - done;
        if (looping) run = std::min(run, loop->out - sample); // then wrap to loop->in
        try {
            mixer_->mix(sample, run, out + done * kChannels);
        } catch (const std::exception& e) {
            // A source that stops decoding is silence, not the end of playback.
            std::fill(out + done * kChannels, out + (done + run) * kChannels, 0.0f);
            recordError(e.what());
        }
        done += run;
    }
}

void AudioFeed::recordError(const std::string& message) {
    const std::lock_guard<std::mutex> lock(lock_);
    error_ = message;
}

} // namespace entropic::app
