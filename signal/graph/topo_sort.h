#pragma once
// Internal to signal/: topological order of a graph given as input lists,
// iterative (no recursion, any size).
#include <cstddef>
#include <vector>

namespace entropic::sig {

struct TopoResult {
    std::vector<std::size_t> order; // every node after its inputs (complete when no cycle)
    std::vector<std::size_t> cycle; // empty, or the nodes of one cycle in data-flow order
};

// inputs[v] lists the nodes v reads. Kahn's algorithm: nodes whose inputs are
// all placed are placed in index order, first come first served, so the order
// is a function of the graph alone.
TopoResult topologicalOrder(const std::vector<std::vector<std::size_t>>& inputs);

} // namespace entropic::sig
