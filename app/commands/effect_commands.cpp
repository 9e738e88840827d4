#include "commands/effect_commands.h"

#include <stdexcept>

#include "commands/command_codec.h"
#include "model/project_document.h"

namespace entropic::app {

using nlohmann::json;

namespace {

std::vector<fx::EffectInstance>& chainOf(ProjectDocument& document, const std::string& clipId) {
    for (auto& t : document.mutableProject().tracks)
        for (auto& c : t.clips)
            if (c.id == clipId) return c.effects;
    throw std::logic_error("effect command: no clip " + clipId);
}

std::ptrdiff_t offset(std::size_t index) {
    return static_cast<std::ptrdiff_t>(index);
}

} // namespace

// --- EffectInsertCommand -----------------------------------------------------

EffectInsertCommand::EffectInsertCommand(QString text, std::string clipId, bool insert,
                                         fx::EffectInstance effect, std::size_t index)
    : text_(std::move(text)), clipId_(std::move(clipId)), insert_(insert),
      effect_(std::move(effect)), index_(index) {}

void EffectInsertCommand::putIn(ProjectDocument& document) {
    auto& chain = chainOf(document, clipId_);
    chain.insert(chain.begin() + offset(std::min(index_, chain.size())), effect_);
    document.notifyChanged(QString::fromStdString(clipId_));
}

void EffectInsertCommand::takeOut(ProjectDocument& document) {
    auto& chain = chainOf(document, clipId_);
    if (index_ >= chain.size() || chain[index_].instanceId != effect_.instanceId)
        throw std::logic_error("effect command: " + effect_.instanceId + " is not at its index");
    chain.erase(chain.begin() + offset(index_));
    document.notifyChanged(QString::fromStdString(clipId_));
}

void EffectInsertCommand::redo(ProjectDocument& document) {
    insert_ ? putIn(document) : takeOut(document);
}

void EffectInsertCommand::undo(ProjectDocument& document) {
    insert_ ? takeOut(document) : putIn(document);
}

std::size_t EffectInsertCommand::memoryCost() const {
    return sizeof(*this) + clipId_.size() + effectCost(effect_) +
           static_cast<std::size_t>(text_.size()) * 2;
}

json EffectInsertCommand::stateToJson() const {
    return {{"clip", clipId_},
            {"insert", insert_},
            {"effect", effectToJson(effect_)},
            {"index", index_}};
}

std::unique_ptr<EditCommand> EffectInsertCommand::fromJson(const QString& text, const json& state,
                                                           const ProjectDocument&) {
    return std::make_unique<EffectInsertCommand>(
        text, state.at("clip").get<std::string>(), state.at("insert").get<bool>(),
        effectFromJson(state.at("effect")), state.at("index").get<std::size_t>());
}

// --- EffectMoveCommand -------------------------------------------------------

EffectMoveCommand::EffectMoveCommand(QString text, std::string clipId, std::size_t from,
                                     std::size_t to)
    : text_(std::move(text)), clipId_(std::move(clipId)), from_(from), to_(to) {}

void EffectMoveCommand::move(ProjectDocument& document, std::size_t from, std::size_t to) {
    auto& chain = chainOf(document, clipId_);
    if (from >= chain.size() || to >= chain.size())
        throw std::logic_error("effect command: move outside the chain of " + clipId_);
    fx::EffectInstance moving = std::move(chain[from]);
    chain.erase(chain.begin() + offset(from));
    chain.insert(chain.begin() + offset(to), std::move(moving));
    document.notifyChanged(QString::fromStdString(clipId_));
}

void EffectMoveCommand::redo(ProjectDocument& document) {
    move(document, from_, to_);
}
void EffectMoveCommand::undo(ProjectDocument& document) {
    move(document, to_, from_);
}

std::size_t EffectMoveCommand::memoryCost() const {
    return sizeof(*this) + clipId_.size() + static_cast<std::size_t>(text_.size()) * 2;
}

json EffectMoveCommand::stateToJson() const {
    return {{"clip", clipId_}, {"from", from_}, {"to", to_}};
}

std::unique_ptr<EditCommand> EffectMoveCommand::fromJson(const QString& text, const json& state,
                                                         const ProjectDocument&) {
    return std::make_unique<EffectMoveCommand>(text, state.at("clip").get<std::string>(),
                                               state.at("from").get<std::size_t>(),
                                               state.at("to").get<std::size_t>());
}

// --- EffectEditCommand -------------------------------------------------------

EffectEditCommand::EffectEditCommand(QString text, std::string clipId, fx::EffectInstance before,
                                     fx::EffectInstance after, int gestureId)
    : text_(std::move(text)), clipId_(std::move(clipId)), before_(std::move(before)),
      after_(std::move(after)), gestureId_(gestureId) {}

void EffectEditCommand::apply(ProjectDocument& document, const fx::EffectInstance& value) {
    for (auto& e : chainOf(document, clipId_))
        if (e.instanceId == value.instanceId) {
            e = value;
            document.notifyChanged(QString::fromStdString(clipId_));
            return;
        }
    throw std::logic_error("effect command: no effect " + value.instanceId + " on " + clipId_);
}

void EffectEditCommand::redo(ProjectDocument& document) {
    apply(document, after_);
}
void EffectEditCommand::undo(ProjectDocument& document) {
    apply(document, before_);
}

std::size_t EffectEditCommand::memoryCost() const {
    return sizeof(*this) + clipId_.size() + effectCost(before_) + effectCost(after_) +
           static_cast<std::size_t>(text_.size()) * 2;
}

bool EffectEditCommand::mergeWith(const EditCommand& next) {
    const auto* other = dynamic_cast<const EffectEditCommand*>(&next);
    if (!other || other->gestureId_ != gestureId_ || other->clipId_ != clipId_ ||
        other->after_.instanceId != after_.instanceId)
        return false;
    after_ = other->after_;
    return true;
}

json EffectEditCommand::stateToJson() const {
    return {{"clip", clipId_},
            {"before", effectToJson(before_)},
            {"after", effectToJson(after_)},
            {"gesture", gestureId_}};
}

std::unique_ptr<EditCommand> EffectEditCommand::fromJson(const QString& text, const json& state,
                                                         const ProjectDocument&) {
    return std::make_unique<EffectEditCommand>(
        text, state.at("clip").get<std::string>(), effectFromJson(state.at("before")),
        effectFromJson(state.at("after")), state.at("gesture").get<int>());
}

} // namespace entropic::app
