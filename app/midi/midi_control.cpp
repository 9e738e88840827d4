#include "midi/midi_control.h"

#include <QMenu>
#include <QSettings>

#include "commands/edits.h"
#include "commands/midi_edits.h"
#include "commands/performance_edits.h"
#include "midi/midi_knobs.h"
#include "model/project_document.h"
#include "performance/automation_recorder.h"

namespace entropic::app {

namespace {

std::string followKey(const MidiMapping& m) {
    return std::to_string(m.channel) + '/' + std::to_string(m.controller) + '/' + m.toJson().dump();
}

QString channelText(int channel) {
    return channel == 0 ? QObject::tr("any channel") : QObject::tr("channel %1").arg(channel);
}

} // namespace

MidiControl::MidiControl(ProjectDocument& doc, QObject* parent)
    : QObject(parent), doc_(doc), input_(this), clockFollower_(doc) {
    clock_.start();
    connect(&input_, &MidiInput::received, this,
            [this](const MidiMessage& m, qint64 ns) { handle(m, ns); });
    connect(&input_, &MidiInput::notice, this, &MidiControl::notice);
}

void MidiControl::startFromSettings() {
    QSettings settings;
    clockFollower_.setEnabled(settings.value(kFollowClockKey, false).toBool());
    const QString device = settings.value(kDeviceKey).toString();
    if (device == QLatin1String("none")) {
        input_.stop();
        return;
    }
    input_.start(MidiInput::apiFromName(settings.value(kApiKey).toString()), device);
}

void MidiControl::handle(const MidiMessage& m, qint64 steadyNs) {
    switch (m.type) {
    case MidiMessage::Type::Controller:
        if (learnKnob_)
            learnController(m);
        else
            controller(m);
        break;
    case MidiMessage::Type::NoteOn:
        if (!learnPad_.isEmpty())
            learnNote(m);
        else
            Q_EMIT padNote(m.channel, m.number, m.value / 127.0, steadyNs);
        break;
    case MidiMessage::Type::NoteOff:
        Q_EMIT padNoteOff(m.channel, m.number);
        break;
    case MidiMessage::Type::Clock:
    case MidiMessage::Type::Start:
    case MidiMessage::Type::Stop:
        clockFollower_.handle(m, steadyNs);
        break;
    default:
        break;
    }
}

void MidiControl::controller(const MidiMessage& m) {
    const auto mappings = doc_.editorState().midiMappings; // an edit may change them
    for (const auto& mapping : mappings) {
        if (!mapping.listensTo(m.channel, m.number)) continue;
        const auto range = knobRange(doc_, mapping.target);
        // Recording automation, the knob stands where its lane being written does.
        const auto recorded = recordedTarget(mapping.target);
        const auto current =
            recorded ? recorder_->currentValue(*recorded) : knobValue(doc_, mapping.target);
        if (!range || !current) continue; // its knob is gone
        Follow& f = follow_[followKey(mapping)];
        const double wanted = mapping.valueFor(m.value);
        if (!f.takeover.follow(wanted, *current, range->max - range->min)) continue;
        if (recorded)
            if (const auto written = recorder_->move(*recorded, wanted)) {
                f.takeover.landed(*written);
                continue;
            }
        const qint64 now = clock_.elapsed();
        if (f.gesture == 0 || now - f.lastMoveMs > kGesturePauseMs)
            f.gesture = edits::newGestureId();
        f.lastMoveMs = now;
        QString error;
        if (!setKnob(doc_, mapping.target, wanted, f.gesture, &error) && !error.isEmpty())
            Q_EMIT notice(error);
        if (const auto landed = knobValue(doc_, mapping.target)) f.takeover.landed(*landed);
    }
}

std::optional<sig::ParamTarget> MidiControl::recordedTarget(const MidiTarget& target) const {
    if (!recorder_ || !recorder_->recording() || target.kind != MidiTarget::Kind::EffectParam)
        return std::nullopt;
    return sig::ParamTarget{target.effect, target.key, target.component};
}

void MidiControl::learnKnob(const MidiTarget& target) {
    learnPad_.clear();
    learnKnob_ = target;
    Q_EMIT notice(tr("MIDI learn: move a controller for %1 (Esc in the panel cancels)")
                      .arg(knobName(doc_, target)));
    Q_EMIT learningChanged(true);
}

void MidiControl::learnPad(const QString& laneId) {
    learnKnob_.reset();
    learnPad_ = laneId;
    Q_EMIT notice(tr("MIDI learn: play a note for the pad"));
    Q_EMIT learningChanged(true);
}

void MidiControl::cancelLearn() {
    if (!learning()) return;
    learnKnob_.reset();
    learnPad_.clear();
    Q_EMIT learningChanged(false);
}

void MidiControl::learnController(const MidiMessage& m) {
    const MidiTarget target = *learnKnob_;
    learnKnob_.reset();
    Q_EMIT learningChanged(false);
    const auto sweep = defaultSweep(doc_, target);
    if (!sweep) {
        Q_EMIT notice(tr("MIDI learn: that knob is gone"));
        return;
    }
    MidiMapping mapping;
    mapping.channel = m.channel;
    mapping.controller = m.number;
    mapping.target = target;
    mapping.min = sweep->min;
    mapping.max = sweep->max;
    QString error;
    if (!edits::addMidiMapping(doc_, mapping, &error)) {
        Q_EMIT notice(error);
        return;
    }
    Q_EMIT notice(tr("MIDI: CC %1 on %2 turns %3")
                      .arg(m.number)
                      .arg(channelText(m.channel), knobName(doc_, target)));
}

void MidiControl::learnNote(const MidiMessage& m) {
    const QString lane = learnPad_;
    learnPad_.clear();
    Q_EMIT learningChanged(false);
    for (auto settings : doc_.editorState().pads) {
        if (QString::fromStdString(settings.lane) != lane) continue;
        settings.midiNote = m.number;
        settings.midiChannel = m.channel;
        QString error;
        if (!edits::setPadSettings(doc_, settings, &error))
            Q_EMIT notice(error);
        else
            Q_EMIT notice(
                tr("MIDI: note %1 on %2 plays the pad").arg(m.number).arg(channelText(m.channel)));
        return;
    }
    Q_EMIT notice(tr("MIDI learn: that pad is gone"));
}

int MidiControl::mappingFor(const MidiTarget& target) const {
    const auto& mappings = doc_.editorState().midiMappings;
    for (std::size_t i = 0; i < mappings.size(); ++i)
        if (mappings[i].target == target) return static_cast<int>(i);
    return -1;
}

void MidiControl::addLearnEntries(QMenu& menu, const MidiTarget& target) {
    menu.addSeparator();
    menu.addAction(tr("MIDI Learn"), this, [this, target] { learnKnob(target); });
    if (const int index = mappingFor(target); index >= 0)
        menu.addAction(tr("Forget MIDI Mapping"), this, [this, index] {
            QString error;
            if (!edits::removeMidiMapping(doc_, index, &error)) Q_EMIT notice(error);
        });
}

} // namespace entropic::app
