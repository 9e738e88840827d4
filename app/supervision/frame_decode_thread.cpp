#include "supervision/frame_decode_thread.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/ipc/frame_ring.h"
#include "entropic/ipc/jpeg_codec.h"

namespace entropic::app {

struct FrameDecodeThread::Shared {
    std::mutex mutex; // guards jobs and stopping
    std::condition_variable cv;
    std::deque<DecodeJob> jobs;
    bool stopping = false;
    Mode mode = Mode::Newest;
    Deliver deliver;

    // Owned by the decode thread alone.
    std::unique_ptr<ipc::FrameRingReader> reader;
    std::string readerName;
    ipc::JpegDecoder decoder;
    std::vector<std::uint8_t> jpeg;

    std::optional<DecodeJob> take() {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return stopping || !jobs.empty(); });
        if (stopping) return std::nullopt;
        std::optional<DecodeJob> job = std::move(jobs.front());
        jobs.pop_front();
        return job;
    }

    DecodeResult decode(DecodeJob job) {
        DecodeResult result;
        result.job = std::move(job);
        const DecodeJob& j = result.job;
        if (!reader || readerName != j.ring) {
            reader.reset(); // unmaps the ring of an engine that is gone
            readerName.clear();
            try {
                reader = std::make_unique<ipc::FrameRingReader>(j.ring);
                readerName = j.ring;
            } catch (const std::exception& e) {
                result.error = QString::fromUtf8(e.what());
                return result;
            }
        }
        ipc::RingFrameInfo info;
        if (!reader->read(j.slot, j.sequence, info, jpeg)) {
            result.status = DecodeResult::Status::Overwritten;
            return result;
        }
        // The QImage owns the decoded frame: no copy on the way to the viewer.
        auto frame = std::make_unique<fx::Frame>();
        if (!decoder.decode(jpeg.data(), jpeg.size(), *frame, j.scaleDenom)) {
            result.error = QStringLiteral("frame %1: the JPEG in ring slot %2 is corrupt")
                               .arg(j.frame)
                               .arg(j.slot);
            return result;
        }
        fx::Frame* pixels = frame.release();
        result.image = QImage(
            pixels->data(), pixels->width(), pixels->height(), pixels->stride(),
            QImage::Format_RGBX8888, [](void* p) { delete static_cast<fx::Frame*>(p); }, pixels);
        result.status = DecodeResult::Status::Decoded;
        return result;
    }

    void run() {
        while (auto job = take())
            deliver(decode(std::move(*job)));
    }
};

FrameDecodeThread::FrameDecodeThread(Deliver deliver, Mode mode)
    : shared_(std::make_shared<Shared>()) {
    shared_->deliver = std::move(deliver);
    shared_->mode = mode;
    thread_ = std::make_unique<WorkerThread>("frame-decode", [shared = shared_] { shared->run(); });
}

FrameDecodeThread::~FrameDecodeThread() {
    {
        const std::lock_guard lock(shared_->mutex);
        shared_->stopping = true;
        shared_->cv.notify_one();
    }
    thread_->finish(std::chrono::seconds(5));
}

void FrameDecodeThread::post(DecodeJob job) {
    const std::lock_guard lock(shared_->mutex);
    if (shared_->mode == Mode::Newest) shared_->jobs.clear();
    shared_->jobs.push_back(std::move(job));
    shared_->cv.notify_one();
}

void FrameDecodeThread::clear() {
    const std::lock_guard lock(shared_->mutex);
    shared_->jobs.clear();
}

} // namespace entropic::app
