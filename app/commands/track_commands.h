#pragma once
// Track commands: putting a whole track in or taking it out (add, delete —
// deleting is critical), and changing a track's own properties (rename,
// mute, opacity, blend, volume). Lock and solo are editor state (EditorStateCommand).
#include "commands/edit_command.h"
#include "entropic/engine/project/project.h"

namespace entropic::app {

class TrackInsertCommand : public EditCommand {
  public:
    // insert: the track goes in at index (add); otherwise the track at index
    // comes out (delete), with its place in the lock and solo lists.
    TrackInsertCommand(QString text, bool insert, engine::Track track, std::size_t index);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    bool isCritical() const override { return !insert_; }
    std::size_t memoryCost() const override;
    const char* kind() const override { return "track_insert"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    void putIn(ProjectDocument& document);
    void takeOut(ProjectDocument& document);

    QString text_;
    bool insert_ = true;
    engine::Track track_;
    std::size_t index_ = 0;
    int lockedAt_ = -1; // where the id sat in EditorState::lockedTracks, -1 if absent
    int soloAt_ = -1;
};

struct TrackProperties {
    std::string name;
    bool muted = false;
    double opacity = 1.0;
    double volumeDb = 0.0;
    fx::BlendMode blend = fx::BlendMode::Normal;

    static TrackProperties of(const engine::Track& track);
    void applyTo(engine::Track& track) const;
    bool operator==(const TrackProperties&) const = default;
};

class TrackPropertyCommand : public EditCommand {
  public:
    // gestureId != 0: successive changes of one drag (a volume fader) merge.
    TrackPropertyCommand(QString text, std::string trackId, TrackProperties before,
                         TrackProperties after, int gestureId = 0);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override;
    int mergeId() const override { return gestureId_ != 0 ? kMergeTrackProperty : -1; }
    bool mergeWith(const EditCommand& next) override;
    const char* kind() const override { return "track_property"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    void apply(ProjectDocument& document, const TrackProperties& values);

    QString text_;
    std::string trackId_;
    TrackProperties before_;
    TrackProperties after_;
    int gestureId_ = 0;
};

} // namespace entropic::app
