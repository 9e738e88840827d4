#pragma once
// Parameter specs (declared once, in each effect's descriptor) and resolved values.
//
// Every value is numeric so that signals can modulate it (docs/architecture.md):
// Float and Int are numbers, Bool is 0/1, Enum is the choice index, Colour is
// r,g,b,a in 0..1, Point is x,y in the spec's range (normalised frame units).
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace entropic::fx {

enum class ParamType { Float, Int, Bool, Enum, Color, Point };

std::string_view paramTypeName(ParamType type);

using ParamValue = std::array<double, 4>;

struct Rgba {
    double r = 0, g = 0, b = 0, a = 1;
};
struct PointF {
    double x = 0, y = 0;
};

// When a parameter takes effect: only while another parameter of the same
// descriptor (an Enum or a Bool) holds one of some values. Descriptors declare
// it once; the inspector greys the control out, --list-effects and the docs
// print it (docs/effects.md, "Parameters that apply only sometimes").
struct ParamCondition {
    std::string key;                  // the controlling parameter
    std::vector<std::string> choices; // Enum: the choices under which it applies
    bool flag = true;                 // Bool: the value under which it applies
};

struct ParamSpec {
    std::string key;   // stable identifier stored in projects
    std::string label; // shown in the inspector
    ParamType type = ParamType::Float;
    double min = 0; // numeric range (Point: both components)
    double max = 1;
    ParamValue def{};                 // default value
    std::string unit;                 // "px", "%", "°", "" …
    std::string help;                 // one line, shown as tooltip and in --list-effects
    std::vector<std::string> choices; // Enum only
    // How a control moves and shows the value: one arrow-key step, and the
    // digits after the point. 0 and -1 (the builders' default) mean derived
    // from the type and range by uiStep() / uiDecimals().
    double step = 0;
    int decimals = -1;
    // Empty: always applies. Several conditions must all hold.
    std::vector<ParamCondition> appliesWhen;

    // Builders keep descriptor tables short and complete.
    static ParamSpec number(std::string key, std::string label, double min, double max, double def,
                            std::string unit, std::string help);
    static ParamSpec integer(std::string key, std::string label, int min, int max, int def,
                             std::string unit, std::string help);
    static ParamSpec toggle(std::string key, std::string label, bool def, std::string help);
    static ParamSpec choice(std::string key, std::string label, std::vector<std::string> choices,
                            int def, std::string help);
    static ParamSpec color(std::string key, std::string label, Rgba def, std::string help);
    static ParamSpec point(std::string key, std::string label, PointF def, double min, double max,
                           std::string help);

    // The same spec, applying only while `key` (an Enum) is one of `choices`
    // (by name): ParamSpec::number(…).when("direction", {"Angle"}).
    ParamSpec when(std::string key, std::vector<std::string> choices) const;
    // The same spec, applying only while the Bool `key` is on (or off).
    ParamSpec whenOn(std::string key) const;
    ParamSpec whenOff(std::string key) const;

    // How many components of ParamValue this type uses (1, 2 or 4).
    int components() const;
    // `step` and `decimals`, or when unset: whole types step by 1 and show no
    // decimals; the others step by 1/100 of the range and show 3 decimals
    // (1 over a range wider than 50).
    double uiStep() const;
    int uiDecimals() const;
    // Brings a value into range (and to an integer for Int/Bool/Enum).
    ParamValue clamp(ParamValue value) const;
};

// Whether a parameter has an effect given the values of the others, and why not.
struct Applicability {
    bool applies = true;
    std::string reason; // when it does not: "Applies when Direction is Angle"
};
// Component 0 of the current value of a parameter of the same descriptor, by key.
using ParamLookup = std::function<double(std::string_view key)>;
// specs: the descriptor's parameters (for the controlling parameter's label
// and choices). A condition naming a key specs lacks never disables anything.
Applicability applicability(const ParamSpec& spec, const std::vector<ParamSpec>& specs,
                            const ParamLookup& valueOf);
// "Direction is Angle", "Shape is Square or Sample & hold", "Snap to grid is
// on", joined with " and "; empty when spec always applies.
std::string appliesWhenText(const ParamSpec& spec, const std::vector<ParamSpec>& specs);
// Checks every condition of specs: it names another parameter of specs, an
// Enum (with at least one choice, each one of its choices) or a Bool. Empty
// when all are sound, else "<key>: …" (for the registry tests).
std::string checkConditions(const std::vector<ParamSpec>& specs);

// The values of one effect instance's parameters, in descriptor order.
// Accessors look parameters up by key; asking for a key the descriptor does
// not declare is a programming error and throws std::logic_error.
class ParamValues {
  public:
    ParamValues() = default;
    explicit ParamValues(const std::vector<ParamSpec>& specs); // all defaults

    const std::vector<ParamSpec>& specs() const { return *specs_; }
    std::size_t size() const { return values_.size(); }
    int indexOf(std::string_view key) const; // -1 when absent

    const ParamValue& at(std::size_t index) const { return values_[index]; }
    // Sets a value clamped to its spec's range.
    void set(std::size_t index, const ParamValue& value);
    void set(std::string_view key, const ParamValue& value);
    void setNumber(std::string_view key, double value) { set(key, ParamValue{value, 0, 0, 0}); }

    double number(std::string_view key) const;
    int integer(std::string_view key) const;
    bool flag(std::string_view key) const;
    int choice(std::string_view key) const;
    Rgba color(std::string_view key) const;
    PointF point(std::string_view key) const;

  private:
    const ParamValue& lookup(std::string_view key) const;
    const std::vector<ParamSpec>* specs_ = nullptr;
    std::vector<ParamValue> values_;
};

// The applicability of values.specs()[index] given the other values.
Applicability applicability(const ParamValues& values, std::size_t index);

} // namespace entropic::fx
