#include "entropic/engine/render/export_plan.h"

#include <filesystem>
#include <numeric>

#include "entropic/engine/error.h"

namespace entropic::engine {
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kMaxRateTerm = 1000000; // keeps the frame arithmetic inside 64 bits

int evenDown(int v) {
    return std::max(2, v & ~1);
}

void planSize(const Project& project, const ExportSettings& s, ExportPlan& plan) {
    int w = s.width, h = s.height;
    if (w < 0 || h < 0 || w > 16384 || h > 16384)
        throw EngineError(errc::kOutOfRange, s.path + ": size " + std::to_string(w) + "x" +
                                                 std::to_string(h) +
                                                 " is outside 1..16384 (0: the project's)");
    // One side given: the other keeps the project's aspect.
    if (w == 0 && h == 0) {
        w = project.width;
        h = project.height;
    } else if (w == 0) {
        w = std::max(1, static_cast<int>(
                            (static_cast<std::int64_t>(h) * project.width + project.height / 2) /
                            project.height));
    } else if (h == 0) {
        h = std::max(1, static_cast<int>(
                            (static_cast<std::int64_t>(w) * project.height + project.width / 2) /
                            project.width));
    }
    if (plan.format->path == ExportVideoPath::GifPalette && s.gifMaxWidth > 0 &&
        w > s.gifMaxWidth) {
        h = std::max(1,
                     static_cast<int>((static_cast<std::int64_t>(h) * s.gifMaxWidth + w / 2) / w));
        w = s.gifMaxWidth;
    }
    const bool changed = w != project.width || h != project.height;
    // A size we choose is made even where the codec needs it; the project's
    // own odd size is padded by the writer instead (no resampling).
    if (changed && plan.format->evenSize) {
        w = evenDown(w);
        h = evenDown(h);
    }
    plan.width = w;
    plan.height = h;
    plan.scaled = w != project.width || h != project.height;
}

void planRate(const Project& project, const ExportSettings& s, ExportPlan& plan) {
    plan.frameRate = s.frameRate.num == 0 ? project.frameRate : s.frameRate;
    const Rational r = plan.frameRate;
    if (!r.valid() || r.num > kMaxRateTerm || r.den > kMaxRateTerm || r.toDouble() > 1000 ||
        r.toDouble() < 0.01)
        throw EngineError(errc::kOutOfRange, s.path + ": frame rate " + std::to_string(r.num) +
                                                 "/" + std::to_string(r.den) +
                                                 " is outside 0.01..1000 fps");
    // ceil(count · outputRate / projectRate)
    const std::int64_t count = s.end - s.first;
    const std::int64_t num = r.num * project.frameRate.den, den = r.den * project.frameRate.num;
    const std::int64_t g = std::gcd(num, den);
    plan.frames = (count * (num / g) + den / g - 1) / (den / g);
}

void planTarget(const ExportSettings& s, ExportPlan& plan) {
    const ExportFormat& f = *plan.format;
    if (f.path != ExportVideoPath::ImageSequence) {
        if (fs::path(s.path).extension() != f.extension)
            throw EngineError(errc::kOutOfRange,
                              s.path + ": " + f.id + " writes " + f.extension + " files");
        plan.target = s.path;
        const auto dir = fs::absolute(s.path).parent_path();
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            throw EngineError(errc::kIo,
                              s.path + ": the folder " + dir.string() + " does not exist");
        return;
    }
    std::string path = s.path;
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    std::error_code ec;
    if (isFramePattern(path)) {
        // "dir/name_%05d.png": the files join an existing folder.
        const fs::path p(path);
        if (p.extension() != ".png")
            throw EngineError(errc::kOutOfRange, s.path + ": a png_sequence pattern ends in .png");
        plan.target = fs::absolute(p).parent_path().string();
        plan.fileName = p.filename().string();
        plan.mergeIntoFolder = true;
        if (!fs::is_directory(plan.target, ec))
            throw EngineError(errc::kIo,
                              s.path + ": the folder " + plan.target + " does not exist");
        return;
    }
    // "dir/frames" or "dir/frames/": a new folder of frames_00000.png, ….
    const fs::path p(path);
    if (!p.extension().empty() && p.extension() != ".png")
        throw EngineError(errc::kOutOfRange,
                          s.path + ": png_sequence writes a folder (\"dir/frames/\") or a pattern "
                                   "(\"dir/name_%05d.png\")");
    plan.target = path;
    plan.fileName = p.stem().string() + "_%05d.png";
    const auto parent = fs::absolute(p).parent_path();
    if (!fs::is_directory(parent, ec))
        throw EngineError(errc::kIo,
                          s.path + ": the folder " + parent.string() + " does not exist");
    if (fs::exists(p, ec) && (!fs::is_directory(p, ec) || !fs::is_empty(p, ec)))
        throw EngineError(errc::kIo, s.path + ": already exists and is not an empty folder");
}

} // namespace

ExportPlan planExport(const Project& project, const ExportSettings& s) {
    ExportPlan plan;
    const std::string id = s.format.empty() ? formatIdForPath(s.path) : s.format;
    if (id.empty())
        throw EngineError(errc::kOutOfRange,
                          s.path + ": cannot tell the export format from the name (.mp4, .mov, "
                                   ".webm, .gif, or a folder for PNG frames)");
    plan.format = findExportFormat(id);
    if (!plan.format)
        throw EngineError(errc::kOutOfRange, s.path + ": unknown export format \"" + id +
                                                 "\" (one of " + exportFormatList() + ")");
    planSize(project, s, plan);
    planRate(project, s, plan);
    planTarget(s, plan);
    return plan;
}

std::int64_t sourceFrameFor(const Project& project, const ExportSettings& s, const ExportPlan& plan,
                            std::int64_t k) {
    // floor(k · projectRate / outputRate), clamped into the range.
    const Rational out = plan.frameRate, in = project.frameRate;
    const std::int64_t num = in.num * out.den, den = in.den * out.num;
    const std::int64_t g = std::gcd(num, den);
    return std::min(s.end - 1, s.first + k * (num / g) / (den / g));
}

} // namespace entropic::engine
