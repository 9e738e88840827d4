#pragma once
// Internal to signal/: the accessor every built-in operator file defines for
// its descriptor (a function-local constant: no static initialisation order).
#include "entropic/signal/operator.h"

#define ENTROPIC_DECLARE_OPERATOR(NAME)                                                            \
    namespace entropic::sig::builtin {                                                             \
    const OperatorDescriptor& NAME();                                                              \
    }
