#pragma once
// Every signal operator, in one list (signal/registry.cpp), like the effects
// registry. Adding an operator touches its own file in ops/, one line there,
// and its test.
#include <string_view>
#include <vector>

#include "entropic/signal/operator.h"

namespace entropic::sig {

class OperatorRegistry {
  public:
    // Every built-in operator, every version still loadable. Descriptors live
    // for the whole program.
    static const OperatorRegistry& builtin();

    explicit OperatorRegistry(std::vector<const OperatorDescriptor*> descriptors);

    const std::vector<const OperatorDescriptor*>& all() const { return all_; }
    const OperatorDescriptor* find(std::string_view id) const; // newest version, or null
    const OperatorDescriptor* find(std::string_view id, int version) const;

  private:
    std::vector<const OperatorDescriptor*> all_;
};

} // namespace entropic::sig
