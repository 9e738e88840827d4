#pragma once
// The static description of a signal operator (mod.*, op.*) and the signature
// of its per-frame function. Operators are described like effects (same
// ParamSpec), so the editor builds their panels from descriptors; they output
// one number per frame instead of pixels.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "entropic/effects/params.h"
#include "entropic/signal/timing.h"

namespace entropic::sig {

// Memory a stateful operator carries from frame n to frame n + 1. Nothing
// else persists between calls; docs/signals.md says how it is rebuilt.
class OperatorState {
  public:
    virtual ~OperatorState() = default;
};

struct OperatorContext {
    std::int64_t frame = 0; // timeline frame index
    double seconds = 0;     // Timing::seconds(frame)
    const Timing* timing = nullptr;
    std::uint64_t seed = 0; // operatorSeed(project, node id, node seed)
};

// inputs holds the values of the node's input signals at this frame, in the
// order the node lists them. Called for frames 0, 1, 2, … in order on one state.
using OperatorStepFn = double (*)(std::span<const double> inputs, const fx::ParamValues& params,
                                  OperatorState* state, const OperatorContext& ctx);
using OperatorMakeStateFn = std::unique_ptr<OperatorState> (*)();
// Checks what min/max inputs cannot express (an input needed only in one mode):
// empty when fine, else a message completing "<node>: …".
using OperatorCheckFn = std::string (*)(const fx::ParamValues& params, std::size_t inputCount);

struct OperatorDescriptor {
    std::string id;       // "mod.lfo", "op.math": namespace is the category
    int version = 1;      // bumped when the output changes
    std::string name;     // display name
    std::string category; // "mod" or "op"
    std::string help;     // one line
    std::vector<fx::ParamSpec> params;
    int minInputs = 0;
    int maxInputs = 0;
    std::string inputsHelp;                  // what the inputs mean, one line
    OperatorMakeStateFn makeState = nullptr; // null for stateless operators
    OperatorCheckFn check = nullptr;
    OperatorStepFn step = nullptr;

    bool stateful() const { return makeState != nullptr; }
};

// seed = mix64(mix64(mix64(kSignalSeedDomain ^ fnv1a64(projectId)) ^ fnv1a64(nodeId)) ^ userSeed)
// with kSignalSeedDomain = 0x456e74725369676e ("EntrSign"), so no operator
// shares a seed with an effect instance of the same name.
std::uint64_t operatorSeed(std::string_view projectId, std::string_view nodeId,
                           std::uint64_t userSeed);

} // namespace entropic::sig
