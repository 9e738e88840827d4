#include "entropic/engine/analysis/analysis_pass.h"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include "entropic/engine/analysis/source_analysis.h"
#include "entropic/engine/error.h"
#include "entropic/ipc/prompt_wakeups.h"

namespace entropic::engine {
namespace {

bool sameSource(const AnalysisSource& a, const AnalysisSource& b) {
    return a.id == b.id && a.kind == b.kind && a.clip == b.clip &&
           AnalysisStore::analysisName(a.key) == AnalysisStore::analysisName(b.key);
}

bool sameSources(const std::vector<AnalysisSource>& a, const std::vector<AnalysisSource>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), sameSource);
}

} // namespace

std::vector<AnalysisSource> analysisSources(const Project& project) {
    std::vector<AnalysisSource> sources;
    if (!project.signalGraph) return sources;
    for (const auto& spec : project.signalGraph->sources())
        if (const auto media = sourceAnalysis(project, spec))
            sources.push_back({spec.id, spec.kind, media->clip->id, media->key});
    return sources;
}

std::string_view analysisStateName(AnalysisState state) {
    switch (state) {
    case AnalysisState::Queued:
        return "queued";
    case AnalysisState::Running:
        return "running";
    case AnalysisState::Done:
        return "done";
    case AnalysisState::Failed:
        return "failed";
    }
    return "queued";
}

struct AnalysisPass::Job {
    AnalysisKey key;
    std::string name; // AnalysisStore::analysisName
    AnalysisState state = AnalysisState::Queued;
    bool opened = false; // total is known
    std::int64_t done = 0, total = 0;
    std::string errorCode, errorMessage;
};

AnalysisPass::AnalysisPass(std::shared_ptr<AnalysisStore> store)
    : AnalysisPass(std::move(store), Options{}) {}

AnalysisPass::AnalysisPass(std::shared_ptr<AnalysisStore> store, Options options)
    : store_(std::move(store)), options_(std::move(options)) {
    thread_ = std::thread([this] { run(); });
    pthread_setname_np(thread_.native_handle(), "entropic-signal");
}

AnalysisPass::~AnalysisPass() {
    stop();
    thread_.join();
}

void AnalysisPass::stop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
}

void AnalysisPass::setSources(std::vector<AnalysisSource> sources) {
    {
        std::lock_guard lock(mutex_);
        if (stop_) return;
        if (sameSources(sources, sources_)) {
            // A file that was missing may be there now.
            for (auto& job : jobs_)
                if (job.state == AnalysisState::Failed) job = Job{job.key, job.name};
        } else {
            std::vector<Job> jobs;
            std::vector<std::size_t> jobOf;
            for (const auto& s : sources) {
                const std::string name = AnalysisStore::analysisName(s.key);
                const auto same = std::find_if(jobs.begin(), jobs.end(),
                                               [&](const Job& j) { return j.name == name; });
                jobOf.push_back(static_cast<std::size_t>(same - jobs.begin()));
                if (same == jobs.end()) jobs.push_back(Job{s.key, name});
            }
            sources_ = std::move(sources);
            jobs_ = std::move(jobs);
            jobOf_ = std::move(jobOf);
            ++generation_; // the step in hand, if any, is for the old set: dropped
        }
    }
    wake_.notify_all();
    idle_.notify_all(); // an empty set is idle at once
}

bool AnalysisPass::busyLocked() const {
    return std::any_of(jobs_.begin(), jobs_.end(), [](const Job& j) {
        return j.state == AnalysisState::Queued || j.state == AnalysisState::Running;
    });
}

AnalysisStatus AnalysisPass::statusLocked() const {
    AnalysisStatus status;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
        const Job& job = jobs_[jobOf_[i]];
        status.sources.push_back(
            {sources_[i], job.state, job.done, job.total, job.errorCode, job.errorMessage});
    }
    for (const auto& job : jobs_) {
        status.done += job.done;
        status.total += job.total;
    }
    status.busy = busyLocked();
    return status;
}

AnalysisStatus AnalysisPass::status() const {
    std::lock_guard lock(mutex_);
    return statusLocked();
}

bool AnalysisPass::waitIdle(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, timeout, [this] { return !busyLocked(); });
}

void AnalysisPass::run() {
    // Speculative work: it gets what the CPU has left after the command loop,
    // previews and exports. Threads FFmpeg starts for its decoders inherit it.
    ipc::preferThroughput();
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), options_.nice);
    std::unique_lock lock(mutex_);
    for (;;) {
        // Open every file first, so the totals are known early; then measure
        // the analyses one after another, a chunk at a time.
        auto next = jobs_.end();
        wake_.wait(lock, [&] {
            if (stop_) return true;
            next = std::find_if(jobs_.begin(), jobs_.end(), [](const Job& j) {
                return !j.opened && j.state != AnalysisState::Failed;
            });
            if (next == jobs_.end())
                next = std::find_if(jobs_.begin(), jobs_.end(), [](const Job& j) {
                    return j.state == AnalysisState::Queued || j.state == AnalysisState::Running;
                });
            return next != jobs_.end();
        });
        if (stop_) return;
        const std::uint64_t generation = generation_;
        const auto index = static_cast<std::size_t>(next - jobs_.begin());
        const AnalysisKey key = next->key;
        const bool opening = !next->opened;
        if (!opening) next->state = AnalysisState::Running;

        lock.unlock();
        AnalysisExtent extent;
        std::string code, message;
        try {
            extent =
                store_->extend(key, opening ? 0 : std::max<std::int64_t>(1, options_.chunkFrames));
        } catch (const EngineError& e) {
            code = e.code();
            message = e.what();
        } catch (const std::exception& e) {
            code = errc::kFailed;
            message = std::visit([](const auto& k) { return k.path; }, key) + ": " + e.what();
        }
        lock.lock();
        if (generation != generation_) continue; // a new set of sources came meanwhile

        Job& job = jobs_[index];
        job.opened = true;
        if (!code.empty()) {
            job.state = AnalysisState::Failed;
            job.errorCode = code;
            job.errorMessage = message;
        } else {
            job.done = extent.done;
            job.total = extent.total;
            if (extent.done >= extent.total) job.state = AnalysisState::Done;
        }
        if (!busyLocked()) idle_.notify_all();
        if (options_.afterStep) {
            const AnalysisStatus status = statusLocked();
            lock.unlock();
            options_.afterStep(status);
            lock.lock();
        }
    }
}

} // namespace entropic::engine
