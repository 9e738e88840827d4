// openAudioOutput (audio_output.h): a sound card if one opens, else silence.
#include "playback/audio_output.h"

#include <exception>

#include "playback/portaudio_output.h"
#include "playback/silent_output.h"

namespace entropic::app {

bool checkAudioFormat(int sampleRate, int channels, QString* error) {
    if (sampleRate > 0 && channels > 0) return true;
    if (error)
        *error = QStringLiteral("invalid audio format: %1 Hz, %2 channels")
                     .arg(sampleRate)
                     .arg(channels);
    return false;
}

std::unique_ptr<AudioOutput> openAudioOutput(const AudioSettings& settings, int rate, int channels,
                                             AudioOutput::Pull pull, QString* notice) {
    QString why;
    try {
        auto card = std::make_unique<PortAudioOutput>(settings.device, settings.bufferFrames);
        if (card->open(rate, channels, pull, &why)) {
            if (notice) notice->clear();
            return card;
        }
    } catch (const std::exception& e) { // bad_alloc, or anything a driver throws through us
        why = QString::fromUtf8(e.what());
    }
    // One line: the reason can be a driver's multi-line message.
    why = why.simplified();
    if (notice)
        *notice = why.isEmpty()
                      ? QStringLiteral("No audio device — playing silently")
                      : QStringLiteral("No audio device — playing silently (%1)").arg(why);
    auto silent = std::make_unique<SilentOutput>(why, settings.bufferFrames);
    QString ignored; // a silent output opens for any sane format
    silent->open(rate, channels, std::move(pull), &ignored);
    return silent;
}

} // namespace entropic::app
