#pragma once
// Internal to effects/: the accessor every built-in effect file defines for its
// descriptor. The descriptor is a function-local constant so that no effect
// depends on static initialisation order.
#include "entropic/effects/descriptor.h"

// Declares `const EffectDescriptor& NAME()` in entropic::fx::builtin.
#define ENTROPIC_DECLARE_EFFECT(NAME)                                                              \
    namespace entropic::fx::builtin {                                                              \
    const EffectDescriptor& NAME();                                                                \
    }
