#pragma once
// The signal graph of one project snapshot, evaluated for rendering
// (docs/signals.md, "The API the engine calls"): source series measured on
// the project's media (AnalysisStore) and its performance lanes, laid onto
// timeline frames, and one SignalEvaluator extended from frame 0.
//
// Frame indices: signals and automation keys use *timeline* frames; effects
// (and their seeds and temporal state) use *clip-local* frames. A clip's
// frame k is timeline frame clip.start + k, and its parameters on that frame
// are resolved at clip.start + k (so moving a clip moves it against the
// music, as an editor expects). A source measuring clip c reads, at timeline
// frame t inside c, source frame c.in + (t − c.start) of c's file, and 0
// outside c.
//
// Every value is a function of the project and the media alone (the
// evaluator's series-from-frame-0 rule, the analysis' per-file measurement),
// so sequential play, seeks, a fresh runtime and an export agree.
//
// Threads: one runtime belongs to one thread (like SignalEvaluator); the
// analysis store it reads is shared and thread-safe.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entropic/effects/params.h"
#include "entropic/engine/analysis/analysis_store.h"
#include "entropic/engine/project/project.h"
#include "entropic/signal/evaluator.h"

namespace entropic::engine {

class SignalRuntime {
  public:
    // project->signalGraph null: a runtime where nothing moves.
    SignalRuntime(ProjectSnapshot project, std::shared_ptr<AnalysisStore> analysis);
    ~SignalRuntime();

    // Null when the project has no signal graph.
    const sig::SignalGraph* graph() const;
    // The graph's catalog index of an effect instance whose parameters move
    // (routes or lanes target it), else nothing.
    std::optional<std::size_t> movedEffect(std::string_view instanceId) const;

    // Makes every node and route final for timeline frames [0, frameCount),
    // measuring the media as far as needed. Throws EngineError naming the
    // source and the file when its media cannot be analysed.
    void extendTo(std::int64_t frameCount);
    // values: the instance's base values; on return what the effect gets on
    // timeline frame `frame` (base → + modulation → automation → clamp).
    // mix, when given, likewise: the instance's base dry/wet in, the frame's
    // out (routes and lanes to "mix", fx::mixParam()).
    void resolve(std::size_t effect, std::int64_t frame, fx::ParamValues& values,
                 double* mix = nullptr);
    // Frames [0, computed()) are final; the evaluator answers for them.
    const sig::SignalEvaluator& evaluator() const;

  private:
    struct Source;
    void fill(std::size_t source, std::int64_t frameCount);

    ProjectSnapshot project_;
    std::shared_ptr<AnalysisStore> analysis_;
    std::vector<Source> sources_;
    std::vector<sig::Series> series_;
    std::vector<sig::SeriesView> views_;
    std::unique_ptr<sig::SignalEvaluator> evaluator_;
    // Per catalog effect: its parameters and then the mix, as resolution
    // takes them (made on the effect's first frame).
    std::vector<std::optional<fx::ParamValues>> withMix_;
};

// Everything resolved parameter values depend on besides the frame and the
// media's content: the graph, tempo, performance lanes, frame rate, project
// id (operator seeds), what each source measures (its clip's file, start, in
// and out) and the descriptors of the effects it moves. Empty when nothing
// moves. Equal keys give equal values on every frame: the renderer keeps its
// runtime and chains, and the frame cache its frames (project_diff.h).
std::string signalsKey(const Project& project);

// Whether a parameter of one of the clip's effects moves.
bool clipIsModulated(const Project& project, const Clip& clip);

} // namespace entropic::engine
