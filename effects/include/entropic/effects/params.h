#pragma once
// Parameter specs (declared once, in each effect's descriptor) and resolved values.
//
// Every value is numeric so that signals can modulate it (docs/architecture.md):
// Float and Int are numbers, Bool is 0/1, Enum is the choice index, Colour is
// r,g,b,a in 0..1, Point is x,y in the spec's range (normalised frame units).
#include <array>
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

struct ParamSpec {
    std::string key;   // stable identifier stored in projects
    std::string label; // shown in the inspector
    ParamType type = ParamType::Float;
    double min = 0;    // numeric range (Point: both components)
    double max = 1;
    ParamValue def{};  // default value
    std::string unit;  // "px", "%", "°", "" …
    std::string help;  // one line, shown as tooltip and in --list-effects
    std::vector<std::string> choices; // Enum only
    // How a control moves and shows the value: one arrow-key step, and the
    // digits after the point. 0 and -1 (the builders' default) mean derived
    // from the type and range by uiStep() / uiDecimals().
    double step = 0;
    int decimals = -1;

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

} // namespace entropic::fx
