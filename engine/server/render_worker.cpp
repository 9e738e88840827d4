#include "render_worker.h"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <future>

#include "entropic/effects/frame.h"
#include "entropic/engine/error.h"
#include "entropic/engine/media/scrub_proxy.h"
#include "entropic/engine/render/timeline_renderer.h"

namespace entropic::engine {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
} // namespace

nlohmann::json PlayStats::toJson() const {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& [at, tier] : tierChanges)
        changes.push_back({{"at", at}, {"tier", tier}});
    return {{"session", session},         {"playing", playing},     {"produced", produced},
            {"skipped", skipped},         {"failed", failed},       {"last_frame", lastFrame},
            {"from_cache", fromCache},    {"tier", tier},           {"scale", scale},
            {"mean_cost_ms", meanCostMs}, {"tier_changes", changes}};
}

RenderWorker::RenderWorker(const ProjectSlot& project, FrameCache& cache, int ringSlots,
                           int threads)
    : project_(project), cache_(cache), threads_(threads), ring_(ringSlots) {
    thread_ = std::thread([this] { loop(); });
    pthread_setname_np(thread_.native_handle(), "entropic-render");
}

RenderWorker::~RenderWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    for (const auto& job : queue_)
        job.responder.fail(errc::kFailed, "the engine is shutting down");
}

void RenderWorker::submit(RenderJob job) {
    {
        std::lock_guard lock(mutex_);
        aheadFrom_ = aheadNext_ = job.frame;
        aheadVersion_ = 0;
        lastRequest_ = Clock::now();
        queue_.push_back(std::move(job));
        busy_ = true;
    }
    wake_.notify_one();
}

void RenderWorker::setAheadGate(std::function<bool()> allowed) {
    std::lock_guard lock(mutex_);
    aheadAllowed_ = std::move(allowed);
}

void RenderWorker::setProxyLookup(
    std::function<std::shared_ptr<ScrubProxy>(const std::string&)> lookup) {
    std::lock_guard lock(mutex_);
    proxyLookup_ = std::move(lookup);
}

void RenderWorker::play(const PlayStart& start) {
    {
        std::lock_guard lock(mutex_);
        plan_.start(start, Clock::now());
        tiers_.reset();
        stats_ = PlayStats{};
        stats_.session = start.session;
        stats_.playing = true;
        playing_ = true;
    }
    wake_.notify_one();
}

bool RenderWorker::updateClock(std::uint32_t session, double position) {
    {
        std::lock_guard lock(mutex_);
        if (!playing_ || stats_.session != session) return false;
        plan_.updateClock(position, Clock::now());
    }
    wake_.notify_one();
    return true;
}

PlayStats RenderWorker::stop(std::uint32_t session) {
    std::lock_guard lock(mutex_);
    if (playing_ && (session == 0 || session == stats_.session)) {
        playing_ = false;
        stats_.playing = false;
        if (stats_.lastFrame >= 0) aheadFrom_ = aheadNext_ = stats_.lastFrame;
        aheadVersion_ = 0;
        lastRequest_ = Clock::now();
    }
    return stats_;
}

PlayStats RenderWorker::playStats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void RenderWorker::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (stop_) return;
        if (!queue_.empty()) {
            RenderJob job = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            renderJob(job);
            lock.lock();
            busy_ = !queue_.empty();
            continue;
        }
        if (playing_) {
            playStep(lock);
            continue;
        }
        const auto idleUntil = lastRequest_ + kIdleBeforeAhead;
        if (Clock::now() < idleUntil) {
            wake_.wait_until(lock, idleUntil);
            continue;
        }
        if (renderAhead(lock)) continue;
        wake_.wait_for(lock, std::chrono::milliseconds(250), [this] {
            return stop_ || !queue_.empty() || playing_ ||
                   (aheadVersion_ != 0 && cache_.version() != aheadVersion_);
        });
    }
}

