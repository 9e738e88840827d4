// entropic-jpeg-bench: what a frame costs on the way engine → ring → viewer.
// Prints one JSON object: median ms per 1080p JPEG Q95 4:2:0 encode and decode
// (full, 1/2, 1/4 scale) for a clean frame (smooth gradients) and a noisy one
// (gradients half-mixed with deterministic per-channel noise, the worst case
// for a glitch editor), plus the cost of creating and mapping a ring.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

#include "entropic/effects/frame.h"
#include "entropic/ipc/frame_ring.h"
#include "entropic/ipc/jpeg_codec.h"

using namespace entropic;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
constexpr int kIterations = 30;

fx::Frame makeFrame(bool noisy) {
    fx::Frame frame(kWidth, kHeight);
    std::uint32_t state = 0x9E3779B9u; // fixed seed: the same noise every run
    for (int y = 0; y < kHeight; ++y) {
        std::uint8_t* row = frame.view().row(y);
        for (int x = 0; x < kWidth; ++x) {
            std::uint8_t* p = row + x * 4;
            p[0] = static_cast<std::uint8_t>(x * 255 / (kWidth - 1));
            p[1] = static_cast<std::uint8_t>(y * 255 / (kHeight - 1));
            p[2] = static_cast<std::uint8_t>((x + y) * 255 / (kWidth + kHeight - 2));
            p[3] = 255;
            if (noisy)
                for (int c = 0; c < 3; ++c) {
                    state = state * 1664525u + 1013904223u;
                    p[c] = static_cast<std::uint8_t>(p[c] / 2 + (state >> 24) / 2);
                }
        }
    }
    return frame;
}

// Median wall time of `work` in ms, after one untimed warm-up run.
double medianMs(const std::function<void()>& work, int iterations = kIterations) {
    work();
    std::vector<double> times;
    for (int i = 0; i < iterations; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    return times[times.size() / 2];
}

nlohmann::json measureJpeg(bool noisy) {
    const fx::Frame frame = makeFrame(noisy);
    ipc::JpegEncoder encoder(95);
    ipc::JpegDecoder decoder;
    std::vector<std::uint8_t> jpeg;
    nlohmann::json result;
    result["encode_ms"] = medianMs([&] { encoder.encode(frame.view(), jpeg); });
    result["jpeg_bytes"] = jpeg.size();
    fx::Frame out;
    for (const int denom : {1, 2, 4}) {
        const char* key = denom == 1   ? "decode_ms"
                          : denom == 2 ? "decode_half_ms"
                                       : "decode_quarter_ms";
        result[key] = medianMs([&] {
            if (!decoder.decode(jpeg.data(), jpeg.size(), out, denom)) std::abort();
        });
    }
    return result;
}

nlohmann::json measureRing() {
    nlohmann::json result;
    // Default ring: 4 slots of a worst-case 4K JPEG. Creation = shm_open +
    // ftruncate + mmap + header; unlink on destruction is included.
    result["create_ms"] = medianMs([] { ipc::FrameRingWriter writer; });
    ipc::FrameRingWriter writer;
    result["segment_mb"] = double(writer.slotCount()) * double(writer.slotBytes()) / 1e6;
    result["attach_ms"] = medianMs([&] { ipc::FrameRingReader reader(writer.name()); });

    // Writing a noisy 1080p JPEG: the first lap faults the pages in, later
    // laps reuse them; reading it back is one copy.
    const fx::Frame frame = makeFrame(true);
    std::vector<std::uint8_t> jpeg;
    ipc::JpegEncoder().encode(frame.view(), jpeg);
    ipc::FrameRingWriter fresh;
    const auto start = Clock::now();
    fresh.write(0, kWidth, kHeight, 0, 0, jpeg.data(), jpeg.size());
    result["first_write_ms"] =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    std::int64_t index = 1;
    for (int i = 0; i < fresh.slotCount(); ++i)
        fresh.write(index++, kWidth, kHeight, 0, 0, jpeg.data(), jpeg.size());
    result["write_ms"] =
        medianMs([&] { fresh.write(index++, kWidth, kHeight, 0, 0, jpeg.data(), jpeg.size()); });
    ipc::FrameRingReader reader(fresh.name());
    ipc::RingFrameInfo info;
    std::vector<std::uint8_t> copy;
    result["read_latest_ms"] = medianMs([&] { reader.readLatest(info, copy); });
    return result;
}

} // namespace

int main() {
    nlohmann::json report;
    report["what"] = "JPEG Q95 4:2:0 at 1920x1080 (median of 30 runs) and frame ring costs";
    report["jpeg_clean"] = measureJpeg(false);
    report["jpeg_noisy"] = measureJpeg(true);
    report["ring"] = measureRing();
    std::printf("%s\n", report.dump(2).c_str());
    return 0;
}
