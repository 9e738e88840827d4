#pragma once
// Commands on a clip's effect chain: an instance in or out (add, remove,
// duplicate), a move within the chain (reorder), and a change to one
// instance's settings (bypass, mix, mask, seed, a parameter) held as the
// instance before and after. Settings changes made during one gesture (a
// knob drag, given the same gesture id) merge into one history entry.
#include "commands/edit_command.h"
#include "entropic/effects/container.h"

namespace entropic::app {

class EffectInsertCommand : public EditCommand {
  public:
    // insert: effect goes in at index; otherwise the instance at index comes out.
    EffectInsertCommand(QString text, std::string clipId, bool insert, fx::EffectInstance effect,
                        std::size_t index);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override;
    const char* kind() const override { return "effect_insert"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    void putIn(ProjectDocument& document);
    void takeOut(ProjectDocument& document);

    QString text_;
    std::string clipId_;
    bool insert_ = true;
    fx::EffectInstance effect_;
    std::size_t index_ = 0;
};

class EffectMoveCommand : public EditCommand {
  public:
    EffectMoveCommand(QString text, std::string clipId, std::size_t from, std::size_t to);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override;
    const char* kind() const override { return "effect_move"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    void move(ProjectDocument& document, std::size_t from, std::size_t to);

    QString text_;
    std::string clipId_;
    std::size_t from_ = 0;
    std::size_t to_ = 0;
};

class EffectEditCommand : public EditCommand {
  public:
    // gestureId != 0: later edits of the same instance with the same gesture
    // id merge into this one (keeping this one's "before").
    EffectEditCommand(QString text, std::string clipId, fx::EffectInstance before,
                      fx::EffectInstance after, int gestureId = 0);

    QString text() const override { return text_; }
    void redo(ProjectDocument& document) override;
    void undo(ProjectDocument& document) override;
    std::size_t memoryCost() const override;
    int mergeId() const override { return gestureId_ != 0 ? kMergeEffectEdit : -1; }
    bool mergeWith(const EditCommand& next) override;
    const char* kind() const override { return "effect_edit"; }
    nlohmann::json stateToJson() const override;
    static std::unique_ptr<EditCommand> fromJson(const QString& text, const nlohmann::json& state,
                                                 const ProjectDocument& document);

  private:
    void apply(ProjectDocument& document, const fx::EffectInstance& value);

    QString text_;
    std::string clipId_;
    fx::EffectInstance before_;
    fx::EffectInstance after_;
    int gestureId_ = 0;
};

} // namespace entropic::app
