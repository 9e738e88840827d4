// entropic-render: renders a project or glitches a media file from the command
// line, in-process, exactly as the engine renders it for the editor.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "entropic/effects/registry.h"
#include "entropic/engine/error.h"
#include "entropic/engine/media/media_info.h"
#include "entropic/engine/project/param_codec.h"
#include "entropic/engine/project/preset.h"
#include "entropic/engine/project/project.h"
#include "entropic/engine/render/export_job.h"
#include "entropic/engine/render/png_writer.h"
#include "entropic/engine/render/timeline_renderer.h"
#include "render_options.h"

namespace {

using namespace entropic;
using engine::EngineError;

std::atomic<bool> gCancel{false};
extern "C" void onInterrupt(int) {
    gCancel = true;
}

bool hasExtension(const std::string& path, const char* ext) {
    return std::filesystem::path(path).extension() == ext;
}

void listEffects(bool json) {
    const auto& all = fx::EffectRegistry::builtin().all();
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto* d : all)
            out.push_back(engine::descriptorToJson(*d));
        std::cout << out.dump(2) << '\n';
        return;
    }
    for (const auto* d : all) {
        std::cout << d->id << " (v" << d->version << ")  " << d->name << " — " << d->help << '\n';
        for (const auto& p : d->params) {
            std::cout << "    " << p.key << "  " << fx::paramTypeName(p.type);
            if (p.type == fx::ParamType::Enum) {
                std::cout << " {";
                for (std::size_t i = 0; i < p.choices.size(); ++i)
                    std::cout << (i ? "|" : "") << p.choices[i];
                std::cout << "}";
            } else if (p.type == fx::ParamType::Float || p.type == fx::ParamType::Int) {
                std::cout << " " << p.min << ".." << p.max;
            }
            std::cout << " default " << engine::paramToJson(p, p.def).dump();
            if (!p.unit.empty()) std::cout << " " << p.unit;
            std::cout << " — " << p.help;
            if (!p.appliesWhen.empty())
                std::cout << " [applies when " << fx::appliesWhenText(p, d->params) << "]";
            std::cout << '\n';
        }
    }
}

fx::EffectInstance parseFx(const std::string& spec, int index) {
    std::istringstream words(spec);
    std::string id;
    words >> id;
    const std::string where = "--fx '" + spec + "'";
    const auto* d = fx::EffectRegistry::builtin().find(id);
    if (!d)
        throw EngineError(engine::errc::kNotFound,
                          where + ": unknown effect \"" + id + "\" (see --list-effects)");
    fx::EffectInstance e;
    e.descriptor = d;
    e.instanceId = "fx" + std::to_string(index);
    e.params = fx::ParamValues(d->params);
    std::string pair;
    while (words >> pair) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos)
            throw EngineError(engine::errc::kWrongType,
                              where + ": expected key=value, got \"" + pair + "\"");
        const std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
        if (key == "mix") {
            const auto mix = engine::paramFromText(
                fx::ParamSpec::number("mix", "Mix", 0, 1, 1, "", ""), value, where + " mix");
            e.mix = mix[0];
            continue;
        }
        const int i = e.params.indexOf(key);
        if (i < 0)
            throw EngineError(engine::errc::kNotFound,
                              where + ": " + id + " has no parameter \"" + key + "\"");
        e.params.set(static_cast<std::size_t>(i),
                     engine::paramFromText(d->params[static_cast<std::size_t>(i)], value,
                                           where + " " + key));
    }
    return e;
}

void listPresets(bool json) {
    std::vector<std::string> errors;
    const auto folder = engine::presetFolder();
    const auto presets = engine::loadPresets(folder, &errors);
    for (const auto& e : errors)
        std::fprintf(stderr, "entropic-render: skipped %s\n", e.c_str());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : presets) {
            nlohmann::json chain = nlohmann::json::array();
            for (const auto& e : p.effects)
                chain.push_back(e.descriptor->id);
            out.push_back({{"id", p.id},
                           {"name", p.name},
                           {"description", p.description},
                           {"effects", chain}});
        }
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (presets.empty()) std::cout << "no presets in " << folder.string() << '\n';
    for (const auto& p : presets) {
        std::cout << p.id << "  " << p.name << " — " << p.description << "\n   ";
        for (const auto& e : p.effects)
            std::cout << ' ' << e.descriptor->id;
        std::cout << '\n';
    }
}

