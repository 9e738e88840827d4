#pragma once
// The engine's background analysis (docs/signals.md, "In the engine"): every
// signal source of the loaded project measured over its whole file, a chunk
// of frames at a time, on one low-priority thread ("entropic-signal"), into
// the AnalysisStore the renderers read. Playback and export then find their
// sources measured, and a reopened project finds them on disk.
//
// It never makes rendering wait for more than one chunk: the store's entry
// lock is held a chunk at a time, on-demand callers go first, and a chunk
// ends early (between two frames) when one starts waiting. A new set of
// sources, stop() or destruction ends the analysis in hand at its next chunk
// boundary (what it measured stays in the store).
//
// Threads: every method may be called from any thread (the command loop);
// the pass thread belongs to the object.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "entropic/engine/analysis/analysis_store.h"
#include "entropic/engine/project/project.h"

namespace entropic::engine {

// One signal source measured on media.
struct AnalysisSource {
    std::string id; // the signal source's id
    sig::SourceKind kind = sig::SourceKind::AudioRms;
    std::string clip; // the clip it measures
    AnalysisKey key;  // its file and settings (sourceAnalysis())
};

// The project's sources measured on media, in listing order. Gates are left
// out: they are the project's own events, nothing to measure.
std::vector<AnalysisSource> analysisSources(const Project& project);

enum class AnalysisState { Queued, Running, Done, Failed };
std::string_view analysisStateName(AnalysisState state); // "queued", "running", …

struct AnalysisSourceStatus {
    AnalysisSource source;
    AnalysisState state = AnalysisState::Queued;
    std::int64_t done = 0;               // source frames measured, from 0
    std::int64_t total = 0;              // the whole file's source frames; 0 until it is opened
    std::string errorCode, errorMessage; // when failed; the message names the file
};

struct AnalysisStatus {
    std::vector<AnalysisSourceStatus> sources; // as given to setSources
    // Over the distinct analyses: a file two sources measure alike counts once.
    std::int64_t done = 0, total = 0;
    bool busy = false; // some analysis is queued or running
};

class AnalysisPass {
  public:
    struct Options {
        // Frames measured while holding an entry's lock: the longest a
        // renderer asking for the same file could wait for the pass (it is
        // cut short when one does).
        std::int64_t chunkFrames = 64;
        // Below the command loop, previews and exports (niced 10).
        int nice = 15;
        // Called on the pass thread after each step (opening a file or
        // measuring a chunk) with the status then: tests hold the pass at a
        // known point with it.
        std::function<void(const AnalysisStatus&)> afterStep;
    };

    explicit AnalysisPass(std::shared_ptr<AnalysisStore> store);
    AnalysisPass(std::shared_ptr<AnalysisStore> store, Options options);
    ~AnalysisPass(); // stop() and join

    // Replaces the sources to measure. The same sources again (an edit that
    // left them alone) keep their progress; only failed ones are tried again.
    void setSources(std::vector<AnalysisSource> sources);
    AnalysisStatus status() const;
    // Ends the pass at the next chunk boundary; later setSources are ignored.
    void stop();
    // Waits until nothing is queued or running; false on timeout.
    bool waitIdle(std::chrono::milliseconds timeout) const;

  private:
    struct Job; // one distinct analysis
    void run();
    bool busyLocked() const;
    AnalysisStatus statusLocked() const;

    const std::shared_ptr<AnalysisStore> store_;
    const Options options_;
    mutable std::mutex mutex_;             // guards everything below
    mutable std::condition_variable wake_; // new sources, or stop
    mutable std::condition_variable idle_; // busy became false
    std::vector<AnalysisSource> sources_;
    std::vector<std::size_t> jobOf_; // per source, into jobs_
    std::vector<Job> jobs_;
    std::uint64_t generation_ = 0; // bumped by each new set of sources
    bool stop_ = false;
    std::thread thread_;
};

} // namespace entropic::engine
