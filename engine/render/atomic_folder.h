#pragma once
// The folder counterpart of writeAtomically (export_job.h), for image
// sequences: files are written into a hidden temporary folder beside the
// target and appear only when all are complete. A failure leaves nothing.
#include <functional>
#include <string>

namespace entropic::engine {

// merge false: target must not exist or be an empty folder; the temporary
// folder is renamed onto it. merge true: target is an existing folder and
// the finished files are moved into it one by one (replacing same names).
// tmpName is the temporary folder's path.
void writeFolderAtomically(const std::string& target, const std::string& tmpName, bool merge,
                           const std::function<void(const std::string& tmpFolder)>& write);

} // namespace entropic::engine
