#include "playback_support.h"

#include <algorithm>
#include <chrono>

#include <catch2/catch.hpp>

#include "entropic/engine/render/audio_mixer.h"
#include "playback/audio_feed.h"
#include "playback/manual_output.h"
#include "test_support.h"

namespace entropic::test {

engine::ProjectSnapshot twoTrackProject(bool muteV1) {
    auto doc = clipProjectJson(testMedia("bframes.mp4"), 120, nlohmann::json::array(), 160, 120);
    doc["tracks"][0]["volume_db"] = -6.0;
    doc["tracks"][0]["muted"] = muteV1;
    doc["tracks"].push_back({{"id", "A1"},
                             {"kind", "audio"},
                             {"volume_db", -3.0},
                             {"clips",
                              {{{"id", "music"},
                                {"source", testMedia("audio-only.m4a")},
                                {"start", 15},
                                {"out", 45},
                                {"gain_db", 2.0}}}}});
    return std::make_shared<const engine::Project>(engine::parseProject(doc, ""));
}

std::vector<float> mixed(const engine::ProjectSnapshot& project, std::int64_t start,
                         std::int64_t count) {
    engine::AudioMixer mixer(project);
    std::vector<float> out(static_cast<std::size_t>(count * engine::AudioMixer::kChannels));
    mixer.mix(start, count, out.data());
    return out;
}

void playBuffered(app::ManualOutput& device, const app::AudioFeed& feed, std::int64_t frames,
                  std::vector<float>& pulled, int block) {
    for (std::int64_t done = 0; done < frames;) {
        const int n = static_cast<int>(std::min<std::int64_t>(block, frames - done));
        REQUIRE(feed.waitBuffered(n, std::chrono::seconds(5)));
        REQUIRE(device.consume(n, &pulled) == n);
        done += n;
    }
}

bool allZero(const std::vector<float>& samples, std::size_t from, std::size_t to) {
    to = std::min(to, samples.size());
    return std::all_of(samples.begin() + static_cast<std::ptrdiff_t>(from),
                       samples.begin() + static_cast<std::ptrdiff_t>(to),
                       [](float v) { return v == 0.0f; });
}

} // namespace entropic::test
