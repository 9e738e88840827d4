#include "jack_server.h"

#include <iostream>

#include <QElapsedTimer>
#include <QThread>
#include <jack/jack.h>

namespace entropic::test {

namespace {
bool skipped = false;
// libjack prints each failed attempt to reach the server while it starts.
void quiet(const char*) {}
} // namespace

void skipTest(const QString& why) {
    skipped = true;
    std::cout << "SKIPPED: " << why.toStdString() << std::endl;
}

bool testSkipped() {
    return skipped;
}

JackServer::JackServer() : name_(QLatin1String(kName)) {
    const QString jackd = QStringLiteral(ENTROPIC_JACKD);
    if (jackd.isEmpty() || jackd.endsWith(QLatin1String("NOTFOUND"))) {
        problem_ = QStringLiteral("jackd is not installed (Debian package jackd2)");
        return;
    }
    jack_set_error_function(&quiet);
    jack_set_info_function(&quiet);
    qputenv("JACK_DEFAULT_SERVER", name_.toUtf8());
    qputenv("JACK_NO_AUDIO_RESERVATION", "1");
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.start(jackd, {QStringLiteral("--no-realtime"), QStringLiteral("-n"), name_,
                           QStringLiteral("-d"), QStringLiteral("dummy"), QStringLiteral("-r"),
                           QStringLiteral("48000"), QStringLiteral("-p"), QStringLiteral("256")});
    if (!process_.waitForStarted(5000)) {
        problem_ = QStringLiteral("jackd did not start: %1").arg(process_.errorString());
        return;
    }
    // Up when a client can open it without starting a server itself.
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10000) {
        if (process_.state() != QProcess::Running) break;
        jack_status_t status{};
        if (jack_client_t* probe = jack_client_open("entropic-probe", JackNoStartServer, &status)) {
            jack_client_close(probe);
            return;
        }
        QThread::msleep(100);
    }
    // What jackd said (for instance "Too many servers already active") only
    // reaches readAll() once the pipe is drained.
    process_.waitForFinished(1000);
    problem_ = QStringLiteral("the JACK dummy server did not come up: %1")
                   .arg(QString::fromLocal8Bit(process_.readAll()).trimmed());
}

JackServer::~JackServer() {
    if (process_.state() == QProcess::NotRunning) return;
    process_.terminate();
    if (!process_.waitForFinished(5000)) process_.kill();
    process_.waitForFinished(2000);
}

} // namespace entropic::test
