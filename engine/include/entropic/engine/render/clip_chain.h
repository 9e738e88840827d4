#pragma once
// Runs one clip's effect chain on its frames, carrying temporal state by the
// TemporalSchedule rule.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "entropic/effects/container.h"
#include "entropic/engine/render/temporal_schedule.h"

namespace entropic::engine {

struct ChainInput {
    const fx::Frame* frame = nullptr;         // the clip's conformed source frame
    std::span<const fx::MotionVector> motion; // decoder motion, in that frame's coordinates
};

class ClipChain {
  public:
    // Source of the clip's conformed frame at clip-local index k. The returned
    // frame must stay valid until the next call.
    using Source = std::function<ChainInput(std::int64_t k)>;

    // Called before effect `effect` (index into the chain) runs on clip frame
    // k, with the instance's base parameter values and mix, to make them that
    // frame's (SignalRuntime: modulation and automation). Replayed and shadow
    // frames ask for their own k, so temporal state is rebuilt from the values
    // each frame had.
    using ParamResolver =
        std::function<void(std::size_t effect, std::int64_t k, fx::EffectInstance& instance)>;

    ClipChain(std::vector<fx::EffectInstance> effects, std::string projectId, int rateNum,
              int rateDen, const fx::RowRunner* rows, ParamResolver resolver = {});

    // Becomes a fresh chain of these effects, exactly as if newly built
    // (temporal state starts afresh), but keeps its frame buffers: an edit
    // of a knob then costs the effects, not 16 MB of new pages at 1080p.
    void reconfigure(std::vector<fx::EffectInstance> effects, std::string projectId, int rateNum,
                     int rateDen, ParamResolver resolver = {});

    const TemporalSchedule& schedule() const { return schedule_; }
    bool empty() const;

    // Frame n of the clip through the chain. The result stays valid until the
    // next call. renderScale is handed to effects; a change of scale or frame
    // size restarts temporal state (it is a different picture).
    const fx::Frame& render(std::int64_t n, const Source& source, double renderScale = 1.0);

    // How many chain evaluations were spent replaying history (for tests and stats).
    std::int64_t replayedFrames() const { return replayed_; }

  private:
    struct Lane {
        std::vector<std::unique_ptr<fx::EffectState>> states;
        std::int64_t anchor = -1; // frame the lane started from, empty state
        std::int64_t next = -1;   // next frame the lane expects
        bool valid() const { return anchor >= 0; }
    };

    void resetLane(Lane& lane, std::int64_t anchor);
    // Runs the chain for frame k on lane; returns the output buffer.
    const fx::Frame& step(Lane& lane, std::int64_t k, const ChainInput& input);
    void feedShadow(std::int64_t k, const ChainInput& input);

    std::vector<fx::EffectInstance> effects_;
    ParamResolver resolver_;
    std::vector<fx::EffectInstance> resolved_; // effects_ with this frame's values (resolver_ only)
    std::string projectId_;
    int rateNum_ = 30, rateDen_ = 1;
    const fx::RowRunner* rows_;
    TemporalSchedule schedule_;
    double scale_ = 1.0;
    int width_ = 0, height_ = 0;
    Lane main_, shadow_;
    fx::Frame buffers_[2];
    fx::Frame shadowBuffers_[2];
    std::int64_t replayed_ = 0;
};

} // namespace entropic::engine
