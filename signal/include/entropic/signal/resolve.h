#pragma once
// Parameter resolution on a frame (docs/architecture.md, docs/signals.md):
//
//   value = clamp((lane(n) if the component has a lane else base) + Σ modulation(n))
//
// where each enabled route into the component adds
//   depth · range · s          (unipolar)   or
//   depth · range · (s − 0.5)  (bipolar),
// s the route's processed signal at n and range = max − min of the parameter
// (1 for colour components), and clamp is ParamSpec::clamp.
#include <array>
#include <cstdint>

#include "entropic/effects/params.h"
#include "entropic/signal/evaluator.h"

namespace entropic::sig {

// Every step of one parameter's resolution, for the editor's ghost handle and
// curves as much as for rendering.
struct ParamResolution {
    fx::ParamValue base{};       // as given
    fx::ParamValue automated{};  // base with lane values where a component has a lane
    fx::ParamValue modulation{}; // the sum of route contributions, per component
    fx::ParamValue value{};      // spec.clamp(automated + modulation): what the effect gets
    std::array<bool, 4> hasLane{};
    int routes = 0; // enabled routes into this parameter
};

// One route's contribution to a parameter component given its processed signal.
double routeContribution(const fx::ParamSpec& spec, const RouteSpec& route, double processed);

// Resolves parameter `param` of catalog effect `effect` at frame, which must
// be < evaluator.computed() when the parameter has routes.
ParamResolution resolveParam(const SignalEvaluator& evaluator, std::size_t effect,
                             std::size_t param, std::int64_t frame, const fx::ParamValue& base);

// Resolves in place every parameter of `effect` that has routes or lanes:
// values hold the base values on entry (the instance's ParamValues, same specs
// as the catalog entry) and the resolved ones on return. Parameters nothing
// moves are left untouched. Throws std::logic_error if values do not match the
// catalog entry.
void resolveParams(const SignalEvaluator& evaluator, std::size_t effect, std::int64_t frame,
                   fx::ParamValues& values);

} // namespace entropic::sig
