#pragma once
// Projects with signals for the engine tests: a clip of bframes.mp4 (a moving
// test pattern with a 440 Hz tone) under a seeded effect, a temporal one and
// a geometric one, with an LFO, the clip's own luma, motion and sound routed
// into their parameters and an automation lane.
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace entropic::test {

// The format-2 project of clipProjectJson with `signals` added.
inline nlohmann::json withSignals(nlohmann::json doc, nlohmann::json signals) {
    doc["version"] = 2;
    doc["signals"] = std::move(signals);
    return doc;
}

inline nlohmann::json modulatedProjectJson(std::int64_t frames) {
    const nlohmann::json effects = {
        {{"id", "noise-1"}, {"effect", "fx.noise"}, {"seed", 4}, {"params", {{"amount", 0.1}}}},
        {{"id", "fb-1"}, {"effect", "fx.feedback"}},
        {{"id", "split-1"}, {"effect", "fx.rgb_split"}, {"params", {{"amount", 0}}}}};
    const nlohmann::json signals = {
        {"sources",
         {{{"id", "bright"}, {"kind", "video.luma"}, {"media", "c1"}},
          {{"id", "moving"}, {"kind", "video.motion"}, {"media", "c1"}},
          {{"id", "tone"}, {"kind", "audio.rms"}, {"media", "c1"}}}},
        {"operators",
         {{{"id", "wobble"}, {"op", "mod.lfo"}, {"params", {{"rate", 1.3}}}},
          {{"id", "mix"}, {"op", "op.fusion"}, {"inputs", {"wobble", "moving", "tone"}}}}},
        {"routes",
         {{{"id", "r-noise"},
           {"signal", "mix"},
           {"effect", "noise-1"},
           {"param", "amount"},
           {"depth", 0.6}},
          {{"id", "r-fb"},
           {"signal", "bright"},
           {"effect", "fb-1"},
           {"param", "decay"},
           {"depth", -0.5},
           {"polarity", "bipolar"},
           {"processing", {{"slew", {{"rise_ms", 200}, {"fall_ms", 400}}}}}},
          {{"id", "r-split"},
           {"signal", "wobble"},
           {"effect", "split-1"},
           {"param", "amount"},
           {"depth", 0.2}}}},
        {"automation",
         {{{"effect", "split-1"},
           {"param", "centre"},
           {"component", 0},
           {"keys",
            {{{"frame", 0}, {"value", 0.2}},
             {{"frame", frames}, {"value", 0.8}, {"interp", "hold"}}}}}}}};
    return withSignals(clipProjectJson(testMedia("bframes.mp4"), frames, effects, 160, 120),
                       signals);
}

} // namespace entropic::test
