// Golden hashes (like FFmpeg's FATE): every effect at its defaults, with every
// parameter at its minimum, at its maximum, and at a hand-picked extreme
// setting, over frames 0..2 of the 64×48 synthetic clip; the hash of frame 2
// is compared with golden.txt.
//
//   ENTROPIC_UPDATE_GOLDEN=1 build/tests/effects/effects_tests "[golden]"
// rewrites golden.txt (review the diff, and look at the pictures:
// ENTROPIC_EFFECTS_DUMP=DIR writes one PPM per case into DIR).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "entropic/effects/registry.h"
#include "support.h"

using namespace entropic::fx;

namespace {

const std::string kGoldenPath = std::string(ENTROPIC_SOURCE_DIR) + "/tests/effects/golden.txt";

std::map<std::string, std::string> readGolden() {
    std::map<std::string, std::string> golden;
    std::ifstream in(kGoldenPath);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string id, name, hash;
        fields >> id >> name >> hash;
        golden[id + " " + name] = hash;
    }
    return golden;
}

// A setting worth pinning beyond the generic min/max (where every parameter
// at an end of its range can be degenerate, e.g. feedback pushed off-frame).
// Overrides on top of the defaults; effects not listed use only default/min/max.
const std::map<std::string, std::vector<std::pair<std::string, ParamValue>>> kExtremes = {
    {"util.levels",
     {{"in_black", {0.3}}, {"in_white", {0.6}}, {"gamma", {3}}, {"out_black", {0.1}}}},
    {"util.blur", {{"mode", {2}}, {"angle", {30}}, {"length", {40}}}},
    {"util.hsl_adjust",
     {{"hue", {150}},
      {"saturation", {80}},
      {"lightness", {-20}},
      {"range_centre", {200}},
      {"range_width", {90}},
      {"range_softness", {40}}}},
    {"util.curves",
     {{"master_1", {0.3, 0.05}},
      {"master_3", {0.7, 0.95}},
      {"red_2", {0.5, 0.65}},
      {"blue_2", {0.5, 0.35}}}},
    {"util.exposure", {{"stops", {2.5}}}},
    {"util.contrast", {{"contrast", {85}}, {"pivot", {0.35}}}},
    {"util.color_temperature", {{"temperature", {2600}}, {"tint", {40}}}},
    {"util.invert", {{"green", {0}}, {"alpha", {1}}}},
    {"util.chroma_key",
     {{"key", {0, 0, 1, 1}},
      {"tolerance", {0.15}},
      {"softness", {0.2}},
      {"spill", {1}},
      {"output", {1}}}},
    {"util.luma_key",
     {{"key_out", {1}}, {"threshold", {0.6}}, {"softness", {0.3}}, {"spill", {1}}}},
    {"util.sharpen", {{"amount", {4}}, {"radius", {3}}, {"threshold", {0}}, {"mode", {1}}}},
    {"util.transform",
     {{"x", {7}},
      {"y", {-5}},
      {"scale", {150}},
      {"rotation", {30}},
      {"anchor", {0.3, 0.6}},
      {"edge", {3}}}},
    {"util.crop",
     {{"left", {10}},
      {"right", {20}},
      {"top", {5}},
      {"bottom", {30}},
      {"feather", {6}},
      {"fill", {1}}}},
    {"fx.channelshift", {{"red_x", {-30}}, {"red_y", {11}}, {"blue_x", {45}}, {"edge", {1}}}},
    {"fx.noise", {{"amount", {0.8}}, {"mode", {1}}, {"size", {1}}}},
    {"fx.feedback", {{"decay", {0.9}}, {"zoom", {1.25}}, {"rotate", {20}}, {"offset_x", {3}}}},
    {"fx.pixelsort",
     {{"direction", {2}},
      {"angle", {-60}},
      {"interval_key", {1}},
      {"lower", {0.05}},
      {"upper", {0.7}},
      {"sort_key", {2}},
      {"reverse", {1}},
      {"max_span", {20}}}},
    {"fx.rgb_split", {{"amount", {-25}}, {"blue_ratio", {1.6}}, {"centre", {0.3, 0.7}}}},
    {"fx.posterize", {{"levels", {3}}}},
    {"fx.bitcrush", {{"bits", {2}}, {"block", {7}}}},
    {"fx.row_shift",
     {{"probability", {0.6}},
      {"max_shift", {25}},
      {"band_height", {3}},
      {"jitter", {4}},
      {"edge", {1}}}},
    {"fx.block_displace",
     {{"block_size", {8}}, {"max_offset", {30}}, {"probability", {0.3}}, {"snap", {1}}}},
    {"fx.scanlines",
     {{"period", {5.5}},
      {"line_width", {0.3}},
      {"darkness", {0.8}},
      {"roll", {-3}},
      {"orientation", {1}}}},
    {"fx.mirror", {{"mode", {1}}, {"side", {1}}}},
    {"fx.vhs",
     {{"wobble", {6}},
      {"wobble_period", {30}},
      {"tracking_noise", {3}},
      {"head_switch", {12}},
      {"head_shift", {40}},
      {"chroma_blur", {6}},
      {"chroma_delay", {-5}},
      {"noise", {0.2}},
      {"dropouts", {0.1}}}},
    {"fx.edges",
     {{"mode", {0}}, {"threshold", {0.02}}, {"gain", {6}}, {"color", {1, 0.2, 0.6, 1}}}},
    {"fx.jpeg_damage",
     {{"quality", {6}},
      {"subsampling", {0}},
      {"damage", {12}},
      {"burst", {8}},
      {"band_height", {16}},
      {"generations", {3}}}},
    {"fx.xor_glitch",
     {{"op", {2}},
      {"operand", {3}},
      {"bit_mask", {240}},
      {"coverage", {0.6}},
      {"block", {5}},
      {"shift_x", {-2}},
      {"shift_y", {3}},
      {"channels", {2}}}},
    {"fx.slice_repeat",
     {{"orientation", {1}},
      {"slice", {3}},
      {"probability", {0.3}},
      {"repeats", {6}},
      {"drift", {-4}}}},
    {"fx.invert_bands",
     {{"orientation", {1}}, {"pattern", {0}}, {"band", {5}}, {"scroll", {3}}, {"green", {0}}}},
    {"fx.pixel_annihilate",
     {{"select", {2}},
      {"probability", {0.8}},
      {"threshold", {0.4}},
      {"block", {2}},
      {"replace", {2}},
      {"color", {0.1, 0.9, 0.3, 1}}}},
    {"fx.channel_destroy", {{"red", {6}}, {"green", {3}}, {"blue", {1}}, {"noise_size", {3}}}},
    {"fx.wave_distort",
     {{"direction", {2}},
      {"amplitude", {9}},
      {"wavelength", {23}},
      {"phase", {45}},
      {"speed", {-2}},
      {"edge", {1}}}},
    {"fx.smear",
     {{"direction", {3}},
      {"mode", {2}},
      {"threshold", {0.45}},
      {"length", {20}},
      {"decay", {0.1}}}},
    {"fx.tv_static",
     {{"amount", {0.7}},
      {"grain", {2}},
      {"stretch", {5}},
      {"colour", {1}},
      {"roll", {0.8}},
      {"hold", {20}}}},
    {"fx.emboss", {{"angle", {-30}}, {"strength", {4}}, {"height", {3}}, {"mode", {1}}}},
    {"fx.contours",
     {{"levels", {6}},
      {"smoothing", {1}},
      {"line_width", {2}},
      {"line_source", {1}},
      {"fill", {3}}}},
    {"fx.dither",
     {{"method", {4}},
      {"palette", {4}},
      {"pixel_size", {1}},
      {"strength", {0.9}},
      {"serpentine", {0}}}},
    {"fx.ascii",
     {{"cell", {8}},
      {"ramp", {1}},
      {"mode", {1}},
      {"foreground", {1, 0.7, 0.2, 1}},
      {"background", {0.1, 0.05, 0, 1}},
      {"invert", {1}}}},
    {"fx.datamosh", {{"mode", {1}}, {"decay", {0.35}}, {"amplify", {6}}, {"sustain", {0.9}}}},
    {"fx.echo", {{"delay", {1}}, {"taps", {4}}, {"amount", {0.9}}, {"falloff", {1}}}},
    {"fx.stutter", {{"probability", {0.6}}, {"length", {2}}, {"repeats", {5}}}},
    {"fx.frame_hold", {{"min_hold", {1}}, {"max_hold", {2}}}},
    {"fx.decimate", {{"mode", {1}}, {"fps", {12}}}},
    {"fx.slit_scan", {{"axis", {1}}, {"depth", {2}}, {"reverse", {1}}, {"blend", {1}}}},
};

