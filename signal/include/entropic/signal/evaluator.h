#pragma once
// Evaluates a compiled graph frame by frame from frame 0 (docs/signals.md,
// "Determinism"): the value of any signal at frame n is what running every
// node and route over frames 0 … n produces. Values once computed never
// change, so the caller extends as playback advances, keeps the evaluator as
// its cache, and throws it away when the project (or a source's data for
// frames already computed) changes.
//
// Threads: the graph is immutable and may be shared; an evaluator belongs to
// one thread at a time (extendTo writes, the readers below read). Spans it
// returns are invalidated by extendTo and reset.
#include <cstdint>
#include <memory>
#include <span>

#include "entropic/signal/graph.h"
#include "entropic/signal/timing.h"

namespace entropic::sig {

class SignalEvaluator {
  public:
    SignalEvaluator(std::shared_ptr<const SignalGraph> graph, Timing timing);
    ~SignalEvaluator();
    SignalEvaluator(SignalEvaluator&&) noexcept;
    SignalEvaluator& operator=(SignalEvaluator&&) noexcept;

    const SignalGraph& graph() const { return *graph_; }
    const Timing& timing() const { return timing_; }

    // Frames [0, computed()) are available.
    std::int64_t computed() const;
    // Computes frames [computed(), frameCount). sources[i] is the series of
    // graph().sources()[i], one value per timeline frame; frames past its end
    // (or a missing entry) read 0. Frames already computed are not recomputed,
    // so sources must already hold their final values for every frame asked.
    void extendTo(std::int64_t frameCount, std::span<const SeriesView> sources);
    // Allocates room for frameCount frames at once, so extending up to it never
    // reallocates mid-playback (the engine passes the timeline length).
    void reserve(std::int64_t frameCount);
    // Back to nothing computed (after a source's data changed).
    void reset();

    // The output of node `node` at frame (frame < computed()).
    double node(std::size_t node, std::int64_t frame) const;
    // A route's processed signal at frame, before depth (0 for disabled routes).
    double route(std::size_t route, std::int64_t frame) const;
    SeriesView nodeSeries(std::size_t node) const; // frames [0, computed())
    SeriesView routeSeries(std::size_t route) const;

  private:
    struct Impl;
    std::shared_ptr<const SignalGraph> graph_;
    Timing timing_;
    std::unique_ptr<Impl> impl_;
};

} // namespace entropic::sig
