#include "entropic/engine/render/export_job.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/engine/error.h"
#include "entropic/engine/media/movie_writer.h"
#include "entropic/engine/render/audio_mixer.h"
#include "entropic/engine/render/timeline_renderer.h"

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

ExportOutcome runExport(const ProjectSnapshot& project, const ExportSettings& requested,
                        const ExportCallbacks& callbacks) {
    ExportSettings s = requested;
    resolveExportRange(*project, s);
    const std::int64_t total = s.end - s.first;

    TimelineRenderer renderer(project, s.threads);
    AudioMixer mixer(project);
    const bool withAudio = s.audio && mixer.hasSound();

    MovieSettings movie;
    movie.width = project->width;
    movie.height = project->height;
    movie.frameRate = project->frameRate;
    movie.crf = s.crf;
    movie.preset = s.preset;
    movie.audio = withAudio;
    movie.sampleRate = project->sampleRate;
    movie.channels = AudioMixer::kChannels;

    std::ofstream hashes;
    if (!s.frameHashesPath.empty()) {
        hashes.open(s.frameHashesPath, std::ios::trunc);
        if (!hashes)
            throw EngineError(errc::kIo, s.frameHashesPath + ": cannot write frame hashes");
    }

    bool cancelled = false;
    std::vector<float> audio;
    try {
        writeAtomically(s.path, [&](const std::string& tmp) {
            movie.path = tmp;
            MovieWriter writer(movie);
            for (std::int64_t f = s.first; f < s.end; ++f) {
                if (callbacks.cancel && callbacks.cancel->load()) {
                    cancelled = true;
                    throw EngineError("cancelled", s.path + ": export cancelled");
                }
                const fx::Frame& frame = renderer.render(f);
                if (hashes)
                    hashes << f << ' ' << fx::hashToHex(fx::frameHash(frame.view())) << '\n';
                writer.writeVideo(frame.view());
                if (withAudio) {
                    const std::int64_t a = mixer.sampleAtFrame(f), b = mixer.sampleAtFrame(f + 1);
                    audio.resize(static_cast<std::size_t>((b - a) * AudioMixer::kChannels));
                    mixer.mix(a, b - a, audio.data());
                    writer.writeAudio(audio.data(), b - a);
                }
                if (callbacks.progress) callbacks.progress(f - s.first + 1, total);
            }
            writer.finish();
        });
    } catch (const EngineError&) {
        if (cancelled) return ExportOutcome::Cancelled; // the partial file is already gone
        throw;
    }
    return ExportOutcome::Done;
}

} // namespace entropic::engine
