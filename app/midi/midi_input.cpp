#include "midi/midi_input.h"

#include <chrono>

#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <jack/jack.h>
#include <rtmidi/RtMidi.h>

namespace entropic::app {

namespace {

constexpr const char* kClientName = "Entropic";

// RtMidi reports through exceptions or, once a callback is set, the callback;
// without one it also prints to stderr. Warnings (a JACK server that is not
// running) are expected while rescanning and must stay quiet.
void quiet(RtMidiError::Type, const std::string&, void*) {}
// libjack prints every failed attempt to reach a server (once a second while
// none runs); the input's notice says it once instead.
void quietJack(const char*) {}

// Asked before RtMidi's JACK client is made: RtMidi would print a warning of
// its own, and a server that starts later is then found on a rescan.
bool jackServerRunning() {
    jack_status_t status{};
    jack_client_t* probe = jack_client_open("Entropic-probe", JackNoStartServer, &status);
    if (!probe) return false;
    jack_client_close(probe);
    return true;
}

QString prefix(RtMidi::Api api) {
    return api == RtMidi::UNIX_JACK ? QStringLiteral("JACK: ") : QStringLiteral("ALSA: ");
}

std::unique_ptr<RtMidiIn> makeIn(RtMidi::Api api, QString* error) {
    try {
        auto in = std::make_unique<RtMidiIn>(api, kClientName);
        in->setErrorCallback(&quiet, nullptr);
        return in;
    } catch (const RtMidiError& e) {
        if (error) *error = QString::fromStdString(e.getMessage());
        return nullptr;
    }
}

QStringList portNames(RtMidiIn& in, RtMidi::Api api) {
    QStringList names;
    try {
        const unsigned count = in.getPortCount();
        for (unsigned i = 0; i < count; ++i) {
            const std::string name = in.getPortName(i);
            // Our own ports (JACK lists them like any other) are not devices.
            if (name.rfind(kClientName, 0) == 0) continue;
            names << prefix(api) + QString::fromStdString(name);
        }
    } catch (const RtMidiError&) {
    }
    return names;
}

} // namespace

struct MidiInput::Client {
    RtMidi::Api api;
    std::unique_ptr<RtMidiIn> lister;
};

struct MidiInput::Port {
    std::unique_ptr<RtMidiIn> in;
};

MidiInput::MidiInput(QObject* parent) : QObject(parent) {
    qRegisterMetaType<MidiMessage>();
    jack_set_error_function(&quietJack);
    jack_set_info_function(&quietJack);
    rescan_.setInterval(kRescanMs);
    connect(&rescan_, &QTimer::timeout, this, &MidiInput::rescan);
}

MidiInput::~MidiInput() {
    stop();
}

QString MidiInput::apiName(Api api) {
    switch (api) {
    case Api::Alsa:
        return QStringLiteral("alsa");
    case Api::Jack:
        return QStringLiteral("jack");
    case Api::Auto:
        break;
    }
    return QStringLiteral("auto");
}

MidiInput::Api MidiInput::apiFromName(const QString& name) {
    if (name == QLatin1String("alsa")) return Api::Alsa;
    if (name == QLatin1String("jack")) return Api::Jack;
    return Api::Auto;
}

void MidiInput::start(Api api, const QString& device) {
    stop();
    api_ = api;
    device_ = device;
    running_ = true;
    rescan();
    rescan_.start();
}

void MidiInput::stop() {
    rescan_.stop();
    ports_.clear(); // closes the ports (RtMidiIn's destructor)
    clients_.clear();
    running_ = false;
}

void MidiInput::rescan() {
    if (!running_) return;
    std::vector<RtMidi::Api> wanted;
    if (api_ != Api::Jack) wanted.push_back(RtMidi::LINUX_ALSA);
    if (api_ != Api::Alsa) wanted.push_back(RtMidi::UNIX_JACK);
    QStringList problems;
    for (RtMidi::Api api : wanted) {
        auto found = std::find_if(clients_.begin(), clients_.end(),
                                  [&](const auto& c) { return c->api == api; });
        if (found == clients_.end()) {
            // Without the device, ALSA and RtMidi would both print an error
            // on every rescan.
            if (api == RtMidi::LINUX_ALSA && !QFileInfo::exists(QStringLiteral("/dev/snd/seq"))) {
                problems << tr("no ALSA sequencer");
                continue;
            }
            if (api == RtMidi::UNIX_JACK && !jackServerRunning()) {
                problems << tr("no JACK server");
                continue;
            }
            QString error;
            auto lister = makeIn(api, &error);
            if (!lister) {
                // RtMidi's own wording names its internals; say what is missing.
                problems << (api == RtMidi::LINUX_ALSA ? tr("no ALSA sequencer")
                                                       : prefix(api) + error.trimmed());
                continue;
            }
            clients_.push_back(std::make_unique<Client>(Client{api, std::move(lister)}));
        }
    }

    bool changed = false;
    QStringList present;
    for (auto& client : clients_) {
        const QStringList names = portNames(*client->lister, client->api);
        present << names;
        for (const QString& name : names)
            if (!ports_.count(name) && (device_.isEmpty() || device_ == name)) {
                open(*client, name);
                changed = true;
            }
    }
    for (auto it = ports_.begin(); it != ports_.end();) {
        if (present.contains(it->first)) {
            ++it;
            continue;
        }
        Q_EMIT notice(tr("MIDI: %1 disconnected").arg(it->first));
        it = ports_.erase(it);
        changed = true;
    }

    QString problem;
    if (clients_.empty())
        problem = tr("MIDI: not available (%1)").arg(problems.join(QStringLiteral("; ")));
    else if (present.isEmpty())
        problem = tr("MIDI: no input device");
    else if (!device_.isEmpty() && !present.contains(device_))
        problem = tr("MIDI: %1 is not connected").arg(device_);
    if (problem != problem_) {
        problem_ = problem;
        if (!problem.isEmpty()) Q_EMIT notice(problem);
        changed = true;
    }
    if (changed) Q_EMIT devicesChanged();
}

void MidiInput::open(Client& client, const QString& name) {
    auto in = makeIn(client.api, nullptr);
    if (!in) return;
    // Indexes shift as devices come and go: find it again by name.
    unsigned index = 0;
    bool found = false;
    try {
        for (unsigned i = 0; i < in->getPortCount(); ++i)
            if (prefix(client.api) + QString::fromStdString(in->getPortName(i)) == name) {
                index = i;
                found = true;
                break;
            }
        if (!found) return;
        in->ignoreTypes(true, false, true); // SysEx and active sensing; keep the clock
        in->setCallback(&MidiInput::onBytes, this);
        in->openPort(index, "in");
    } catch (const RtMidiError& e) {
        Q_EMIT notice(
            tr("MIDI: cannot open %1: %2").arg(name, QString::fromStdString(e.getMessage())));
        return;
    }
    ports_[name] = std::make_unique<Port>(Port{std::move(in)});
    Q_EMIT notice(tr("MIDI: %1 connected").arg(name));
}

void MidiInput::onBytes(double, std::vector<unsigned char>* bytes, void* self) {
    const auto steadyNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
    const auto message = MidiMessage::decode(*bytes);
    if (!message) return;
    // RtMidi's thread: hand over to the input's own thread.
    QPointer<MidiInput> input(static_cast<MidiInput*>(self));
    QMetaObject::invokeMethod(
        input.data(),
        [input, m = *message, steadyNs] {
            if (input) Q_EMIT input->received(m, steadyNs);
        },
        Qt::QueuedConnection);
}

QStringList MidiInput::devices() const {
    QStringList names;
    for (const auto& client : clients_)
        names << portNames(*client->lister, client->api);
    return names;
}

QStringList MidiInput::openDevices() const {
    QStringList names;
    for (const auto& [name, port] : ports_)
        names << name;
    return names;
}

} // namespace entropic::app
