#pragma once
// For threads that mostly sleep and must answer at once when woken (a client
// waiting for the engine's reply, a watchdog's ping): asks the kernel for a
// short time slice (sched_attr.sched_runtime = 0.1 ms under SCHED_OTHER,
// honoured by Linux 6.12+'s EEVDF scheduler, no privilege needed). Such a
// thread gets an earlier deadline and so preempts a thread in the middle of
// a long computation (decoding, effects, JPEG) instead of queueing behind its
// 3 ms slice; its own share of the CPU does not change. Threads it creates
// afterwards (ZeroMQ's I/O thread of a context made here) inherit it.
// Returns false, changing nothing, where the kernel does not support it.
namespace entropic::ipc {

bool preferPromptWakeups();
// Back to the kernel's default slice: for a worker thread started by one
// that asked for prompt wakeups (it would inherit the short slice).
bool preferThroughput();

} // namespace entropic::ipc