bool envSet(const char* name) {
    const char* v = std::getenv(name);
    return v && *v && std::string(v) != "0";
}

} // namespace

TEST_CASE("golden hashes of every effect", "[effects][golden]") {
    const bool update = envSet("ENTROPIC_UPDATE_GOLDEN");
    const char* dumpDir = std::getenv("ENTROPIC_EFFECTS_DUMP");
    const auto golden = readGolden();
    std::ostringstream fresh;
    fresh << "# effect_id case frame_hash_v1 — regenerate: see docs/effects.md\n";
    if (dumpDir)
        test::writePpm(std::string(dumpDir) + "/input.ppm", test::syntheticFrame(64, 48, 2).view());

    for (const EffectDescriptor* d : EffectRegistry::builtin().all()) {
        const std::string version = "v" + std::to_string(d->version);
        std::vector<std::pair<std::string, ParamValues>> cases = {
            {version + "-default", ParamValues(d->params)},
            {version + "-min", test::paramsAtExtreme(*d, false)},
            {version + "-max", test::paramsAtExtreme(*d, true)},
        };
        if (const auto it = kExtremes.find(d->id); it != kExtremes.end()) {
            ParamValues extreme(d->params);
            for (const auto& [key, value] : it->second)
                extreme.set(key, value);
            cases.emplace_back(version + "-extreme", extreme);
        }
        for (const auto& [name, params] : cases) {
            const Frame out = test::runEffect(*d, params, 64, 48);
            const std::string hash = hashToHex(frameHash(out.view()));
            fresh << d->id << ' ' << name << ' ' << hash << '\n';
            if (dumpDir)
                test::writePpm(std::string(dumpDir) + "/" + d->id + "-" + name + ".ppm",
                               out.view());
            if (update) continue;
            INFO(d->id << " " << name << " (ENTROPIC_UPDATE_GOLDEN=1 regenerates " << kGoldenPath
                       << ")");
            const auto it = golden.find(d->id + " " + name);
            REQUIRE(it != golden.end());
            CHECK(it->second == hash);
        }
    }
    if (update) {
        std::ofstream(kGoldenPath) << fresh.str();
        WARN("rewrote " << kGoldenPath);
    }
}
