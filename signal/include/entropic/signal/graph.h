#pragma once
// A validated, ordered signal graph: what compileGraph() makes of a
// SignalGraphSpec and the effect instances of a project (docs/signals.md).
// Immutable once built, so the engine can publish it to its render thread.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entropic/effects/params.h"
#include "entropic/signal/operator_registry.h"
#include "entropic/signal/spec.h"

namespace entropic::sig {

// The parameters routes and lanes may target: one entry per effect instance,
// its specs in descriptor order (the order of that instance's ParamValues).
struct EffectParams {
    std::string instance;
    std::vector<fx::ParamSpec> params;
};
using ParamCatalog = std::vector<EffectParams>;

struct GraphContext {
    std::string projectId; // part of every operator's seed
};

class SignalGraph {
  public:
    struct Node {
        std::string id;
        bool isSource = false;
        // Sources: index into sources() (equal to the node index: sources come first).
        std::size_t source = 0;
        // Operators:
        const OperatorDescriptor* op = nullptr;
        fx::ParamValues params;          // validated values over the descriptor's specs
        std::vector<std::size_t> inputs; // node indices
        std::uint64_t seed = 0;          // operatorSeed(project, id, user seed)
    };
    struct Route {
        RouteSpec spec;
        std::size_t node = 0;   // the signal it reads
        std::size_t effect = 0; // index into catalog()
        std::size_t param = 0;  // index into that effect's params
    };
    struct Lane {
        AutomationLane spec;
        std::size_t effect = 0;
        std::size_t param = 0;
    };
    // Everything that moves one component of one parameter.
    struct Target {
        std::size_t param = 0;
        int component = 0;
        std::vector<std::size_t> routes; // enabled routes into it, in spec order
        std::optional<std::size_t> lane; // its automation lane
    };

    const std::vector<Node>& nodes() const { return nodes_; }
    // Node indices such that every node comes after its inputs.
    const std::vector<std::size_t>& order() const { return order_; }
    const std::vector<SourceSpec>& sources() const { return spec_.sources; }
    const std::vector<Route>& routes() const { return routes_; }
    const std::vector<Lane>& lanes() const { return lanes_; }
    const ParamCatalog& catalog() const { return catalog_; }
    const SignalGraphSpec& spec() const { return spec_; }

    std::optional<std::size_t> findNode(std::string_view id) const;
    std::optional<std::size_t> findEffect(std::string_view instance) const;
    std::optional<std::size_t> findRoute(std::string_view id) const;
    // Targets of one effect instance, sorted by parameter then component.
    const std::vector<Target>& targets(std::size_t effect) const { return targets_[effect]; }

  private:
    friend class GraphCompiler; // graph/compile.cpp: the only writer
    SignalGraphSpec spec_;
    ParamCatalog catalog_;
    std::vector<Node> nodes_;
    std::vector<std::size_t> order_;
    std::vector<Route> routes_;
    std::vector<Lane> lanes_;
    std::vector<std::vector<Target>> targets_;
    std::map<std::string, std::size_t, std::less<>> nodeIndex_, effectIndex_, routeIndex_;
};

// Validates spec against the catalog and the registry and orders it. Throws
// SignalError naming the field at fault: duplicate ids, unknown operators,
// parameters out of range, unknown signals, unknown effects or parameters,
// out-of-range depth or processing, malformed lanes, and cycles (the message
// and SignalError::nodes() name the nodes of one cycle). Iterative: any graph
// size is checked without recursion.
SignalGraph compileGraph(const SignalGraphSpec& spec, const ParamCatalog& catalog,
                         const GraphContext& context = {},
                         const OperatorRegistry& registry = OperatorRegistry::builtin());

} // namespace entropic::sig
