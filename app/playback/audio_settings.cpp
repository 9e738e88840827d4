#include "playback/audio_settings.h"

#include <algorithm>

#include <QSettings>

namespace entropic::app {

AudioSettings AudioSettings::load() {
    const QSettings settings;
    AudioSettings s;
    s.device = settings.value(QLatin1String(kDeviceKey)).toString();
    const int frames =
        settings.value(QLatin1String(kBufferFramesKey), kDefaultBufferFrames).toInt();
    // A hand-edited or stale value must not open a device with a silly buffer.
    if (std::find(kBufferChoices.begin(), kBufferChoices.end(), frames) != kBufferChoices.end())
        s.bufferFrames = frames;
    return s;
}

void AudioSettings::save() const {
    QSettings settings;
    settings.setValue(QLatin1String(kDeviceKey), device);
    settings.setValue(QLatin1String(kBufferFramesKey), bufferFrames);
}

} // namespace entropic::app
