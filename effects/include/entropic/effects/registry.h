#pragma once
// The list of every effect, in one place (effects/registry.cpp), like
// libavfilter's allfilters.c. Adding an effect touches its own file, one line
// there, and its test.
#include <string_view>
#include <vector>

#include "entropic/effects/descriptor.h"

namespace entropic::fx {

class EffectRegistry {
  public:
    // Every built-in effect, every version still loadable.
    static const EffectRegistry& builtin();

    const std::vector<const EffectDescriptor*>& all() const { return all_; }
    // The newest version of id, or null.
    const EffectDescriptor* find(std::string_view id) const;
    // Exactly id at version, or null.
    const EffectDescriptor* find(std::string_view id, int version) const;

    explicit EffectRegistry(std::vector<const EffectDescriptor*> descriptors);

  private:
    std::vector<const EffectDescriptor*> all_;
};

} // namespace entropic::fx
