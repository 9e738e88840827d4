#include "media_test_util.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace entropic::mediatest {

std::string clip(const std::string& name) {
    return (std::filesystem::path(ENTROPIC_TEST_MEDIA_DIR) / name).string();
}

std::filesystem::path scratch(const std::string& name) {
    const auto dir =
        std::filesystem::path(ENTROPIC_BINARY_DIR) / "test-scratch" / ("media-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::string run(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run: " + command);
    std::string out;
    char buf[1 << 16];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;)
        out.append(buf, n);
    if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
    return out;
}

std::vector<fx::Frame> ffmpegFrames(const std::string& path, int width, int height) {
    const std::string raw = run("ffmpeg -v error -nostdin -i '" + path +
                                "' -map 0:v:0 -fps_mode passthrough -f rawvideo -pix_fmt rgba -");
    const std::size_t size = static_cast<std::size_t>(width) * height * 4;
    std::vector<fx::Frame> frames;
    for (std::size_t at = 0; at + size <= raw.size(); at += size) {
        fx::Frame f(width, height);
        std::copy(raw.begin() + static_cast<std::ptrdiff_t>(at),
                  raw.begin() + static_cast<std::ptrdiff_t>(at + size), f.data());
        frames.push_back(std::move(f));
    }
    return frames;
}

double meanAbsDiff(fx::ConstFrameView a, fx::ConstFrameView b) {
    if (a.width != b.width || a.height != b.height) return 255.0;
    double sum = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width * 4; ++x)
            sum += std::abs(a.row(y)[x] - b.row(y)[x]);
    return sum / (static_cast<double>(a.width) * a.height * 4);
}

} // namespace entropic::mediatest
