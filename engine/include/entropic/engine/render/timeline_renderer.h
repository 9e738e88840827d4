#pragma once
// Renders timeline frames of a project snapshot: for each video track, bottom
// to top, the clip under the frame is decoded, conformed to the project size
// (fit, centred, transparent outside the picture), run through its effect
// chain (its parameters resolved for the frame: SignalRuntime) and
// composited with the track's opacity over opaque black.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "entropic/effects/frame.h"
#include "entropic/engine/analysis/analysis_store.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/thread_rows.h"

namespace entropic::engine {

struct DecodedFrame;
class ScrubProxy;
class SignalRuntime;

// A visible clip's scrub proxy is not made (or no longer matches its file):
// render the exact frame instead.
struct NoScrubProxy : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct RenderStats {
    double ms = 0;                   // wall time of the last render()
    std::int64_t replayedFrames = 0; // chain evaluations spent rebuilding temporal state
};

class TimelineRenderer {
  public:
    // threads: worker threads for effects (0: one per core). analysis: where
    // signal sources are measured (null: AnalysisStore::shared()).
    explicit TimelineRenderer(ProjectSnapshot project, int threads = 0,
                              std::shared_ptr<AnalysisStore> analysis = nullptr);
    ~TimelineRenderer();
    TimelineRenderer(const TimelineRenderer&) = delete;
    TimelineRenderer& operator=(const TimelineRenderer&) = delete;

    // Adopts a new snapshot. Decoders of sources still in use are kept; a clip
    // whose source, in point or chain changed starts its temporal state afresh,
    // and so does a modulated clip that moved or whose signals changed
    // (signalsKey).
    void setProject(ProjectSnapshot project);
    const ProjectSnapshot& project() const { return project_; }

    // Timeline frame `frame` at `scale` of the project size (0 < scale <= 1).
    // The result stays valid until the next call. Frames outside every clip are
    // opaque black. Throws EngineError naming the clip and file on media errors.
    const fx::Frame& render(std::int64_t frame, double scale = 1.0);

    // Decodes the source frames under timeline frame `frame` at `scale`
    // without running any effect: the decoders end where render(frame, scale)
    // would leave them. A player copying frames from the cache calls it for
    // each, so that the first frame it has to render after an edit emptied
    // the cache (a live pad hit, docs/performance.md) costs one decode, not a
    // seek back to a keyframe and up to a GOP of decodes. (A temporal chain
    // still rebuilds its state from its anchor, as after any seek.)
    void follow(std::int64_t frame, double scale = 1.0);

    // From now on, source frames come from scrub proxies (the editor's
    // dragged playhead), never from the files: render() throws NoScrubProxy
    // when a visible clip has none. For a renderer of its own: proxy and
    // exact frames never share decoders or temporal state.
    using ProxyLookup = std::function<std::shared_ptr<ScrubProxy>(const std::string& path)>;
    void useProxies(ProxyLookup lookup);

    // Frames each clip's decoder reads ahead on a thread of its own while
    // frames are asked for in order (a player; VideoDecoder::setReadAhead),
    // for the clips on screen (the others read nothing and hold no frames).
    // 0, the default, reads only what is asked for.
    void setReadAhead(int frames);

    const RenderStats& stats() const { return stats_; }

  private:
    struct ClipSlot;
    ClipSlot& slotFor(const Clip& clip);
    std::string chainKeyOf(const Clip& clip) const;
    // Sets the decoder's output to the clip's fit inside width × height.
    static void fitDecoder(ClipSlot& slot, int width, int height, int& fitW, int& fitH);
    // The decoded source frame of clip frame k.
    const DecodedFrame& decodeAt(ClipSlot& slot, const Clip& clip, std::int64_t k);

    ProjectSnapshot project_;
    std::shared_ptr<AnalysisStore> analysis_;
    std::string signalsKey_;
    std::unique_ptr<SignalRuntime> signals_;
    ThreadRows rows_;
    std::map<std::string, std::unique_ptr<ClipSlot>> slots_; // by clip id
    fx::Frame output_;
    RenderStats stats_;
    int readAhead_ = 0;
    std::uint64_t renders_ = 0; // render() calls so far
    ProxyLookup proxies_;
};

// Output size for a project at a render scale: at least 1×1.
void scaledSize(const Project& project, double scale, int& width, int& height);

} // namespace entropic::engine
