#include "render_options.h"

#include <charconv>
#include <string_view>

namespace entropic::engine {

const char* const kRenderUsage =
    "usage: entropic-render INPUT -o OUTPUT [options]\n"
    "       entropic-render --list-effects [--json]\n"
    "       entropic-render --list-presets [--json]\n"
    "\n"
    "Renders a project (.entropic) or glitches a media file, without the editor.\n"
    "\n"
    "  -o, --output FILE      .mp4 (H.264), .mov (ProRes), .webm (VP9), .gif, a folder\n"
    "                         (dir/frames/) or pattern (dir/f_%05d.png) of PNGs,\n"
    "                         or .png with --frame\n"
    "  --format ID            h264 h265 prores422 prores4444 vp9 gif png_sequence\n"
    "                         (default: from OUTPUT's name)\n"
    "  --size WxH             output size (default: the project's; W or H 0 keeps the aspect)\n"
    "  --fps N[/D]            output rate (default: the project's; frames are dropped or\n"
    "                         repeated, the length stays)\n"
    "  --preset NAME          glitch a media file with a preset chain (--list-presets);\n"
    "                         --fx effects follow it\n"
    "  --fx 'ID key=value …'  add an effect to a media file's chain (repeatable)\n"
    "  --range A:B            frames A to B-1 (default: all)\n"
    "  --frame N              render only frame N (OUTPUT must be .png)\n"
    "  --frame-hashes FILE    write 'index hash' for every rendered frame\n"
    "  --crf N                quality: h264/h265 0-51, vp9 0-63 (default 18)\n"
    "  --x264-preset NAME     encoder speed preset for h264/h265 (default veryfast)\n"
    "  --no-audio             leave the sound out\n"
    "  --threads N            effect threads (default: one per core)\n"
    "  --quiet                no progress bar\n"
    "  --list-effects [--json] describe every effect and its parameters\n"
    "  --list-presets [--json] list the presets and their chains\n"
    "\n"
    "Presets are read from $ENTROPIC_PRESETS, else the installed share/entropic/presets,\n"
    "else the source tree's resources/presets.\n";

namespace {

bool toInt(std::string_view text, std::int64_t& out) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

} // namespace

std::string parseRenderOptions(int argc, char** argv, RenderOptions& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        std::string v;
        if (arg == "-h" || arg == "--help") {
            o.help = true;
        } else if (arg == "--list-effects") {
            o.listEffects = true;
        } else if (arg == "--list-presets") {
            o.listPresets = true;
        } else if (arg == "--json") {
            o.json = true;
        } else if (arg == "-o" || arg == "--output") {
            if (!value(o.output)) return "-o needs a file name";
        } else if (arg == "--fx") {
            if (!value(v)) return "--fx needs 'ID key=value ...'";
            o.fx.push_back(v);
        } else if (arg == "--range") {
            if (!value(v)) return "--range needs A:B";
            const auto colon = v.find(':');
            std::int64_t a = 0, b = 0;
            if (colon == std::string::npos || !toInt(std::string_view(v).substr(0, colon), a) ||
                !toInt(std::string_view(v).substr(colon + 1), b) || a < 0 || b <= a)
                return "--range takes A:B with 0 <= A < B, got '" + v + "'";
            o.rangeFirst = a;
            o.rangeEnd = b;
        } else if (arg == "--frame") {
            std::int64_t n = 0;
            if (!value(v) || !toInt(v, n) || n < 0) return "--frame takes a frame number >= 0";
            o.frame = n;
        } else if (arg == "--frame-hashes") {
            if (!value(o.frameHashes)) return "--frame-hashes needs a file name";
        } else if (arg == "--format") {
            if (!value(o.format)) return "--format needs an id";
        } else if (arg == "--size") {
            if (!value(v)) return "--size needs WxH";
            const auto x = v.find('x');
            std::int64_t w = 0, h = 0;
            if (x == std::string::npos || !toInt(std::string_view(v).substr(0, x), w) ||
                !toInt(std::string_view(v).substr(x + 1), h) || w < 0 || h < 0 || w > 16384 ||
                h > 16384 || w + h == 0)
                return "--size takes WxH, each 0 to 16384 (not both 0), got '" + v + "'";
            o.width = static_cast<int>(w);
            o.height = static_cast<int>(h);
        } else if (arg == "--fps") {
            if (!value(v)) return "--fps needs N or N/D";
            const auto slash = v.find('/');
            std::int64_t n = 0, d = 1;
            if (!toInt(std::string_view(v).substr(0, slash), n) ||
                (slash != std::string::npos && !toInt(std::string_view(v).substr(slash + 1), d)) ||
                n <= 0 || d <= 0 || n > 1000000 || d > 1000000)
                return "--fps takes N or N/D with both above 0, got '" + v + "'";
            o.fpsNum = n;
            o.fpsDen = d;
        } else if (arg == "--crf") {
            std::int64_t n = 0;
            if (!value(v) || !toInt(v, n) || n < 0 || n > 63) return "--crf takes 0 to 63";
            o.crf = static_cast<int>(n);
        } else if (arg == "--preset") {
            if (!value(o.effectPreset)) return "--preset needs a name (see --list-presets)";
            if (o.effectPreset.empty()) return "--preset needs a name (see --list-presets)";
        } else if (arg == "--x264-preset") {
            if (!value(o.x264Preset)) return "--x264-preset needs a name";
        } else if (arg == "--no-audio") {
            o.audio = false;
        } else if (arg == "--threads") {
            std::int64_t n = 0;
            if (!value(v) || !toInt(v, n) || n < 0 || n > 64) return "--threads takes 0 to 64";
            o.threads = static_cast<int>(n);
        } else if (arg == "--quiet") {
            o.quiet = true;
        } else if (!arg.empty() && arg[0] == '-') {
            return "unknown option '" + std::string(arg) + "'";
        } else if (o.input.empty()) {
            o.input = arg;
        } else {
            return "more than one input ('" + o.input + "', '" + std::string(arg) + "')";
        }
    }
    if (o.help || o.listEffects || o.listPresets) return {};
    if (o.input.empty()) return "no input given";
    if (o.output.empty()) return "no output given (-o FILE)";
    return {};
}

} // namespace entropic::engine