engine::Project loadInput(const engine::RenderOptions& o) {
    if (hasExtension(o.input, ".entropic")) {
        if (!o.fx.empty() || !o.effectPreset.empty())
            throw EngineError(engine::errc::kWrongType,
                              "--fx and --preset build a chain for a media file; edit the "
                              "project's chains instead");
        return engine::loadProjectFile(o.input);
    }
    std::vector<fx::EffectInstance> chain;
    if (!o.effectPreset.empty())
        chain = engine::findPreset(engine::presetFolder(), o.effectPreset).effects;
    for (std::size_t i = 0; i < o.fx.size(); ++i)
        chain.push_back(parseFx(o.fx[i], static_cast<int>(i)));
    return engine::projectForMedia(o.input, engine::probeMedia(o.input), std::move(chain));
}

class ProgressBar {
  public:
    explicit ProgressBar(bool enabled)
        : enabled_(enabled), started_(std::chrono::steady_clock::now()) {}
    void update(std::int64_t done, std::int64_t total) {
        if (!enabled_) return;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
        const int width = 30;
        const int filled = total > 0 ? static_cast<int>(width * done / total) : 0;
        std::fprintf(stderr, "\r[%.*s%*s] %3d%%  %lld/%lld frames  %.1f fps ", filled,
                     "##############################", width - filled, "",
                     total > 0 ? static_cast<int>(100 * done / total) : 0,
                     static_cast<long long>(done), static_cast<long long>(total),
                     seconds > 0 ? done / seconds : 0.0);
        if (done == total) std::fputc('\n', stderr);
    }

  private:
    bool enabled_;
    std::chrono::steady_clock::time_point started_;
};

int run(const engine::RenderOptions& o) {
    auto project = std::make_shared<const engine::Project>(loadInput(o));
    if (o.frame) {
        if (!hasExtension(o.output, ".png"))
            throw EngineError(engine::errc::kWrongType, o.output + ": --frame writes a .png");
        const std::int64_t count = std::max<std::int64_t>(1, project->frameCount());
        if (*o.frame >= count)
            throw EngineError(engine::errc::kOutOfRange, "--frame " + std::to_string(*o.frame) +
                                                             " is past the last frame " +
                                                             std::to_string(count - 1));
        engine::TimelineRenderer renderer(project, o.threads);
        const fx::Frame& frame = renderer.render(*o.frame);
        if (!o.frameHashes.empty()) {
            std::ofstream out(o.frameHashes, std::ios::trunc);
            out << *o.frame << ' ' << fx::hashToHex(fx::frameHash(frame.view())) << '\n';
            if (!out) throw EngineError(engine::errc::kIo, o.frameHashes + ": cannot write");
        }
        engine::writePng(o.output, frame.view());
        return 0;
    }
    engine::ExportSettings settings;
    settings.path = o.output;
    settings.format = o.format; // runExport checks it against the name
    settings.width = o.width;
    settings.height = o.height;
    settings.frameRate = engine::Rational{o.fpsNum, o.fpsDen};
    if (o.rangeFirst) {
        settings.first = *o.rangeFirst;
        settings.end = *o.rangeEnd;
    }
    settings.crf = o.crf;
    settings.preset = o.x264Preset;
    settings.audio = o.audio;
    settings.threads = o.threads;
    settings.frameHashesPath = o.frameHashes;
    ProgressBar bar(!o.quiet && ::isatty(STDERR_FILENO));
    engine::ExportCallbacks callbacks;
    callbacks.cancel = &gCancel;
    callbacks.progress = [&](std::int64_t done, std::int64_t total) { bar.update(done, total); };
    if (engine::runExport(project, settings, callbacks) == engine::ExportOutcome::Cancelled) {
        std::fprintf(stderr, "\nentropic-render: interrupted; %s was not written\n",
                     o.output.c_str());
        return 130;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    engine::RenderOptions options;
    if (const std::string error = engine::parseRenderOptions(argc, argv, options); !error.empty()) {
        std::fprintf(stderr, "entropic-render: %s\n\n%s", error.c_str(), engine::kRenderUsage);
        return 2;
    }
    if (options.help) {
        std::fputs(engine::kRenderUsage, stdout);
        return 0;
    }
    if (options.listEffects) {
        listEffects(options.json);
        return 0;
    }
    if (options.listPresets) {
        try {
            listPresets(options.json);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "entropic-render: %s\n", e.what());
            return 1;
        }
        return 0;
    }
    struct sigaction sa {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    try {
        return run(options);
    } catch (const EngineError& e) {
        std::fprintf(stderr, "entropic-render: %s\n", e.what());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "entropic-render: %s\n", e.what());
    }
    return 1;
}
