#pragma once
// MIDI input from every device the system offers (RtMidi over the ALSA
// sequencer and JACK), or from the one chosen in the preferences. Devices
// that appear or go while running are opened or dropped on the next rescan
// (once a second) with a notice. No MIDI at all — no device, no ALSA
// sequencer, no JACK server — is one notice, never an error or a crash.
//
// Messages arrive on RtMidi's threads and are handed to the Qt thread the
// input lives on; `received` carries the steady-clock time (ns) the message
// reached the editor, so latency can be measured from there.
#include <cstdint>
#include <map>
#include <memory>

#include <QObject>
#include <QStringList>
#include <QTimer>

#include "midi/midi_message.h"

class RtMidiIn;

namespace entropic::app {

class MidiInput : public QObject {
    Q_OBJECT
  public:
    enum class Api { Auto, Alsa, Jack };
    static constexpr int kRescanMs = 1000;

    explicit MidiInput(QObject* parent = nullptr);
    ~MidiInput() override;

    // Opens `device` ("ALSA: nanoKONTROL2 MIDI 1", as devices() names it) or,
    // empty, every device of the API; Auto uses both ALSA and JACK. Rescans
    // keep it so until stop().
    void start(Api api, const QString& device = {});
    void stop();
    bool running() const { return running_; }
    // Looks for devices now instead of at the next rescan.
    void rescan();

    // What the system offers now, named "ALSA: …" / "JACK: …".
    QStringList devices() const;
    QStringList openDevices() const;
    // Why there is no MIDI (empty when some API is there).
    QString problem() const { return problem_; }

    static QString apiName(Api api);
    static Api apiFromName(const QString& name); // Auto for anything unknown

  Q_SIGNALS:
    void received(const entropic::app::MidiMessage& message, qint64 steadyNs);
    void notice(const QString& text);
    void devicesChanged();

  private:
    struct Client; // one API's lister
    struct Port;   // one open device
    static void onBytes(double, std::vector<unsigned char>* bytes, void* self);
    void open(Client& client, const QString& name);

    std::vector<std::unique_ptr<Client>> clients_;
    std::map<QString, std::unique_ptr<Port>> ports_; // by device name
    QTimer rescan_;
    Api api_ = Api::Auto;
    QString device_;
    QString problem_;
    bool running_ = false;
};

} // namespace entropic::app

Q_DECLARE_METATYPE(entropic::app::MidiMessage)
