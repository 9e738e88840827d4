#include "playback/portaudio_library.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include <portaudio.h>

namespace entropic::app {

namespace {

std::mutex libraryLock; // guards users and every Pa_Initialize / Pa_Terminate
int users = 0;          // live PortAudioLibrary objects that initialised successfully

// Points standard error at /dev/null while alive (unless ENTROPIC_AUDIO_VERBOSE).
class QuietStderr {
  public:
    QuietStderr() {
        const char* verbose = std::getenv("ENTROPIC_AUDIO_VERBOSE");
        if (verbose && *verbose && *verbose != '0') return;
        const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (devNull < 0) return;
        std::fflush(stderr);
        saved_ = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
        if (saved_ >= 0) ::dup2(devNull, STDERR_FILENO);
        ::close(devNull);
    }
    ~QuietStderr() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        ::dup2(saved_, STDERR_FILENO);
        ::close(saved_);
    }
    QuietStderr(const QuietStderr&) = delete;
    QuietStderr& operator=(const QuietStderr&) = delete;

  private:
    int saved_ = -1;
};

} // namespace

PortAudioLibrary::PortAudioLibrary() {
    const std::lock_guard<std::mutex> lock(libraryLock);
    if (users > 0) {
        ++users;
        ok_ = true;
        return;
    }
    PaError result = paNoError;
    {
        const QuietStderr quiet;
        result = Pa_Initialize();
    }
    if (result != paNoError) {
        error_ = QString::fromUtf8(Pa_GetErrorText(result));
        return;
    }
    users = 1;
    ok_ = true;
}

PortAudioLibrary::~PortAudioLibrary() {
    if (!ok_) return;
    const std::lock_guard<std::mutex> lock(libraryLock);
    if (--users == 0) Pa_Terminate();
}

} // namespace entropic::app