void RenderWorker::playStep(std::unique_lock<std::mutex>& lock) {
    const int lookahead = playLookahead(ring_.slotCount(), plan_.settings().ahead);
    if (const auto project = project_.current())
        plan_.setFrameCount(project->frameCount()); // edits while playing
    // A cached frame costs a copy; any other what the chain cost lately, and
    // then the publisher's JPEG before it is in the ring.
    const double chainSeconds = (tiers_.costMs() + publisher_.lastMs()) / 1000.0;
    const auto step = plan_.next(
        Clock::now(),
        [&](std::int64_t frame) { return cache_.contains(frame) ? 0.002 : chainSeconds; },
        lookahead);
    switch (step.kind) {
    case PlaybackPlan::Step::Kind::End:
        playing_ = false;
        stats_.playing = false;
        return;
    case PlaybackPlan::Step::Kind::Wait:
        // Woken early by a clock report, a render_frame or stop.
        wake_.wait_for(lock, std::chrono::duration<double>(std::min(step.waitSeconds, 0.05)));
        return;
    case PlaybackPlan::Step::Kind::Render:
        break;
    }
    const std::uint32_t session = stats_.session;
    const double scale = tiers_.scale();
    const double periodMs =
        1000.0 / (plan_.settings().fps * std::max(1e-9, std::abs(plan_.settings().rate)));
    const int direction = plan_.direction();
    const bool live = plan_.settings().ahead > 0;
    lock.unlock();

    const auto started = Clock::now();
    bool ok = true;
    bool fromCache = false;
    try {
        fromCache = produce({.frame = step.frame,
                             .scale = scale,
                             .session = session,
                             .playhead = step.frame,
                             .direction = direction,
                             .readAhead = direction > 0 ? kReadAhead : 0,
                             .publishBehind = true})
                        .fromCache;
        // A live session (a project with pads) keeps the decoders with the
        // clock through cached frames: a hit empties the cache, and the
        // first frame after it must cost a render, not a seek.
        if (fromCache && live) rendererFor(false, project_.required()).follow(step.frame, scale);
    } catch (const std::exception&) {
        // A frame that cannot be rendered while playing is skipped and
        // counted; the paused viewer's render_frame reports the reason.
        ok = false;
    }
    const double costMs = msSince(started);

    lock.lock();
    if (!playing_ || stats_.session != session) return; // stopped or replaced meanwhile
    plan_.produced(step.frame);
    if (!ok) {
        ++stats_.failed;
        return;
    }
    stats_.failed += publisher_.lost() - lostSeen_; // frames the publisher could not write
    lostSeen_ = publisher_.lost();
    stats_.skipped += step.skipped;
    ++stats_.produced;
    stats_.lastFrame = step.frame;
    stats_.meanCostMs += (costMs - stats_.meanCostMs) / static_cast<double>(stats_.produced);
    // A frame from the cache says nothing about what the chain costs.
    if (fromCache)
        ++stats_.fromCache;
    else if (tiers_.record(costMs, periodMs, step.skipped))
        stats_.tierChanges.emplace_back(stats_.produced, tiers_.tier());
    stats_.tier = tiers_.tier();
    stats_.scale = tiers_.scale();
    lastFrameMs_ = costMs;
}

bool RenderWorker::renderAhead(std::unique_lock<std::mutex>& lock) {
    if (cache_.budget() == 0 || (aheadAllowed_ && !aheadAllowed_())) return false;
    if (aheadVersion_ != 0 && cache_.version() == aheadVersion_)
        return false; // gave up; nothing changed
    const ProjectSnapshot snapshot = project_.current();
    if (!snapshot) return false;
    const std::int64_t count = snapshot->frameCount();
    // The next frame not cached yet, from the playhead on.
    std::int64_t frame = std::max(aheadNext_, aheadFrom_);
    while (frame < count && cache_.contains(frame))
        ++frame;
    if (frame >= count) {
        aheadNext_ = aheadFrom_;
        aheadVersion_ = cache_.version();
        return false;
    }
    const std::int64_t playhead = aheadFrom_;
    lock.unlock();
    bool stored = false;
    try {
        produce({.frame = frame,
                 .toRing = false,
                 .playhead = playhead,
                 .ahead = true,
                 .readAhead = kReadAhead});
        stored = cache_.contains(frame);
    } catch (const std::exception&) {
        // A frame that cannot be rendered is reported when it is asked for.
    }
    lock.lock();
    if (aheadFrom_ != playhead) return true; // a new playhead meanwhile: start from there
    aheadNext_ = frame + 1;
    // Refused: the budget is full of frames nearer the playhead. Wait until
    // the cache changes (an edit, a new playhead) before trying again.
    if (!stored) aheadVersion_ = cache_.version();
    return true;
}

TimelineRenderer& RenderWorker::rendererFor(bool ahead, const ProjectSnapshot& snapshot) {
    auto& renderer = ahead ? aheadRenderer_ : renderer_;
    if (!renderer)
        renderer = std::make_unique<TimelineRenderer>(snapshot, threads_);
    else if (renderer->project() != snapshot)
        renderer->setProject(snapshot);
    return *renderer;
}

