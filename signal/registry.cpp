// Every built-in signal operator, in one list. Adding one: its file in ops/
// defining builtin::NAME(), one line below, its test. Old versions stay
// listed so saved projects keep their values.
#include "entropic/signal/operator_registry.h"

#include "ops/builtin.h"

#define ENTROPIC_BUILTIN_OPERATORS(X)                                                              \
    X(modLfo)                                                                                      \
    X(modEnvelope)                                                                                 \
    X(modSidechain)                                                                                \
    X(opGate)                                                                                      \
    X(opMath)                                                                                      \
    X(opFusion)

ENTROPIC_BUILTIN_OPERATORS(ENTROPIC_DECLARE_OPERATOR)

namespace entropic::sig {

OperatorRegistry::OperatorRegistry(std::vector<const OperatorDescriptor*> descriptors)
    : all_(std::move(descriptors)) {}

const OperatorRegistry& OperatorRegistry::builtin() {
#define ENTROPIC_LIST_OPERATOR(NAME) &builtin::NAME(),
    static const OperatorRegistry registry({ENTROPIC_BUILTIN_OPERATORS(ENTROPIC_LIST_OPERATOR)});
#undef ENTROPIC_LIST_OPERATOR
    return registry;
}

const OperatorDescriptor* OperatorRegistry::find(std::string_view id) const {
    const OperatorDescriptor* best = nullptr;
    for (const auto* d : all_)
        if (d->id == id && (!best || d->version > best->version)) best = d;
    return best;
}

const OperatorDescriptor* OperatorRegistry::find(std::string_view id, int version) const {
    for (const auto* d : all_)
        if (d->id == id && d->version == version) return d;
    return nullptr;
}

} // namespace entropic::sig
