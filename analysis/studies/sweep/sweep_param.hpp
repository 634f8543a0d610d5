#pragma once
// One swept parameter of `parley sweep`: a dotted scenario PATH and the values it may take.
//
//   SweepParam p = parse_sweep_param("actors.us_trump.opening.median=log:3000:6000:7", 1);
//   p.grid_values();            // 7 log-spaced values, both ends included
//   p.value_at(0.5);            // the value a sampling design places at u = 0.5
//
// SPEC forms: a list `3000,4000,5000` (any YAML scalars, e.g. dates or names); a range with a
// count `3000:6000:7`; a range `3000:6000`; each range optionally prefixed `log:` (log-spaced
// grid, log-uniform sampling). A value is kept as the text handed to the scenario loader, so
// lists may hold non-numbers (`2020-11,2021-03`).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/number_text.hpp"  // format_number: generated values are written with it

namespace parley::sweep {

using parley::format_number;  // generated values are written with it (sweep::format_number)

struct SweepParam {
  enum class Kind { list, range };
  std::string path;  // e.g. "shocks.tariff_linkage.p"
  std::string spec;  // the text after '=', as written
  Kind kind = Kind::list;
  std::vector<std::string> values;  // Kind::list
  double lo = 0, hi = 0;            // Kind::range
  std::optional<int> count;         // Kind::range with a step count (>= 2)
  bool log = false;                 // Kind::range: log spacing / log-uniform sampling
  int argument_index = 0;           // position among the --param arguments (error locations)

  // Values a grid visits, in order. A range without a count takes `default_count` points;
  // throws InputError when it has none (0).
  std::vector<std::string> grid_values(int default_count = 0) const;
  // The value a sampling design places at u in [0, 1): a range maps u linearly (or in log
  // space); a list or a counted range picks item floor(u * size).
  std::string value_at(double u) const;
};

// Parses "PATH=SPEC" as given to --param; `argument_index` is its 1-based position among the
// --param arguments. Throws InputError (--param:N:COL) naming the argument on any mistake.
SweepParam parse_sweep_param(std::string_view argument, int argument_index);

}  // namespace parley::sweep
