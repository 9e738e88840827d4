#pragma once
// Every format an export can write, declared once (engine/media/export_formats.cpp):
// its container, file extension, video codec, pixel format and options, and its
// audio codec or none. The writer, the export job, the engine command and the
// CLI all read this table; adding a format touches the table and its test.
#include <span>
#include <string>
#include <string_view>

namespace entropic::engine {

// How the pictures reach the file.
enum class ExportVideoPath {
    Encoder,       // RGBA → the codec's pixel format → codec → muxer
    GifPalette,    // RGBA → one palette for the whole export (libavfilter) → GIF
    ImageSequence, // one PNG per frame into a folder
};

struct ExportFormat {
    const char* id;           // "h264": on the wire, on the command line
    const char* label;        // for people
    const char* muxer;        // FFmpeg output format name
    const char* extension;    // ".mp4"; empty for a folder of images
    const char* videoCodec;   // FFmpeg encoder name
    const char* pixelFormat;  // what the codec is fed
    const char* codecOptions; // "key=value:…" for the encoder's private options
    const char* codecTag; // stream tag, e.g. "hvc1" so Apple players open HEVC; nullptr: default
    ExportVideoPath path;
    bool usesCrf; // crf applies (0..crfMax)
    int crfMax;
    bool usesPreset;           // x264/x265 presets apply
    bool evenSize;             // chroma subsampling needs even width and height
    const char* audioCodec;    // nullptr: no audio track
    const char* audioFallback; // tried when audioCodec is missing from this FFmpeg
};

std::span<const ExportFormat> exportFormats();

// nullptr when the id is unknown.
const ExportFormat* findExportFormat(std::string_view id);

// The format a path implies: .mp4 → h264, .mov → prores422, .webm → vp9,
// .gif → gif; a path ending in "/", without an extension or holding a %d
// pattern → png_sequence. Empty when the extension is none of these.
std::string formatIdForPath(const std::string& path);

// Whether a path names a printf-style frame pattern ("name_%05d.png").
bool isFramePattern(const std::string& path);

// "h264, h265, …" for error messages.
std::string exportFormatList();

} // namespace entropic::engine
