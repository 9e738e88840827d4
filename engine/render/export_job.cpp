#include "entropic/engine/render/export_job.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/engine/error.h"
#include "entropic/engine/media/export_formats.h"
#include "entropic/engine/media/movie_writer.h"
#include "entropic/engine/render/audio_mixer.h"
#include "entropic/engine/render/export_plan.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "render/atomic_folder.h"
#include "render/frame_scaler.h"

namespace entropic::engine {
namespace fs = std::filesystem;

std::string partialPathFor(const std::string& finalPath, long pid) {
    if (pid < 0) pid = ::getpid();
    const fs::path p(finalPath);
    // Keep the extension: muxers pick the format from it.
    return (p.parent_path() / ("." + p.stem().string() + ".entropic-partial-" +
                               std::to_string(pid) + p.extension().string()))
        .string();
}

PartialOutput partialOutputFor(const std::string& exportPath, const std::string& format, long pid) {
    const ExportFormat* f = findExportFormat(format.empty() ? formatIdForPath(exportPath) : format);
    if (!f || f->path != ExportVideoPath::ImageSequence)
        return {partialPathFor(exportPath, pid), false};
    // The folder the frames are written into, named after the target folder,
    // or for a pattern after the pattern (as export_plan.cpp's planTarget
    // reads the path).
    std::string path = exportPath;
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    fs::path base = path;
    if (isFramePattern(path)) {
        std::error_code ec; // a supervisor must not throw over a vanished working folder
        fs::path absolute = fs::absolute(path, ec);
        if (ec) absolute = path;
        base = absolute.parent_path() / ("sequence-" + base.stem().string());
    }
    const fs::path tmp = partialPathFor(base.string(), pid);
    // No printf pattern in a folder's name; the folders above it are the user's.
    std::string name = tmp.filename().string();
    std::replace(name.begin(), name.end(), '%', '_');
    return {(tmp.parent_path() / name).string(), true};
}

namespace {

void syncFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

void syncDirectoryOf(const std::string& path) {
    const auto dir = fs::absolute(path).parent_path();
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

void writeAtomically(const std::string& path,
                     const std::function<void(const std::string&)>& write) {
    const std::string tmp = partialPathFor(path);
    try {
        write(tmp);
        syncFile(tmp);
        std::error_code ec;
        fs::rename(tmp, path, ec);
        if (ec)
            throw EngineError(errc::kIo, path + ": cannot write the file (" + ec.message() + ")");
        syncDirectoryOf(path);
    } catch (...) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw;
    }
}

void resolveExportRange(const Project& project, ExportSettings& s) {
    const std::int64_t count = project.frameCount();
    if (count == 0) throw EngineError(errc::kOutOfRange, "the project has no clips to export");
    if (s.end < 0) s.end = count;
    if (s.first < 0 || s.first >= s.end || s.end > count)
        throw EngineError(errc::kOutOfRange,
                          "range " + std::to_string(s.first) + ":" + std::to_string(s.end) +
                              " is outside the project's frames 0:" + std::to_string(count));
}

namespace {

// Image sequences go through a temporary folder, movies a temporary file,
// both named by partialOutputFor.
void writeOutput(const ExportPlan& plan, const std::string& exportPath,
                 const std::function<void(const std::string&)>& write) {
    if (plan.format->path != ExportVideoPath::ImageSequence)
        return writeAtomically(plan.target, write);
    const std::string tmp = partialOutputFor(exportPath, plan.format->id).path;
    writeFolderAtomically(plan.target, tmp, plan.mergeIntoFolder, [&](const std::string& folder) {
        write((fs::path(folder) / plan.fileName).string());
    });
}

} // namespace

ExportOutcome runExport(const ProjectSnapshot& project, const ExportSettings& requested,
                        const ExportCallbacks& callbacks) {
    ExportSettings s = requested;
    resolveExportRange(*project, s);
    const ExportPlan plan = planExport(*project, s);
    const std::int64_t total = plan.frames;
    const bool sameRate =
        plan.frameRate.num * project->frameRate.den == plan.frameRate.den * project->frameRate.num;

    TimelineRenderer renderer(project, s.threads);
    // Frames go in order: the next is decoded while this one is encoded.
    renderer.setReadAhead(2);
    AudioMixer mixer(project);
    const bool withAudio = s.audio && plan.format->audioCodec && mixer.hasSound();
    std::optional<FrameScaler> scaler;
    if (plan.scaled) scaler.emplace(project->width, project->height, plan.width, plan.height);

    MovieSettings movie;
    movie.format = plan.format->id;
    movie.width = plan.width;
    movie.height = plan.height;
    movie.frameRate = plan.frameRate;
    movie.crf = s.crf;
    movie.preset = s.preset;
    movie.audio = withAudio;
    movie.sampleRate = project->sampleRate;
    movie.channels = AudioMixer::kChannels;

    // The first sample of output frame k: at the project's rate, exactly the
    // mixer's frame boundaries; otherwise k / outputRate seconds in.
    const std::int64_t firstSample = mixer.sampleAtFrame(s.first),
                       endSample = mixer.sampleAtFrame(s.end);
    auto sampleAt = [&](std::int64_t k) -> std::int64_t {
        if (k >= total) return endSample;
        if (sameRate) return mixer.sampleAtFrame(s.first + k);
        return std::min(endSample, firstSample + k * project->sampleRate * plan.frameRate.den /
                                                     plan.frameRate.num);
    };

    std::ofstream hashes;
    if (!s.frameHashesPath.empty()) {
        hashes.open(s.frameHashesPath, std::ios::trunc);
        if (!hashes)
            throw EngineError(errc::kIo, s.frameHashesPath + ": cannot write frame hashes");
    }

    bool cancelled = false;
    std::vector<float> audio;
    try {
        writeOutput(plan, s.path, [&](const std::string& tmp) {
            movie.path = tmp;
            try {
                MovieWriter writer(movie);
                for (std::int64_t k = 0; k < total; ++k) {
                    if (callbacks.cancel && callbacks.cancel->load()) {
                        cancelled = true;
                        throw EngineError("cancelled", s.path + ": export cancelled");
                    }
                    const std::int64_t f = sourceFrameFor(*project, s, plan, k);
                    const fx::Frame& frame = renderer.render(f);
                    if (hashes)
                        hashes << f << ' ' << fx::hashToHex(fx::frameHash(frame.view())) << '\n';
                    writer.writeVideo(scaler ? scaler->scale(frame.view()).view() : frame.view());
                    if (withAudio) {
                        const std::int64_t a = sampleAt(k), b = sampleAt(k + 1);
                        audio.resize(static_cast<std::size_t>((b - a) * AudioMixer::kChannels));
                        if (b > a) mixer.mix(a, b - a, audio.data());
                        writer.writeAudio(audio.data(), b - a);
                    }
                    if (callbacks.progress) callbacks.progress(k + 1, total);
                }
                writer.finish();
            } catch (const EngineError& e) {
                // Name the file the user asked for, not the temporary one.
                std::string message = e.what();
                if (const auto at = message.find(tmp); at != std::string::npos)
                    message.replace(at, tmp.size(), s.path);
                throw EngineError(e.code(), message);
            }
        });
    } catch (const EngineError&) {
        if (cancelled) return ExportOutcome::Cancelled; // the partial file is already gone
        throw;
    }
    return ExportOutcome::Done;
}

} // namespace entropic::engine
