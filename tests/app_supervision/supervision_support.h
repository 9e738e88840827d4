#pragma once
// Shared by the supervision tests: an event loop that waits for a condition,
// a supervisor on the built engine, a project of the test clip, and checks on
// processes and shared memory.
#include <functional>
#include <memory>
#include <string>

#include <QString>

#include <nlohmann/json.hpp>

#include "supervision/engine_supervisor.h"

namespace entropic::test {

// Runs the Qt event loop until condition() holds (true) or timeoutMs passed
// (false). Sleeps in the loop between checks: no busy waiting.
bool spinUntil(const std::function<bool()>& condition, int timeoutMs = 20000);
// Runs the event loop for ms.
void spinFor(int ms);

// Options for a supervisor on the engine built in this tree (one render
// thread: the test machine is shared).
app::EngineSupervisor::Options engineOptions();

// One 120-frame clip of bframes.mp4 (30 fps), no effects, at width x height.
nlohmann::json testProject(int width = 320, int height = 240, std::int64_t frames = 120);

// True once the process is gone or a zombie (in a container nobody may reap it).
bool processGone(qint64 pid);
// True if /dev/shm holds the ring segment (name as the engine reports it: "/entropic-ring-…").
bool ringExists(const QString& ringName);

// Sends a request and waits for its reply on the event loop.
nlohmann::json requestAndWait(app::EngineSupervisor& engine, nlohmann::json request,
                              int timeoutMs = 10000);

} // namespace entropic::test