RenderWorker::Produced RenderWorker::produce(const ProduceRequest& request) {
    const std::int64_t frameIndex = request.frame;
    const bool toRing = request.toRing;
    Produced out;
    if (auto cached = cache_.find(frameIndex)) {
        out.fromCache = true;
        out.renderMs = cached->renderMs;
        if (toRing) publisher_.drain(); // one writer in the ring at a time
        if (toRing)
            out.info = ring_.write(frameIndex, cached->width, cached->height, cached->rgbaHash,
                                   cached->renderMs, cached->jpeg->data(), cached->jpeg->size(),
                                   request.session);
        return out;
    }
    // The generation is read before the snapshot (frame_cache.h): a frame of
    // a project an edit has replaced never lands in the cache.
    const std::uint64_t generation = cache_.generation();
    const ProjectSnapshot snapshot = project_.required();
    TimelineRenderer& renderer = rendererFor(request.ahead, snapshot);
    renderer.setReadAhead(request.readAhead);

    const std::int64_t count = std::max<std::int64_t>(1, snapshot->frameCount());
    if (frameIndex >= count)
        throw EngineError(errc::kOutOfRange, "frame " + std::to_string(frameIndex) +
                                                 " is past the project's last frame " +
                                                 std::to_string(count - 1));
    const fx::Frame& frame = renderer.render(frameIndex, request.scale);
    out.renderMs = renderer.stats().ms;
    const bool fullSize = frame.width() == snapshot->width && frame.height() == snapshot->height;
    const bool toCache = fullSize && cache_.budget() > 0;
    auto keep = [this, frameIndex, generation, renderMs = static_cast<float>(out.renderMs),
                 width = frame.width(), height = frame.height(), playhead = request.playhead,
                 direction = request.direction](const std::vector<std::uint8_t>& jpeg,
                                                std::uint64_t hash) {
        CachedFrame entry;
        entry.jpeg = std::make_shared<const std::vector<std::uint8_t>>(jpeg);
        entry.width = width;
        entry.height = height;
        entry.rgbaHash = hash;
        entry.renderMs = renderMs;
        cache_.put(frameIndex, std::move(entry), generation, playhead, direction);
    };
    if (toRing && request.publishBehind) {
        // Playing: the JPEG of this frame is made while the next one renders.
        FramePublisher::Publication publication{.frameIndex = frameIndex,
                                                .renderMs = static_cast<float>(out.renderMs),
                                                .session = request.session};
        if (toCache) publication.keep = keep;
        publisher_.publish(frame.view(), std::move(publication));
        return out;
    }
    std::uint64_t hash = 0;
    if (toCache || (toRing && request.session == 0)) {
        // The hash and the JPEG both read the whole frame: do them side by side.
        auto hashing =
            std::async(std::launch::async, [&frame] { return fx::frameHash(frame.view()); });
        encoder_.encode(frame.view(), jpeg_);
        hash = hashing.get();
    } else {
        encoder_.encode(frame.view(), jpeg_);
    }
    if (toRing) {
        publisher_.drain(); // one writer in the ring at a time
        out.info = ring_.write(frameIndex, frame.width(), frame.height(), hash,
                               static_cast<float>(out.renderMs), jpeg_.data(), jpeg_.size(),
                               request.session);
    }
    if (toCache) keep(jpeg_, hash);
    return out;
}

bool RenderWorker::produceProxy(const RenderJob& job, Produced& out) {
    std::function<std::shared_ptr<ScrubProxy>(const std::string&)> lookup;
    {
        std::lock_guard lock(mutex_);
        lookup = proxyLookup_;
    }
    if (!lookup || cache_.contains(job.frame)) return false;
    const ProjectSnapshot snapshot = project_.required();
    if (!proxyRenderer_) {
        proxyRenderer_ = std::make_unique<TimelineRenderer>(snapshot, threads_);
        proxyRenderer_->useProxies(std::move(lookup));
    } else if (proxyRenderer_->project() != snapshot) {
        proxyRenderer_->setProject(snapshot);
    }
    if (job.frame >= std::max<std::int64_t>(1, snapshot->frameCount())) return false;
    // The proxies' size (or the asked-for one, if smaller).
    const double scale =
        std::min({job.scale, 1.0, static_cast<double>(ScrubProxySize::kMaxWidth) / snapshot->width,
                  static_cast<double>(ScrubProxySize::kMaxHeight) / snapshot->height});
    const fx::Frame* frame = nullptr;
    try {
        frame = &proxyRenderer_->render(job.frame, scale);
    } catch (const std::exception&) {
        // No proxy yet, or anything else: the exact render says what is wrong.
        return false;
    }
    out.renderMs = proxyRenderer_->stats().ms;
    auto hashing = std::async(std::launch::async, [frame] { return fx::frameHash(frame->view()); });
    encoder_.encode(frame->view(), jpeg_);
    const std::uint64_t hash = hashing.get();
    publisher_.drain(); // one writer in the ring at a time
    out.info = ring_.write(job.frame, frame->width(), frame->height(), hash,
                           static_cast<float>(out.renderMs), jpeg_.data(), jpeg_.size(), 0);
    return true;
}

void RenderWorker::renderJob(RenderJob& job) {
    try {
        const auto started = Clock::now();
        Produced produced;
        const bool proxy = job.proxy && produceProxy(job, produced);
        if (!proxy)
            produced = produce({.frame = job.frame, .scale = job.scale, .playhead = job.frame});
        const auto& info = produced.info;
        const double renderMs = produced.fromCache ? 0.0 : produced.renderMs;
        const double totalMs = msSince(started);
        lastFrameMs_ = totalMs;
        job.responder.ok({{"frame", job.frame},
                          {"slot", info.slot},
                          {"sequence", info.sequence},
                          {"width", info.width},
                          {"height", info.height},
                          {"hash", fx::hashToHex(info.rgbaHash)},
                          {"jpeg_bytes", info.jpegBytes},
                          {"render_ms", renderMs},
                          {"total_ms", totalMs},
                          {"replayed_frames",
                           produced.fromCache || proxy ? 0 : renderer_->stats().replayedFrames},
                          {"cached", produced.fromCache},
                          {"proxy", proxy},
                          {"ring", ring_.name()}});
    } catch (const std::exception& e) {
        job.responder.fail(e);
    }
}

} // namespace entropic::engine
