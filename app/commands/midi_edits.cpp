#include "commands/midi_edits.h"

#include <algorithm>
#include <cmath>

#include "commands/edit_rules.h"
#include "commands/editor_state_command.h"
#include "model/project_document.h"

namespace entropic::app::edits {

using rules::refuse;

namespace {

bool validMapping(const MidiMapping& m, QString* error) {
    if (m.controller < 0 || m.controller > 127)
        return refuse(error, QStringLiteral("MIDI controllers are 0 to 127"));
    if (m.channel < 0 || m.channel > 16)
        return refuse(error, QStringLiteral("MIDI channels are 1 to 16 (0: any)"));
    if (!std::isfinite(m.min) || !std::isfinite(m.max))
        return refuse(error, QStringLiteral("A mapping's range must be numbers"));
    return true;
}

bool push(ProjectDocument& doc, std::vector<MidiMapping> mappings, const QString& text) {
    if (mappings == doc.editorState().midiMappings) return true;
    EditorState after = doc.editorState();
    after.midiMappings = std::move(mappings);
    doc.push(
        std::make_unique<EditorStateCommand>(text, kPartMidi, doc.editorState(), std::move(after)));
    return true;
}

bool validIndex(const ProjectDocument& doc, int index, QString* error) {
    if (index >= 0 && static_cast<std::size_t>(index) < doc.editorState().midiMappings.size())
        return true;
    return refuse(error, QStringLiteral("There is no MIDI mapping %1").arg(index + 1));
}

} // namespace

bool addMidiMapping(ProjectDocument& doc, const MidiMapping& mapping, QString* error) {
    if (!validMapping(mapping, error)) return false;
    auto mappings = doc.editorState().midiMappings;
    std::erase_if(mappings, [&](const MidiMapping& m) {
        return m.controller == mapping.controller && m.channel == mapping.channel;
    });
    mappings.push_back(mapping);
    return push(doc, std::move(mappings), QStringLiteral("Map MIDI CC %1").arg(mapping.controller));
}

bool setMidiMapping(ProjectDocument& doc, int index, const MidiMapping& mapping, QString* error) {
    if (!validIndex(doc, index, error) || !validMapping(mapping, error)) return false;
    auto mappings = doc.editorState().midiMappings;
    mappings[static_cast<std::size_t>(index)] = mapping;
    return push(doc, std::move(mappings), QStringLiteral("Edit MIDI mapping"));
}

bool removeMidiMapping(ProjectDocument& doc, int index, QString* error) {
    if (!validIndex(doc, index, error)) return false;
    auto mappings = doc.editorState().midiMappings;
    mappings.erase(mappings.begin() + index);
    return push(doc, std::move(mappings), QStringLiteral("Remove MIDI mapping"));
}

} // namespace entropic::app::edits
