// MIDI in the editor (docs/performance.md): messages decoded from bytes,
// mappings saved with the project, soft takeover, MIDI learn of knobs and
// pad notes through MidiControl, each run of controller moves one undo step.
// The real device path (RtMidi over a JACK server) is in tests/app_devices.
#include <catch2/catch.hpp>

#include <QMenu>

#include "commands/midi_edits.h"
#include "commands/performance_edits.h"
#include "midi/midi_control.h"
#include "midi/midi_knobs.h"
#include "midi/midi_message.h"
#include "midi/soft_takeover.h"
#include "test_support.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

MidiMessage decoded(std::initializer_list<std::uint8_t> bytes) {
    const std::vector<std::uint8_t> v(bytes);
    const auto m = MidiMessage::decode(v);
    REQUIRE(m);
    return *m;
}

MidiMessage cc(int channel, int controller, int value) {
    return {MidiMessage::Type::Controller, channel, controller, value};
}

const MidiTarget kAmount{MidiTarget::Kind::EffectParam, "b", "fx-1", "amount", 0};

double amount(const ProjectDocument& doc) {
    return knobValue(doc, kAmount).value();
}

} // namespace

TEST_CASE("MIDI bytes decode into what pads and mappings listen to", "[app][midi]") {
    CHECK(decoded({0x90, 36, 100}) == MidiMessage{MidiMessage::Type::NoteOn, 1, 36, 100});
    CHECK(decoded({0x9F, 36, 0}) == MidiMessage{MidiMessage::Type::NoteOff, 16, 36, 0});
    CHECK(decoded({0x82, 40, 64}) == MidiMessage{MidiMessage::Type::NoteOff, 3, 40, 64});
    CHECK(decoded({0xB0, 7, 127}) == MidiMessage{MidiMessage::Type::Controller, 1, 7, 127});
    CHECK(decoded({0xF8}).type == MidiMessage::Type::Clock);
    CHECK(decoded({0xFA}).type == MidiMessage::Type::Start);
    CHECK(decoded({0xFC}).type == MidiMessage::Type::Stop);
    CHECK(decoded({0xE0, 0, 64}).type == MidiMessage::Type::Other); // pitch bend
    const std::vector<std::uint8_t> truncated{0x90, 36};
    CHECK_FALSE(MidiMessage::decode(truncated));
    const std::vector<std::uint8_t> running{36, 100}; // no status byte
    CHECK_FALSE(MidiMessage::decode(running));
    CHECK_FALSE(MidiMessage::decode({}));
}

TEST_CASE("a mapping sweeps its range, inverted on request, and reads back from JSON",
          "[app][midi]") {
    MidiMapping m;
    m.channel = 2;
    m.controller = 74;
    m.target = kAmount;
    m.min = 0.2;
    m.max = 0.6;
    CHECK(m.valueFor(0) == Approx(0.2));
    CHECK(m.valueFor(127) == Approx(0.6));
    CHECK(m.valueFor(200) == Approx(0.6)); // clamped
    m.invert = true;
    CHECK(m.valueFor(0) == Approx(0.6));
    CHECK(m.listensTo(2, 74));
    CHECK_FALSE(m.listensTo(3, 74));
    CHECK_FALSE(m.listensTo(2, 75));
    m.channel = 0;
    CHECK(m.listensTo(9, 74));
    CHECK(MidiMapping::fromJson(m.toJson()) == m);
    CHECK_FALSE(MidiMapping::fromJson({{"controller", 300}, {"kind", "track_opacity"}}));
    CHECK_FALSE(
        MidiMapping::fromJson({{"controller", 1}, {"kind", "effect_param"}, {"owner", "b"}}));
    CHECK_FALSE(MidiMapping::fromJson("nonsense"));
}

