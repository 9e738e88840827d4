// The export format table. Choices worth a why:
//  - ProRes 422 is written as 422 HQ (profile 3): the editor's output is an
//    intermediate for further editing, where HQ is the usual delivery.
//  - ProRes 4444 keeps the alpha channel (yuva444p10le), the reason to pick it.
//  - MOV carries PCM rather than AAC, as editing intermediates expect.
//  - VP9 uses constant quality (crf with b:v 0, set by the writer) and
//    cpu-used 4 with deadline good: a few times faster than the default for a
//    small loss, fine for previews and the web.
//  - GIF and PNG carry no sound.
#include "entropic/engine/media/export_formats.h"

#include <array>
#include <filesystem>
#include <regex>

namespace entropic::engine {
namespace {

using P = ExportVideoPath;

// clang-format off
constexpr std::array<ExportFormat, 7> kFormats{{
    // id            label                      muxer     ext      codec         pixel format    codec options                       tag     path              crf  max  preset even  audio        fallback
    {"h264",         "H.264 (MP4)",             "mp4",    ".mp4",  "libx264",    "yuv420p",      "",                                 nullptr, P::Encoder,       true, 51, true,  true,  "aac",       nullptr},
    {"h265",         "H.265 / HEVC (MP4)",      "mp4",    ".mp4",  "libx265",    "yuv420p",      "x265-params=log-level=error",      "hvc1",  P::Encoder,       true, 51, true,  true,  "aac",       nullptr},
    {"prores422",    "ProRes 422 HQ (MOV)",     "mov",    ".mov",  "prores_ks",  "yuv422p10le",  "profile=3:vendor=apl0",            nullptr, P::Encoder,       false, 0, false, true,  "pcm_s16le", nullptr},
    {"prores4444",   "ProRes 4444 + alpha (MOV)", "mov",  ".mov",  "prores_ks",  "yuva444p10le", "profile=4:vendor=apl0:alpha_bits=16", nullptr, P::Encoder,   false, 0, false, true,  "pcm_s16le", nullptr},
    {"vp9",          "VP9 (WebM)",              "webm",   ".webm", "libvpx-vp9", "yuv420p",      "deadline=good:cpu-used=4:row-mt=1", nullptr, P::Encoder,      true, 63, false, true,  "libopus",   "libvorbis"},
    {"gif",          "Animated GIF",            "gif",    ".gif",  "gif",        "pal8",         "",                                 nullptr, P::GifPalette,    false, 0, false, false, nullptr,     nullptr},
    {"png_sequence", "PNG sequence (folder)",   "image2", "",      "png",        "rgba",         "",                                 nullptr, P::ImageSequence, false, 0, false, false, nullptr,     nullptr},
}};
// clang-format on

} // namespace

std::span<const ExportFormat> exportFormats() {
    return kFormats;
}

const ExportFormat* findExportFormat(std::string_view id) {
    for (const auto& f : kFormats)
        if (id == f.id) return &f;
    return nullptr;
}

bool isFramePattern(const std::string& path) {
    static const std::regex pattern("%0?[0-9]*d");
    return std::regex_search(path, pattern);
}

std::string formatIdForPath(const std::string& path) {
    if (path.empty()) return {};
    if (path.back() == '/' || isFramePattern(path)) return "png_sequence";
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext.empty()) return "png_sequence";
    if (ext == ".mp4") return "h264";
    if (ext == ".mov") return "prores422";
    if (ext == ".webm") return "vp9";
    if (ext == ".gif") return "gif";
    return {};
}

std::string exportFormatList() {
    std::string list;
    for (const auto& f : kFormats)
        list += (list.empty() ? "" : ", ") + std::string(f.id);
    return list;
}

} // namespace entropic::engine
