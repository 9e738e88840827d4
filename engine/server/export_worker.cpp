#include "export_worker.h"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include "entropic/engine/error.h"
#include "entropic/engine/media/export_formats.h"
#include "entropic/ipc/prompt_wakeups.h"

namespace entropic::engine {
namespace {
constexpr int kExportNice = 10;
}

ExportWorker::~ExportWorker() {
    cancel_ = true;
    join();
}

void ExportWorker::join() {
    if (thread_.joinable()) thread_.join();
}

void ExportWorker::start(ProjectSnapshot project, ExportSettings settings) {
    if (running_) throw EngineError(errc::kBusy, "an export is already running (" + path_ + ")");
    join();
    resolveExportRange(*project, settings);
    {
        std::lock_guard lock(mutex_);
        state_ = "running";
        path_ = settings.path;
        format_ = settings.format.empty() ? formatIdForPath(settings.path) : settings.format;
        errorCode_.clear();
        errorMessage_.clear();
        started_ = std::chrono::steady_clock::now();
    }
    done_ = 0;
    total_ = settings.end - settings.first;
    cancel_ = false;
    running_ = true;
    thread_ = std::thread([this, project = std::move(project), settings = std::move(settings)] {
        // An export is batch work: below the command loop and previews, so
        // ping and render_frame stay prompt while it keeps both cores busy.
        // Threads the encoder and decoder start inherit this priority.
        ipc::preferThroughput();
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kExportNice);
        std::string state, code, message;
        try {
            ExportCallbacks callbacks;
            callbacks.cancel = &cancel_;
            callbacks.progress = [this](std::int64_t done, std::int64_t) { done_ = done; };
            state = runExport(project, settings, callbacks) == ExportOutcome::Done ? "done"
                                                                                   : "cancelled";
        } catch (const std::exception& e) {
            state = "failed";
            code = errorCodeOf(e);
            message = e.what();
        }
        std::lock_guard lock(mutex_);
        state_ = state;
        errorCode_ = code;
        errorMessage_ = message;
        finished_ = std::chrono::steady_clock::now();
        running_ = false;
    });
    pthread_setname_np(thread_.native_handle(), "entropic-export");
}

nlohmann::json ExportWorker::status() const {
    std::lock_guard lock(mutex_);
    const auto end = running_ ? std::chrono::steady_clock::now() : finished_;
    const double elapsed =
        state_ == "idle" ? 0.0 : std::chrono::duration<double>(end - started_).count();
    const auto done = done_.load(), total = total_.load();
    nlohmann::json s = {{"state", state_},
                        {"path", path_},
                        {"format", format_},
                        {"frames_done", done},
                        {"frames_total", total},
                        {"progress", total > 0 ? static_cast<double>(done) / total : 0.0},
                        {"fps", elapsed > 0 ? done / elapsed : 0.0},
                        {"elapsed_s", elapsed}};
    if (!errorCode_.empty()) s["error"] = {{"code", errorCode_}, {"message", errorMessage_}};
    return s;
}

bool ExportWorker::cancel() {
    const bool wasRunning = running_;
    cancel_ = true;
    return wasRunning;
}

} // namespace entropic::engine