TEST_CASE("soft takeover: a far controller waits until it reaches or passes the knob",
          "[app][midi]") {
    SoftTakeover t;
    // Knob at 0.5; the controller starts at 0.9 and comes down.
    CHECK_FALSE(t.follow(0.9, 0.5, 1.0));
    CHECK_FALSE(t.follow(0.7, 0.5, 1.0));
    CHECK(t.follow(0.45, 0.5, 1.0)); // passed it: picks up
    t.landed(0.45);
    CHECK(t.follow(0.9, 0.45, 1.0)); // engaged: follows anywhere
    t.landed(0.9);
    // The mouse moved the knob to 0.1: the controller waits again.
    CHECK_FALSE(t.follow(0.8, 0.1, 1.0));
    SoftTakeover near;
    CHECK(near.follow(0.51, 0.5, 1.0)); // within reach at once
}

TEST_CASE("MIDI learn maps the next controller moved, whose moves turn the knob with soft takeover",
          "[app][midi]") {
    LoadedFixture f;
    MidiControl midi(f.doc);
    QString error;
    REQUIRE(amount(f.doc) == Approx(0.3));
    const int entries = f.doc.undoStack()->count();

    midi.learnKnob(kAmount);
    CHECK(midi.learning());
    midi.handle(cc(1, 21, 127)); // the first move maps; it does not turn the knob
    CHECK_FALSE(midi.learning());
    REQUIRE(f.doc.editorState().midiMappings.size() == 1);
    const MidiMapping mapping = f.doc.editorState().midiMappings[0];
    CHECK(mapping.controller == 21);
    CHECK(mapping.channel == 1);
    CHECK(mapping.min == 0);
    CHECK(mapping.max == 1);
    CHECK(f.doc.undoStack()->count() == entries + 1);
    CHECK(amount(f.doc) == Approx(0.3));
    CHECK(midi.mappingFor(kAmount) == 0);

    // Controller at the top, knob at 0.3: nothing until it comes down to 0.3.
    midi.handle(cc(1, 21, 120));
    CHECK(amount(f.doc) == Approx(0.3));
    midi.handle(cc(2, 21, 30)); // another channel: not this mapping
    CHECK(amount(f.doc) == Approx(0.3));
    midi.handle(cc(1, 21, 30)); // 30/127 = 0.236: passed 0.3, picks up
    CHECK(amount(f.doc) == Approx(30 / 127.0));
    midi.handle(cc(1, 21, 100));
    CHECK(amount(f.doc) == Approx(100 / 127.0));
    // One run of moves is one undo step.
    CHECK(f.doc.undoStack()->count() == entries + 2);
    f.doc.undoStack()->undo();
    CHECK(amount(f.doc) == Approx(0.3));
    // The undo moved the knob away from the controller: soft takeover again.
    midi.handle(cc(1, 21, 110));
    CHECK(amount(f.doc) == Approx(0.3));

    // Learning the same controller again moves it to another knob.
    const MidiTarget opacity{MidiTarget::Kind::TrackOpacity, "V1"};
    midi.learnKnob(opacity);
    midi.handle(cc(1, 21, 64));
    REQUIRE(f.doc.editorState().midiMappings.size() == 1);
    CHECK(f.doc.editorState().midiMappings[0].target == opacity);
    CHECK(knobName(f.doc, opacity) == "V1 ▸ Opacity");
    CHECK(knobName(f.doc, kAmount).endsWith("Noise ▸ Amount"));
}

