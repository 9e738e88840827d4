#include "playback/portaudio_output.h"

#include <algorithm>
#include <cmath>

#include <portaudio.h>

#include "playback/portaudio_library.h"

namespace entropic::app {

namespace {

bool fail(QString* error, const QString& message) {
    if (error) *error = message;
    return false;
}

QString paError(PaError code) {
    if (code == paUnanticipatedHostError) {
        const PaHostErrorInfo* host = Pa_GetLastHostErrorInfo();
        if (host && host->errorText && *host->errorText) return QString::fromUtf8(host->errorText);
    }
    return QString::fromUtf8(Pa_GetErrorText(code));
}

// The device called `name` that can play `channels`, preferring the default
// host API when several share the name; paNoDevice if none.
PaDeviceIndex findOutputDevice(const QString& name, int channels) {
    PaDeviceIndex found = paNoDevice;
    const PaHostApiIndex preferredApi = Pa_GetDefaultHostApi();
    for (PaDeviceIndex i = 0; i < Pa_GetDeviceCount(); ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (!info || info->maxOutputChannels < channels || QString::fromUtf8(info->name) != name)
            continue;
        if (info->hostApi == preferredApi) return i;
        if (found == paNoDevice) found = i;
    }
    return found;
}

} // namespace

struct PortAudioOutput::Callback {
    static int run(const void* /*input*/, void* output, unsigned long frames,
                   const PaStreamCallbackTimeInfo* time, PaStreamCallbackFlags /*flags*/,
                   void* self) {
        auto* out = static_cast<PortAudioOutput*>(self);
        double dac = time ? time->outputBufferDacTime : 0;
        // Some host APIs leave the DAC time at 0; the reported latency is the
        // next best account of when this buffer will be heard.
        if (dac <= 0) {
            const double now =
                time && time->currentTime > 0 ? time->currentTime : Pa_GetStreamTime(out->stream_);
            dac = now + out->latency_;
        }
        out->onCallback(static_cast<float*>(output), frames, dac);
        return paContinue;
    }
};

PortAudioOutput::PortAudioOutput(QString device, int bufferFrames)
    : requested_(std::move(device)), bufferFrames_(bufferFrames) {}

PortAudioOutput::~PortAudioOutput() {
    close();
}

bool PortAudioOutput::open(int sampleRate, int channels, Pull pull, QString* error) {
    close();
    library_ = std::make_unique<PortAudioLibrary>();
    if (!library_->ok()) {
        const QString why = library_->error();
        library_.reset();
        return fail(error, QStringLiteral("PortAudio cannot start: %1").arg(why));
    }
    const PaDeviceIndex device =
        requested_.isEmpty() ? Pa_GetDefaultOutputDevice() : findOutputDevice(requested_, channels);
    if (device == paNoDevice) {
        library_.reset();
        return fail(error, requested_.isEmpty()
                               ? QStringLiteral("no output device")
                               : QStringLiteral("device \"%1\" not found").arg(requested_));
    }
    const PaDeviceInfo* info = Pa_GetDeviceInfo(device);
    if (info->maxOutputChannels < channels) {
        library_.reset();
        return fail(error, QStringLiteral("%1 has %2 output channel(s), %3 needed")
                               .arg(QString::fromUtf8(info->name))
                               .arg(info->maxOutputChannels)
                               .arg(channels));
    }
    PaStreamParameters params{};
    params.device = device;
    params.channelCount = channels;
    params.sampleFormat = paFloat32;
    // Two callbacks' worth of buffering, or the device's minimum if larger.
    params.suggestedLatency =
        std::max(info->defaultLowOutputLatency, 2.0 * bufferFrames_ / sampleRate);
    const PaError opened =
        Pa_OpenStream(&stream_, nullptr, &params, sampleRate,
                      static_cast<unsigned long>(bufferFrames_), paNoFlag, &Callback::run, this);
    if (opened != paNoError) {
        stream_ = nullptr;
        const QString why = paError(opened);
        library_.reset();
        return fail(error, QStringLiteral("%1: %2").arg(QString::fromUtf8(info->name), why));
    }
    const PaStreamInfo* stream = Pa_GetStreamInfo(stream_);
    latency_ = stream ? stream->outputLatency : params.suggestedLatency;
    const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
    deviceName_ = api ? QStringLiteral("%1 (%2)").arg(QString::fromUtf8(info->name),
                                                      QString::fromUtf8(api->name))
                      : QString::fromUtf8(info->name);
    pull_ = std::move(pull);
    sampleRate_ = sampleRate;
    channels_ = channels;
    written_.store(0);
    heard_.store(0);
    recordValid_.store(false);
    return true;
}

bool PortAudioOutput::start(QString* error) {
    if (!stream_) return fail(error, QStringLiteral("the audio output is not open"));
    if (running()) return true;
    recordValid_.store(false, std::memory_order_release);
    running_.store(true, std::memory_order_release);
    const PaError started = Pa_StartStream(stream_);
    if (started != paNoError) {
        running_.store(false, std::memory_order_release);
        return fail(error, QStringLiteral("%1: %2").arg(deviceName_, paError(started)));
    }
    return true;
}

void PortAudioOutput::stop() {
    if (!stream_ || !running()) return;
    playedFrames(); // raise heard_ to this moment before the buffers are dropped
    // Abort, not stop: Pa_StopStream would play out the buffered latency
    // after the user pressed pause.
    Pa_AbortStream(stream_);
    running_.store(false, std::memory_order_release);
    recordValid_.store(false, std::memory_order_release);
    // What was handed over but never heard is forgotten: the next start
    // continues numbering from what the listener heard.
    written_.store(heard_.load(std::memory_order_acquire), std::memory_order_release);
}

void PortAudioOutput::close() {
    stop();
    if (stream_) Pa_CloseStream(stream_);
    stream_ = nullptr;
    library_.reset();
}

void PortAudioOutput::onCallback(float* out, unsigned long frames, double dacTime) {
    const std::int64_t first = written_.load(std::memory_order_relaxed);
    const std::int64_t end = first + static_cast<std::int64_t>(frames);
    pull_(out, static_cast<int>(frames), first);
    const std::uint32_t seq = recordSeq_.load(std::memory_order_relaxed);
    recordSeq_.store(seq + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    recordFrame_.store(first, std::memory_order_relaxed);
    recordEnd_.store(end, std::memory_order_relaxed);
    recordDacTime_.store(dacTime, std::memory_order_relaxed);
    recordSeq_.store(seq + 2, std::memory_order_release);
    recordValid_.store(true, std::memory_order_release);
    written_.store(end, std::memory_order_release);
}

std::int64_t PortAudioOutput::estimate() const {
    const std::int64_t least = heard_.load(std::memory_order_acquire);
    if (!recordValid_.load(std::memory_order_acquire)) return least;
    std::int64_t frame = 0;
    double dac = 0;
    bool consistent = false;
    for (int attempt = 0; attempt < 8 && !consistent; ++attempt) {
        const std::uint32_t before = recordSeq_.load(std::memory_order_acquire);
        frame = recordFrame_.load(std::memory_order_relaxed);
        dac = recordDacTime_.load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        consistent = (before & 1u) == 0 && recordSeq_.load(std::memory_order_relaxed) == before;
    }
    if (!consistent) return least; // the callback kept rewriting it; the next call will do
    const double now = Pa_GetStreamTime(stream_);
    if (now <= 0) return least;
    const std::int64_t heard =
        frame + static_cast<std::int64_t>(std::floor((now - dac) * sampleRate_));
    // Never more than was handed over: past that the device is starved.
    return std::clamp(heard, least, std::max(least, written_.load(std::memory_order_acquire)));
}

std::int64_t PortAudioOutput::playedFrames() const {
    if (!running()) return heard_.load(std::memory_order_acquire);
    const std::int64_t now = estimate();
    std::int64_t seen = heard_.load(std::memory_order_relaxed);
    while (now > seen && !heard_.compare_exchange_weak(seen, now, std::memory_order_acq_rel)) {
    }
    return std::max(now, seen);
}

QStringList PortAudioOutput::outputDevices(QString* error) {
    const PortAudioLibrary library;
    if (!library.ok()) {
        if (error) *error = QStringLiteral("PortAudio cannot start: %1").arg(library.error());
        return {};
    }
    QStringList names;
    for (PaDeviceIndex i = 0; i < Pa_GetDeviceCount(); ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (!info || info->maxOutputChannels <= 0) continue;
        const QString name = QString::fromUtf8(info->name);
        if (!names.contains(name)) names << name;
    }
    return names;
}

} // namespace entropic::app
