#pragma once
// Which effect to blame when the engine keeps dying on a project: the instance
// whose settings changed last. The editor offers to bypass it before the next
// restart, since the usual cause of repeated crashes is the last thing edited.
#include <map>

#include <QString>
#include <nlohmann/json.hpp>

namespace entropic::engine {
struct Project;
}

namespace entropic::app {

class RestartPolicy;

class CrashCulprit {
  public:
    // Compares clip `clipId`'s chain in `project` with the chain seen last
    // time and remembers the instance that differs (added or changed).
    void noteChainChange(const engine::Project& project, const QString& clipId);

    bool known() const { return !effect_.isEmpty(); }
    QString clipId() const { return clip_; }
    QString effectInstance() const { return effect_; }
    // What the user calls them: "Noise" on "beach.mp4".
    QString effectName() const { return effectName_; }
    QString clipName() const { return clipName_; }

    // "The render engine stopped 3 times in a minute…", with the limits the
    // supervisor really applies, the reason, and the suspect when known.
    QString gaveUpText(const RestartPolicy& policy, const QString& reason) const;

  private:
    std::map<QString, nlohmann::json> chains_; // what each clip's chain looked like
    QString clip_, effect_;
    QString clipName_, effectName_;
};

} // namespace entropic::app