TEST_CASE("mappings are saved with the project, edited and removed one step at a time",
          "[app][midi]") {
    LoadedFixture f;
    QString error;
    MidiMapping m;
    m.controller = 7;
    m.target = {MidiTarget::Kind::TrackVolume, "A1"};
    const auto sweep = defaultSweep(f.doc, m.target);
    REQUIRE(sweep);
    CHECK(sweep->min == -60);
    CHECK(sweep->max == 6);
    m.min = sweep->min;
    m.max = sweep->max;
    REQUIRE(edits::addMidiMapping(f.doc, m, &error));
    MidiMapping edited = m;
    edited.invert = true;
    edited.max = 0;
    REQUIRE(edits::setMidiMapping(f.doc, 0, edited, &error));
    CHECK(f.doc.editorState().midiMappings[0] == edited);
    MidiMapping bad = edited;
    bad.channel = 17;
    CHECK_FALSE(edits::setMidiMapping(f.doc, 0, bad, &error));
    CHECK(error == "MIDI channels are 1 to 16 (0: any)");
    CHECK_FALSE(edits::removeMidiMapping(f.doc, 3, &error));

    // Saved and loaded back.
    const QString path = f.dir.filePath("midi.entropic");
    REQUIRE(f.doc.save(path, &error));
    ProjectDocument loaded;
    REQUIRE(loaded.load(path, &error));
    REQUIRE(loaded.editorState().midiMappings.size() == 1);
    CHECK(loaded.editorState().midiMappings[0] == edited);

    // A controller turns the volume; the mapping to a deleted track is inert.
    MidiControl midi(f.doc);
    midi.handle(cc(5, 7, 127)); // inverted: 127 → min (-60 dB); within reach? no: 0 dB now
    CHECK(track(f.doc, "A1")->volumeDb == Approx(0));
    midi.handle(cc(5, 7, 0)); // → max 0 dB: at the knob, picks up
    CHECK(track(f.doc, "A1")->volumeDb == Approx(0));
    midi.handle(cc(5, 7, 64));
    CHECK(track(f.doc, "A1")->volumeDb == Approx(-60 * 64 / 127.0));

    REQUIRE(edits::removeMidiMapping(f.doc, 0, &error));
    CHECK(f.doc.editorState().midiMappings.empty());
    f.doc.undoStack()->undo();
    CHECK(f.doc.editorState().midiMappings.size() == 1);
}

TEST_CASE("a pad learns a MIDI note, and notes then play it at their velocity", "[app][midi]") {
    LoadedFixture f;
    QString error, lane, other;
    PadSettings settings;
    settings.key = "Q";
    REQUIRE(edits::addPad(f.doc, "Kick", settings, &error, &lane));
    settings.key = "W";
    REQUIRE(edits::addPad(f.doc, "Snare", settings, &error, &other));
    MidiControl midi(f.doc);
    std::vector<std::tuple<int, int, double>> notes;
    QObject::connect(&midi, &MidiControl::padNote, [&](int ch, int note, double velocity, qint64) {
        notes.emplace_back(ch, note, velocity);
    });
    midi.learnPad(lane);
    midi.handle({MidiMessage::Type::NoteOn, 10, 36, 90});
    CHECK(notes.empty()); // learning takes the note; it does not play
    CHECK(f.doc.editorState().pads[0].midiNote == 36);
    CHECK(f.doc.editorState().pads[0].midiChannel == 10);
    CHECK(f.doc.editorState().pads[0].playsNote(10, 36));
    CHECK_FALSE(f.doc.editorState().pads[0].playsNote(1, 36));

    // Another pad cannot take the same note on the same channel.
    midi.learnPad(other);
    midi.handle({MidiMessage::Type::NoteOn, 10, 36, 90});
    CHECK(f.doc.editorState().pads[1].midiNote == -1);

    midi.handle({MidiMessage::Type::NoteOn, 10, 36, 127});
    REQUIRE(notes.size() == 1);
    CHECK(std::get<2>(notes[0]) == Approx(1.0));

    // Saved with the pad.
    const auto json = f.doc.editorState().pads[0].toJson();
    CHECK(PadSettings::fromJson(json) == f.doc.editorState().pads[0]);
}

TEST_CASE("knob menus offer MIDI Learn, and Forget once mapped", "[app][midi]") {
    LoadedFixture f;
    MidiControl midi(f.doc);
    QMenu menu;
    midi.addLearnEntries(menu, kAmount);
    QStringList texts;
    for (auto* a : menu.actions())
        texts << a->text();
    CHECK(texts.contains("MIDI Learn"));
    CHECK_FALSE(texts.contains("Forget MIDI Mapping"));
    for (auto* a : menu.actions())
        if (a->text() == "MIDI Learn") a->trigger();
    CHECK(midi.learning());
    midi.handle(cc(1, 1, 10));
    QMenu again;
    midi.addLearnEntries(again, kAmount);
    QAction* forget = nullptr;
    for (auto* a : again.actions())
        if (a->text() == "Forget MIDI Mapping") forget = a;
    REQUIRE(forget);
    forget->trigger();
    CHECK(f.doc.editorState().midiMappings.empty());
}
