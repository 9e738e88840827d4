#pragma once
// A JACK server of the test's own (dummy backend: no sound card), so MIDI and
// audio go through real JACK ports in CI. Clients of this process reach it
// through JACK_DEFAULT_SERVER, which the constructor sets. Not started (jackd
// missing, or it will not run): why is in problem(), and the test says it
// skipped.
//
// Every run uses the one name kName, and ctest runs the tests that start a
// server one at a time (RESOURCE_LOCK jack-server): JACK keeps at most eight
// servers in its registry in /dev/shm, and the slot of a server that died
// without closing is reclaimed only by a server of the same name, so a name
// per run fills the registry after a few crashed runs, and from then on no
// test server starts.
#include <QProcess>
#include <QString>

namespace entropic::test {

class JackServer {
  public:
    static constexpr const char* kName = "entropic-test";

    JackServer();
    ~JackServer();
    bool running() const { return problem_.isEmpty(); }
    QString problem() const { return problem_; }
    QString name() const { return name_; }

  private:
    QProcess process_;
    QString name_;
    QString problem_;
};

// Set by a test that could not run for want of a service; the main returns
// ctest's skip code for it (never a silent pass).
void skipTest(const QString& why);
bool testSkipped();

} // namespace entropic::test
