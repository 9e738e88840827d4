#pragma once
// Where an engine listens: private to the user, never TCP by default.
#include <string>

namespace entropic::ipc {

// $XDG_RUNTIME_DIR/entropic, or /tmp/entropic-<uid>, created mode 0700 and
// checked to belong to this user. Throws std::runtime_error if unsafe.
std::string privateRuntimeDir();

// A fresh "ipc://<runtime dir>/engine-<pid>-<nonce>.sock" endpoint.
std::string newEngineEndpoint();

// Checks an endpoint given on a command line: only ipc:// paths inside a
// directory the user alone can enter, or inproc:// for tests. TCP is refused.
// Returns an empty string if acceptable, otherwise why not.
std::string checkEndpoint(const std::string& endpoint);

} // namespace entropic::ipc
