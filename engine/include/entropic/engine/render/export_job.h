#pragma once
// Renders a frame range of a project into a movie file or a folder of PNG
// frames (formats: export_formats.h; size, rate and paths: export_plan.h).
// The output appears under its final name only when complete: it is written
// to a hidden temporary name beside it and renamed, and removed on failure or
// cancel.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "entropic/engine/project/project.h"

namespace entropic::engine {

struct ExportSettings {
    std::string path;   // .mp4 .mov .webm .gif, or for PNG frames a folder
                        // ("dir/frames/") or a pattern ("dir/name_%05d.png")
    std::string format; // an id of exportFormats(); empty: from the path's extension
    int width = 0;      // 0 and 0: the project's size; one 0: keeps the aspect
    int height = 0;
    Rational frameRate{0, 1}; // num 0: the project's rate (mapping: export_plan.h)
    int gifMaxWidth = 0;      // gif: scaled down to at most this width, 0: no limit
    std::int64_t first = 0;   // first frame
    std::int64_t end = -1;    // one past the last frame; -1: the project's end
    int crf = 18;             // h264/h265 0..51, vp9 0..63; ignored by the others
    std::string preset = "veryfast";
    bool audio = true;           // include the timeline's sound when it has any
    int threads = 0;             // effect threads, 0: one per core
    std::string frameHashesPath; // optional: "index hash" per line (fx::frameHash)
};

enum class ExportOutcome { Done, Cancelled };

struct ExportCallbacks {
    // Called after each frame with frames done and total.
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    // Polled between frames.
    const std::atomic<bool>* cancel = nullptr;
};

// Throws EngineError (naming the file, clip or frame) on failure; the partial
// file is removed first.
ExportOutcome runExport(const ProjectSnapshot& project, const ExportSettings& settings,
                        const ExportCallbacks& callbacks = {});

// Resolves settings.end and checks the range; throws EngineError(out_of_range).
void resolveExportRange(const Project& project, ExportSettings& settings);

// The temporary name a file is written under before the final rename, by the
// process `pid` (default: this one): ".<stem>.entropic-partial-<pid><ext>"
// beside it.
std::string partialPathFor(const std::string& finalPath, long pid = -1);

// What an export is writing before its final rename: a file for a movie, a
// folder for an image sequence (beside the new folder, or inside the existing
// folder a pattern writes into). The one place that names it: the export job
// writes there, and a supervisor that lost the engine `pid` mid-export
// removes exactly this. exportPath and format as export_start takes them
// (format empty: implied by the path).
struct PartialOutput {
    std::string path;
    bool folder = false;
};
PartialOutput partialOutputFor(const std::string& exportPath, const std::string& format,
                               long pid = -1);

// Writes to partialPathFor(path) via write(tmp), fsyncs, renames onto path.
// Removes the temporary file if write throws.
void writeAtomically(const std::string& path, const std::function<void(const std::string&)>& write);

} // namespace entropic::engine
