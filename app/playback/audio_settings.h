#pragma once
// The audio settings of Edit ▸ Preferences (QSettings "audio/device" and
// "audio/bufferFrames"). Read when playback (re)opens its output, i.e. they
// apply on the next play.
#include <array>

#include <QString>

namespace entropic::app {

struct AudioSettings {
    static constexpr const char* kDeviceKey = "audio/device";
    static constexpr const char* kBufferFramesKey = "audio/bufferFrames";
    // Frames a device callback: smaller answers sooner, larger survives a busy machine.
    static constexpr std::array<int, 5> kBufferChoices{256, 512, 1024, 2048, 4096};
    static constexpr int kDefaultBufferFrames = 1024;

    QString device; // a PortAudio output device's name; empty: the system's default
    int bufferFrames = kDefaultBufferFrames;

    // From QSettings; a buffer size that is not one of kBufferChoices reads
    // as the default.
    static AudioSettings load();
    void save() const;

    friend bool operator==(const AudioSettings&, const AudioSettings&) = default;
};

} // namespace entropic::app
