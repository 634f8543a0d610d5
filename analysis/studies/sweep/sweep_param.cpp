#include "analysis/studies/sweep/sweep_param.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "sim/io/input_error.hpp"

namespace parley::sweep {
namespace {

[[noreturn]] void fail(int index, std::size_t column, const std::string& message) {
  throw InputError({"--param", index, static_cast<int>(column) + 1}, message);
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? text.npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return text;
}

// The point a fraction t in [0, 1] along [lo, hi] (linear or log spacing): both ends exact, and
// never outside [lo, hi] (LO + t (HI - LO) can round past HI when HI - LO rounds up).
double between(double lo, double hi, double t, bool log) {
  if (t <= 0) return lo;
  if (t >= 1) return hi;
  const double x =
      log ? std::exp(std::log(lo) + t * (std::log(hi) - std::log(lo))) : lo + t * (hi - lo);
  return std::clamp(x, lo, hi);
}

// Point k of n on [lo, hi].
double spaced(double lo, double hi, int k, int n, bool log) {
  if (k == n - 1) return hi;
  return between(lo, hi, static_cast<double>(k) / (n - 1), log);
}

// SPEC as a range LO:HI[:COUNT] (after any `log:`, which starts at `column` of the argument).
void read_sweep_range_spec(SweepParam& p, std::string_view spec, std::size_t column) {
  const int argument_index = p.argument_index;
  const std::string where = p.path + ": ";
  p.kind = SweepParam::Kind::range;
  const auto parts = split(spec, ':');
  if (parts.size() != 2 && parts.size() != 3)
    fail(argument_index, column,
         where + "expected a range LO:HI or LO:HI:COUNT, got '" + std::string(spec) + "'");
  const auto lo = parse_double(parts[0]);
  const auto hi = parse_double(parts[1]);
  if (!lo || !hi)
    fail(argument_index, column,
         where + "range bounds must be numbers, got '" + std::string(spec) + "'");
  if (!(*lo < *hi))
    fail(argument_index, column, where + "range needs LO < HI, got '" + std::string(spec) + "'");
  // Values are placed at LO + t (HI - LO): the width itself must be a number.
  if (!std::isfinite(*hi - *lo))
    fail(argument_index, column,
         where + "range is too wide: HI - LO must be a finite number, got '" + std::string(spec) +
             "'");
  if (p.log && *lo <= 0)
    fail(argument_index, column,
         where + "a log: range needs LO > 0, got '" + std::string(spec) + "'");
  p.lo = *lo;
  p.hi = *hi;
  if (parts.size() == 3) {
    const auto n = parse_double(parts[2]);
    if (!n || *n < 2 || *n != std::floor(*n) || *n > 1e6)
      fail(
          argument_index, column + parts[0].size() + parts[1].size() + 2,
          where + "range point count must be an integer >= 2, got '" + std::string(parts[2]) + "'");
    p.count = static_cast<int>(*n);
  }
}

// SPEC as a list of values V1,V2,... (starting at `column` of the argument).
void read_sweep_list_spec(SweepParam& p, std::string_view spec, std::size_t column) {
  std::size_t offset = column;
  for (std::string_view item : split(spec, ',')) {
    const std::string_view value = trimmed(item);
    if (value.empty())
      fail(p.argument_index, offset, p.path + ": empty value in list '" + std::string(spec) + "'");
    p.values.emplace_back(value);
    offset += item.size() + 1;
  }
}

}  // namespace

std::vector<std::string> SweepParam::grid_values(int default_count) const {
  if (kind == Kind::list) return values;
  const int n = count.value_or(default_count);
  if (n < 2)
    throw InputError(
        {"--param", argument_index, static_cast<int>(path.size()) + 2},
        path + ": range '" + spec + "' needs a point count for a grid (LO:HI:COUNT) or --samples");
  std::vector<std::string> out;
  for (int k = 0; k < n; ++k)
    out.push_back(format_number(spaced(lo, hi, k, n, log)));
  return out;
}

std::string SweepParam::value_at(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  if (kind == Kind::list || count) {
    const std::size_t size = kind == Kind::list ? values.size() : static_cast<std::size_t>(*count);
    const std::size_t item =
        std::min(size - 1, static_cast<std::size_t>(u * static_cast<double>(size)));
    if (kind == Kind::list) return values[item];
    return format_number(spaced(lo, hi, static_cast<int>(item), *count, log));
  }
  return format_number(between(lo, hi, u, log));
}

SweepParam parse_sweep_param(std::string_view argument, int argument_index) {
  SweepParam p;
  p.argument_index = argument_index;
  const std::size_t equals = argument.find('=');
  if (equals == std::string_view::npos)
    fail(argument_index, 0, "expected PATH=SPEC, got '" + std::string(argument) + "'");
  p.path = std::string(trimmed(argument.substr(0, equals)));
  if (p.path.empty() || p.path.find(' ') != std::string::npos)
    fail(argument_index, 0,
         "expected a dotted scenario path before '=', got '" +
             std::string(argument.substr(0, equals)) + "'");
  std::string_view spec = argument.substr(equals + 1);
  p.spec = std::string(spec);
  std::size_t column = equals + 1;
  if (spec.starts_with("log:")) {
    p.log = true;
    spec.remove_prefix(4);
    column += 4;
  }
  if (p.log || spec.find(':') != std::string_view::npos)
    read_sweep_range_spec(p, spec, column);
  else
    read_sweep_list_spec(p, spec, column);
  return p;
}

}  // namespace parley::sweep
