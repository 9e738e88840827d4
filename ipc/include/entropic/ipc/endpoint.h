#pragma once
// Where an engine listens: private to the user, never TCP by default.
#include <string>

namespace entropic::ipc {

// $XDG_RUNTIME_DIR/entropic, or /tmp/entropic-<uid>, created mode 0700 and
// checked to belong to this user. Throws std::runtime_error if unsafe.
std::string privateRuntimeDir();

// A fresh "ipc://<runtime dir>/engine-<pid>-<nonce>.sock" endpoint.
std::string newEngineEndpoint();

// Deletes "engine-<pid>-*.sock" files in privateRuntimeDir() whose pid is no
// longer running (a crashed engine's; libzmq leaves the file even after a
// clean close, so an engine should also unlink its own at exit). Returns how many.
int removeStaleEndpoints();

// Checks an endpoint given on a command line: only ipc:// paths inside a
// directory the user alone can enter, or inproc:// for tests. TCP is refused.
// Returns an empty string if acceptable, otherwise why not.
std::string checkEndpoint(const std::string& endpoint);

} // namespace entropic::ipc
