#pragma once
// PortAudio must be initialised before use and terminated after, once per
// process, and Pa_Terminate closes every stream still open. A PortAudioLibrary
// is a reference to that one initialisation: the first calls Pa_Initialize,
// the last to go calls Pa_Terminate, so an output and the preferences dialog
// listing devices never pull the library from under each other.
//
// Initialising makes ALSA and JACK print dozens of lines about cards that are
// not there. Standard error is pointed at /dev/null for the duration of
// Pa_Initialize (from one thread, under this class's lock); set
// ENTROPIC_AUDIO_VERBOSE=1 to see those lines when chasing a device problem.
#include <QString>

namespace entropic::app {

class PortAudioLibrary {
  public:
    PortAudioLibrary();
    ~PortAudioLibrary();
    PortAudioLibrary(const PortAudioLibrary&) = delete;
    PortAudioLibrary& operator=(const PortAudioLibrary&) = delete;

    // False if Pa_Initialize failed; error() says why. PortAudio calls other
    // than Pa_GetErrorText are only allowed when ok().
    bool ok() const { return ok_; }
    QString error() const { return error_; }

  private:
    bool ok_ = false;
    QString error_;
};

} // namespace entropic::app
