// op.gate, op.math, op.fusion on hand-made inputs.
#include <catch2/catch.hpp>

#include <cmath>

#include "support.h"

using namespace entropic::sig;
using sigtest::runOperator;

namespace {
const Timing k30fps{30, 1, 120};
enum { Add, Subtract, Multiply, Min, Max, Abs, Clamp, MapRange, Curve };
enum { WeightedAverage, FMax, FMin, Product };

double math(int operation, std::vector<double> in, std::map<std::string, double> p = {}) {
    p["operation"] = operation;
    std::vector<Series> inputs;
    for (double v : in)
        inputs.push_back(Series(1, v));
    return runOperator("op.math", p, inputs, k30fps, 1)[0];
}

double fusion(int mode, std::vector<double> in, std::map<std::string, double> p = {}) {
    p["mode"] = mode;
    std::vector<Series> inputs;
    for (double v : in)
        inputs.push_back(Series(1, v));
    return runOperator("op.fusion", p, inputs, k30fps, 1)[0];
}
} // namespace

TEST_CASE("Gate opens and closes with hysteresis", "[signal][gate]") {
    const Series in{0.4, 0.52, 0.56, 0.5, 0.46, 0.44, 0.5, 0.3, 0.6};
    const Series out =
        runOperator("op.gate", {{"threshold", 0.5}, {"hysteresis", 0.1}}, {in}, k30fps, 9);
    CHECK(out == Series{0, 0, 1, 1, 1, 0, 0, 0, 1});
    const Series none =
        runOperator("op.gate", {{"threshold", 0.5}, {"hysteresis", 0}}, {in}, k30fps, 9);
    CHECK(none == Series{0, 1, 1, 1, 0, 0, 1, 0, 1});
}

TEST_CASE("Math operations", "[signal][math]") {
    CHECK(math(Add, {0.25, 0.5}) == 0.75);
    CHECK(math(Add, {0.25}, {{"value", 2}}) == 2.25);
    CHECK(math(Subtract, {0.25, 0.5}) == -0.25);
    CHECK(math(Multiply, {0.5, 0.5}) == 0.25);
    CHECK(math(Multiply, {0.5}, {{"value", 3}}) == 1.5);
    CHECK(math(Min, {0.3, 0.7}) == 0.3);
    CHECK(math(Max, {0.3, 0.7}) == 0.7);
    CHECK(math(Abs, {-0.4}) == 0.4);
    CHECK(math(Abs, {-0.4, 9}) == 0.4); // unary: a second input is ignored
    CHECK(math(Clamp, {0.9}, {{"low", 0.2}, {"high", 0.8}}) == 0.8);
    CHECK(math(Clamp, {0.1}, {{"low", 0.2}, {"high", 0.8}}) == 0.2);
    CHECK(math(Clamp, {0.1}, {{"low", 0.8}, {"high", 0.2}}) == 0.2); // bounds in either order
    CHECK(math(MapRange, {0.25}, {{"out_low", 10}, {"out_high", 20}}) == 12.5);
    CHECK(math(MapRange, {3}, {{"in_low", 2}, {"in_high", 4}, {"out_low", 1}, {"out_high", 0}}) ==
          0.5);
    CHECK(math(MapRange, {3}, {{"in_low", 2}, {"in_high", 2}, {"out_low", 7}}) ==
          7);                                                    // empty input range
    CHECK(math(Curve, {0.25}, {{"curve", 0.5}}) == Approx(0.5)); // 0.25^(4^-0.5)
    CHECK(math(Curve, {0.5}, {{"curve", -1}}) == Approx(0.0625));
    CHECK(math(Curve, {1.5}) == 1.0);
}

TEST_CASE("Fusion blends N signals", "[signal][fusion]") {
    CHECK(fusion(WeightedAverage, {0.2, 0.6}) == Approx(0.4));
    CHECK(fusion(WeightedAverage, {0.2, 0.6}, {{"weight_2", 3}}) == Approx(0.5));
    CHECK(fusion(WeightedAverage, {0.2, 0.6}, {{"weight_1", 0}, {"weight_2", 0}}) == 0.0);
    CHECK(fusion(FMax, {0.2, 0.9, 0.6}) == 0.9);
    CHECK(fusion(FMin, {0.2, 0.9, 0.6}) == 0.2);
    CHECK(fusion(Product, {0.5, 0.5, 0.8}) == Approx(0.2));
    CHECK(fusion(WeightedAverage, {1, 0, 0, 0, 0, 0, 0, 1}, {{"weight_8", 3}}) ==
          Approx(0.4)); // (1 + 3) / (7 + 3)
}

TEST_CASE("Non-finite operator results become 0", "[signal][math]") {
    CHECK(math(Multiply, {1e300, 1e300}) == 0.0); // inf never reaches a parameter
}
