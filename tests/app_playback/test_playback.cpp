// The sound side of the player put together (AudioPlayback): through play,
// pause, seek and loop the clock says exactly where the sound is; settings
// apply on the next play; a device that fails to start leaves playback
// silent, not broken. And the Audio section of the preferences.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <QComboBox>

#include "model/autosaver.h"
#include "model/project_document.h"
#include "playback/audio_playback.h"
#include "playback/manual_output.h"
#include "playback_support.h"
#include "window/preferences_dialog.h"

using namespace entropic;
using app::AudioOutput;
using app::AudioPlayback;
using app::AudioSettings;
using app::LoopRange;
using app::ManualOutput;
using test::kRate;

namespace {

// AudioPlayback on fake devices it makes on demand; counts the opens.
struct PlaybackRig {
    ManualOutput* device = nullptr;
    int opens = 0;
    AudioSettings settings;
    int latency = 0;
    AudioPlayback playback{[this](const AudioSettings& s, int rate, int channels,
                                  AudioOutput::Pull pull, QString* notice) {
                               auto out = std::make_unique<ManualOutput>(480, latency);
                               REQUIRE(out->open(rate, channels, std::move(pull), nullptr));
                               CHECK(s == settings);
                               device = out.get();
                               ++opens;
                               if (notice) notice->clear();
                               return out;
                           },
                           [this] { return settings; }};
    engine::ProjectSnapshot project = test::twoTrackProject();

    PlaybackRig() { playback.setProject(project); }
    // What the device plays next, `frames` of it, each block once buffered.
    std::vector<float> listen(std::int64_t frames) {
        std::vector<float> pulled;
        test::playBuffered(*device, *playback.feed(), frames, pulled);
        return pulled;
    }
};

} // namespace

TEST_CASE("the clock and the sound stay together through play, pause, seek and loop",
          "[playback][player]") {
    PlaybackRig rig;
    rig.latency = 960;                       // a device that holds 20 ms between pull and speaker
    CHECK(rig.playback.output() == nullptr); // nothing opens before the first play
    rig.playback.seek(kRate / 2);
    CHECK(rig.playback.position() == kRate / 2);

    REQUIRE(rig.playback.play(kRate / 2));
    REQUIRE(rig.device);
    CHECK(rig.playback.playing());
    CHECK(rig.playback.notice().isEmpty());
    // The first block is mixed before the device starts: no underflow at the start.
    CHECK(rig.listen(9600) == test::mixed(rig.project, kRate / 2, 9600));
    CHECK(rig.playback.position() == kRate / 2 + 9600 - 960); // heard, not pulled
    CHECK(rig.playback.frame({30, 1}) == (kRate / 2 + 8640) * 30 / kRate);

    // Pause: frozen where the listener is; what sat in the device is dropped…
    rig.playback.pause();
    const std::int64_t paused = rig.playback.position();
    CHECK(paused == kRate / 2 + 8640);
    CHECK(rig.device->consume(4800) == 0);
    CHECK(rig.playback.position() == paused);
    // …so the sound resumes exactly there.
    REQUIRE(rig.playback.play(rig.playback.position()));
    CHECK(rig.listen(4800) == test::mixed(rig.project, paused, 4800));
    CHECK(rig.playback.position() == paused + 4800 - 960);

    // Seek while playing: the clock jumps now, the sound after the device's buffers.
    rig.playback.seek(2 * kRate);
    CHECK(rig.playback.position() == 2 * kRate);

    // A loop: the clock wraps, and the sound it reports is the sound played.
    rig.playback.pause();
    rig.playback.setLoop(LoopRange{kRate, kRate + 4800});
    CHECK(rig.playback.position() == kRate); // outside the loop: moved to its start
    REQUIRE(rig.playback.play(rig.playback.position()));
    const auto looped = rig.listen(12000);
    CHECK(std::vector<float>(looped.begin(), looped.begin() + 4800 * 2) ==
          test::mixed(rig.project, kRate, 4800));
    CHECK(std::vector<float>(looped.begin() + 4800 * 2, looped.begin() + 9600 * 2) ==
          test::mixed(rig.project, kRate, 4800));
    CHECK(rig.playback.position() == kRate + (12000 - 960) % 4800);
    CHECK(rig.playback.feed()->underflowFrames() == 0);
    CHECK(rig.opens == 1);
}

