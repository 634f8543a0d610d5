#pragma once
// Typed reading of YamlNode values, every mistake reported as `FILE:LINE:COL: error: PATH: WHAT`
// and collected (reading goes on, so one run reports every mistake of a file).
//
//   Reader read(found);
//   MapFields table(read, node, "tables.seoul", {"demander", "payer", "baseline"});
//   if (const YamlNode* b = table.required("baseline")) baseline = read.number(*b,
//   table.path("baseline"));
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/input_error.hpp"
#include "sim/io/yaml_tree.hpp"
#include "sim/model/year_month.hpp"

namespace parley {

// "a.b" from "a" and "b"; "b" when the parent path is empty.
std::string join_path(const std::string& parent, std::string_view key);
std::string join_path(const std::string& parent, std::size_t index);
// 12 significant digits, as in messages: "1038.9", "1e+400".
std::string number_text(double value);

// Allowed range of a number; messages read "must be >= 0", "must be in (0, 1]", ...
struct Range {
  double lo = -HUGE_VAL, hi = HUGE_VAL;
  bool lo_open = false, hi_open = false;
  static Range at_least(double lo) { return {lo, HUGE_VAL, false, false}; }
  static Range above(double lo) { return {lo, HUGE_VAL, true, false}; }
  static Range closed(double lo, double hi) { return {lo, hi, false, false}; }
  static Range open(double lo, double hi) { return {lo, hi, true, true}; }
  static Range left_open(double lo, double hi) { return {lo, hi, true, false}; }
  bool contains(double x) const;
  bool contains(double lower, double upper) const;  // a whole support [lower, upper]
  std::string str() const;                          // ">= 0", "in (0, 1]"
};

// What the typed readers accepted at each path, for front ends that draw a form of the file
// (scalar_fields.hpp). Filled only when a Reader is given one; checking never depends on it.
struct FieldRule {
  enum class Kind { number, integer, month, boolean, choice, text };
  Kind kind = Kind::text;
  Range range;                       // number and integer
  std::vector<std::string> options;  // choice
};
using FieldRules = std::map<std::string, FieldRule>;

class Reader {
 public:
  explicit Reader(Diagnostics& found, FieldRules* rules = nullptr) : found_(found), rules_(rules) {}
  Diagnostics& diagnostics() { return found_; }
  // Notes what is accepted at `path` (a no-op without FieldRules); the typed readers call it.
  void note(const std::string& path, FieldRule rule);

  void error(const SourceLocation& where, const std::string& path, const std::string& what);

  // A plain finite number (`allow_infinite`: `.inf` / `-.inf` too).
  std::optional<double> number(const YamlNode& node, const std::string& path,
                               bool allow_infinite = false);
  std::optional<double> number(const YamlNode& node, const std::string& path, const Range& range);
  // Decimal digits with an optional sign, within [min, max].
  std::optional<std::int64_t> integer(const YamlNode& node, const std::string& path,
                                      std::int64_t min, std::int64_t max);
  std::optional<std::uint64_t> unsigned64(const YamlNode& node, const std::string& path);
  std::optional<std::string> string(const YamlNode& node, const std::string& path);
  // [A-Za-z_][A-Za-z0-9_]*
  std::optional<std::string> identifier(const YamlNode& node, const std::string& path);
  std::optional<YearMonth> month(const YamlNode& node, const std::string& path);
  std::optional<bool> boolean(const YamlNode& node, const std::string& path);
  // Index of the scalar's text in `options`, or an error listing them.
  std::optional<int> choice(const YamlNode& node, const std::string& path,
                            const std::vector<std::string>& options);
  // A list (null counts as an empty list); false and an error otherwise.
  bool list(const YamlNode& node, const std::string& path);
  bool map(const YamlNode& node, const std::string& path);

 private:
  Diagnostics& found_;
  FieldRules* rules_ = nullptr;
};

// One YAML map read key by key. Keys outside `known` are reported at construction, with a
// "did you mean" suggestion; a null node reads as an empty map.
class MapFields {
 public:
  MapFields(Reader& read, const YamlNode& node, std::string path, std::vector<std::string> known);

  bool ok() const { return ok_; }  // the node was a map (or null)
  // The value under `key`, or nullptr when absent or written as null.
  const YamlNode* get(std::string_view key) const;
  // Same, reporting "missing required key" at the map when absent.
  const YamlNode* required(std::string_view key);
  bool has(std::string_view key) const { return get(key) != nullptr; }
  std::string path(std::string_view key) const { return join_path(path_, key); }
  const std::string& path() const { return path_; }
  const SourceLocation& where() const { return node_.where; }

 private:
  Reader& read_;
  const YamlNode& node_;
  std::string path_;
  bool ok_ = false;
};

}  // namespace parley
