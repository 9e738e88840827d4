#include "media_json.h"

namespace entropic::engine {

nlohmann::json mediaInfoToJson(const MediaInfo& info) {
    nlohmann::json j = {{"path", info.path},
                        {"container", info.container},
                        {"duration_s", info.durationSeconds},
                        {"video", nullptr},
                        {"audio", nlohmann::json::array()}};
    if (info.video) {
        const auto& v = *info.video;
        j["video"] = {{"stream", v.streamIndex},
                      {"codec", v.codec},
                      {"pixel_format", v.pixelFormat},
                      {"coded_width", v.codedWidth},
                      {"coded_height", v.codedHeight},
                      {"width", v.width},
                      {"height", v.height},
                      {"rotation", v.rotation},
                      {"frame_rate", {{"num", v.frameRate.num}, {"den", v.frameRate.den}}},
                      {"variable_frame_rate", v.variableFrameRate},
                      {"frame_count", v.frameCount},
                      {"b_frames", v.hasBFrames},
                      {"duration_s", v.durationSeconds}};
    }
    for (const auto& a : info.audio)
        j["audio"].push_back({{"stream", a.streamIndex},
                              {"codec", a.codec},
                              {"sample_rate", a.sampleRate},
                              {"channels", a.channels},
                              {"duration_s", a.durationSeconds}});
    return j;
}

} // namespace entropic::engine
