#pragma once
// Row-parallel work without clocks or hidden state in effects/.
//
// An effect hands rows to a RowRunner; the engine supplies one backed by its
// worker threads, tests use serialRows(). Effects must compute every row of
// [begin, end) independently of how rows are split, so output never depends
// on thread timing or count.
#include <functional>

namespace entropic::fx {

class RowRunner {
  public:
    virtual ~RowRunner() = default;
    // Calls fn(begin, end) over disjoint bands covering [0, rows); returns when all are done.
    virtual void run(int rows, const std::function<void(int begin, int end)>& fn) const = 0;
};

const RowRunner& serialRows();

} // namespace entropic::fx
