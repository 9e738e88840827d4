#include "entropic/effects/parallel.h"

namespace entropic::fx {

namespace {
class SerialRows final : public RowRunner {
  public:
    void run(int rows, const std::function<void(int, int)>& fn) const override {
        if (rows > 0) fn(0, rows);
    }
};
// Stateless and immutable: a constant, not mutable global state.
const SerialRows kSerialRows;
} // namespace

const RowRunner& serialRows() {
    return kSerialRows;
}

} // namespace entropic::fx
