#pragma once
// Shared by the playback tests: a two-track project with sound, the engine
// mixer's samples to compare against, and a fake device played block by block.
#include <cstdint>
#include <vector>

#include "entropic/engine/project/project.h"

namespace entropic::app {
class AudioFeed;
class ManualOutput;
} // namespace entropic::app

namespace entropic::test {

inline constexpr int kRate = 48000;

// V1: bframes.mp4 (440 Hz, 4 s) from frame 0, its sound at -6 dB;
// A1: audio-only.m4a from frame 15 to 60, +2 dB, track at -3 dB.
engine::ProjectSnapshot twoTrackProject(bool muteV1 = false);

// AudioMixer::mix of [start, start + count) of project, from a fresh mixer.
std::vector<float> mixed(const engine::ProjectSnapshot& project, std::int64_t start,
                         std::int64_t count);

// The device consumes `frames` in blocks of `block`, each only once the feed
// has it buffered (so no underflow can happen); appends what it pulled.
void playBuffered(app::ManualOutput& device, const app::AudioFeed& feed, std::int64_t frames,
                  std::vector<float>& pulled, int block = 480);

bool allZero(const std::vector<float>& samples, std::size_t from = 0, std::size_t to = SIZE_MAX);

} // namespace entropic::test
