#include "graph/topo_sort.h"

#include <algorithm>

namespace entropic::sig {

TopoResult topologicalOrder(const std::vector<std::vector<std::size_t>>& inputs) {
    const std::size_t n = inputs.size();
    std::vector<std::size_t> pending(n, 0);           // inputs not yet placed, counted per edge
    std::vector<std::vector<std::size_t>> readers(n); // v → the nodes reading v
    for (std::size_t v = 0; v < n; ++v) {
        pending[v] = inputs[v].size();
        for (std::size_t u : inputs[v])
            readers[u].push_back(v);
    }
    TopoResult result;
    result.order.reserve(n);
    for (std::size_t v = 0; v < n; ++v)
        if (pending[v] == 0) result.order.push_back(v);
    for (std::size_t head = 0; head < result.order.size(); ++head)
        for (std::size_t r : readers[result.order[head]])
            if (--pending[r] == 0) result.order.push_back(r);
    if (result.order.size() == n) return result;

    // Every node left over still has an unplaced input, so walking from one
    // unplaced node to an unplaced input of it must come back to a node it has
    // seen: that stretch of the walk is a cycle (walked against the data flow).
    std::size_t start = 0;
    while (pending[start] == 0)
        ++start;
    constexpr std::size_t kUnseen = static_cast<std::size_t>(-1);
    std::vector<std::size_t> seenAt(n, kUnseen);
    std::vector<std::size_t> walk;
    std::size_t v = start;
    while (seenAt[v] == kUnseen) {
        seenAt[v] = walk.size();
        walk.push_back(v);
        for (std::size_t u : inputs[v])
            if (pending[u] != 0) {
                v = u;
                break;
            }
    }
    result.cycle.assign(walk.begin() + static_cast<std::ptrdiff_t>(seenAt[v]), walk.end());
    std::reverse(result.cycle.begin(), result.cycle.end());
    return result;
}

} // namespace entropic::sig