TEST_CASE("audio settings apply on the next play", "[playback][player]") {
    PlaybackRig rig;
    REQUIRE(rig.playback.play(0));
    CHECK(rig.opens == 1);
    rig.settings.bufferFrames = 2048;
    REQUIRE(rig.playback.play(480)); // already playing: changes place, keeps the device
    CHECK(rig.opens == 1);
    rig.device->consume(480); // the buffer that lets go of the old place (silence)
    rig.listen(4800);
    rig.playback.pause();
    const std::int64_t paused = rig.playback.position();
    REQUIRE(rig.playback.play(paused)); // from stopped: the new settings
    CHECK(rig.opens == 2);
    CHECK(rig.playback.position() == paused);
    CHECK(rig.listen(4800) == test::mixed(rig.project, paused, 4800));
}

namespace {

// A card that opens but refuses to start (unplugged between open and play).
class RefusingOutput final : public AudioOutput {
  public:
    bool open(int rate, int channels, Pull, QString*) override {
        rate_ = rate;
        channels_ = channels;
        return true;
    }
    bool start(QString* error) override {
        if (error) *error = QStringLiteral("Device unavailable");
        return false;
    }
    void stop() override {}
    void close() override {}
    std::int64_t playedFrames() const override { return 0; }
    bool running() const override { return false; }
    bool silent() const override { return false; }
    QString deviceName() const override { return QStringLiteral("Refusing card"); }
    double latencySeconds() const override { return 0; }
    int sampleRate() const override { return rate_; }
    int channels() const override { return channels_; }

  private:
    int rate_ = 0;
    int channels_ = 0;
};

} // namespace

TEST_CASE("a device that fails to start leaves playback silent, with a notice",
          "[playback][player]") {
    AudioPlayback playback(
        [](const AudioSettings&, int rate, int channels, AudioOutput::Pull pull, QString* notice) {
            auto out = std::make_unique<RefusingOutput>();
            out->open(rate, channels, std::move(pull), nullptr);
            if (notice) notice->clear();
            return std::unique_ptr<AudioOutput>(std::move(out));
        },
        [] { return AudioSettings{}; });
    playback.setProject(test::twoTrackProject());
    REQUIRE(playback.play(1000));
    CHECK(playback.playing());
    REQUIRE(playback.output());
    CHECK(playback.output()->silent());
    CHECK(playback.notice() ==
          QStringLiteral("No audio device — playing silently (Device unavailable)"));
    // The steady clock moves the position on.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (playback.position() <= 1000 + 480 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(playback.position() > 1000 + 480);
    playback.pause();
}

TEST_CASE("the preferences choose the audio device and buffer size", "[playback][preferences]") {
    AudioSettings{}.save();
    app::ProjectDocument doc;
    app::Autosaver autosaver(doc,
                             QStringLiteral(ENTROPIC_BINARY_DIR "/test-scratch/playback-recovery"));
    app::PreferencesDialog dialog(doc.history(), autosaver);
    QComboBox* device = dialog.audioDevice();
    QComboBox* buffer = dialog.audioBufferFrames();
    REQUIRE(device);
    REQUIRE(buffer);
    CHECK(device->itemText(0) == QStringLiteral("Default"));
    CHECK(device->currentData().toString().isEmpty());
    CHECK(buffer->count() == static_cast<int>(AudioSettings::kBufferChoices.size()));
    CHECK(buffer->currentData().toInt() == AudioSettings::kDefaultBufferFrames);
    CHECK(buffer->toolTip().contains(QStringLiteral("next time playback starts")));

    buffer->setCurrentIndex(buffer->findData(2048));
    dialog.apply();
    CHECK(AudioSettings::load().bufferFrames == 2048);
    CHECK(AudioSettings::load().device.isEmpty());

    // A remembered device that is not plugged in stays selected, marked as such.
    AudioSettings gone;
    gone.device = QStringLiteral("USB Interface 7");
    gone.save();
    app::PreferencesDialog again(doc.history(), autosaver);
    CHECK(again.audioDevice()->currentData().toString() == gone.device);
    CHECK(again.audioDevice()->currentText().contains(QStringLiteral("not connected")));
    AudioSettings{}.save();
    autosaver.discard();
}
