#pragma once
// What an export will write, worked out and checked before any frame is
// rendered: the format, the output size and rate, how output frames map to
// project frames, and where the files go.
//
// Frame rate: output frame k shows the project frame on screen at the same
// time, k / outputRate seconds after the range's start, i.e. project frame
// first + floor(k · projectRate / outputRate). A lower rate drops frames, a
// higher one repeats them; the output lasts as long as the range (its frame
// count is rounded up). The sound is the range's sound, unchanged.
#include <cstdint>
#include <string>

#include "entropic/engine/media/export_formats.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/export_job.h"

namespace entropic::engine {

struct ExportPlan {
    const ExportFormat* format = nullptr;
    int width = 0, height = 0; // of the written frames
    bool scaled = false;       // differs from the project's size
    Rational frameRate;        // of the output
    std::int64_t frames = 0;   // output frames
    // Where the files go. A movie: target is the file. An image sequence:
    // target is the folder that appears whole (a new folder, or for a pattern
    // the existing folder the files move into: mergeIntoFolder), and
    // fileName the pattern inside it ("name_%05d.png").
    std::string target;
    std::string fileName;
    bool mergeIntoFolder = false;
};

// settings must have a resolved range (resolveExportRange). Throws
// EngineError: out_of_range for a bad size, rate or format, or a path that
// does not fit the format; io_error for a missing folder or a folder that
// already holds files.
ExportPlan planExport(const Project& project, const ExportSettings& settings);

// The project frame that output frame k shows.
std::int64_t sourceFrameFor(const Project& project, const ExportSettings& settings,
                            const ExportPlan& plan, std::int64_t k);

} // namespace entropic::engine
