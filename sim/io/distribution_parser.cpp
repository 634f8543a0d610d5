#include "sim/io/distribution_parser.hpp"

#include <charconv>
#include <stdexcept>

#include "sim/io/suggestions.hpp"

namespace parley {
namespace {

// A factory's std::invalid_argument message starts with the parameter it blames ("sd must be
// >= 0, got -1"): point at that parameter's value when the map has it.
void report_factory_error(Reader& read, const MapFields& fields, const std::string& message) {
  const std::string first = message.substr(0, message.find(' '));
  const YamlNode* blamed = fields.get(first);
  const std::string rest = first.size() < message.size() ? message.substr(first.size() + 1) : "";
  if (blamed && rest.rfind("must ", 0) == 0) {
    read.error(blamed->where, fields.path(first), rest);
  } else if (blamed) {
    read.error(blamed->where, fields.path(), message);
  } else {
    read.error(fields.where(), fields.path(), message);
  }
}

std::optional<std::vector<double>> number_list(Reader& read, const YamlNode& node,
                                               const std::string& path) {
  if (!node.is_sequence()) {
    read.error(node.where, path, "expected a list of numbers, got " + node.describe());
    return std::nullopt;
  }
  std::vector<double> numbers;
  bool ok = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const std::optional<double> x = read.number(node.items[i], join_path(path, i));
    ok = ok && x.has_value();
    if (x) numbers.push_back(*x);
  }
  return ok ? std::optional(numbers) : std::nullopt;
}

// The family's parameters read and its factory called. A number is read where it is found; the
// lists (discrete's values and weights) only once every required key is there.
std::optional<Distribution> build(const NamedFamily& family, Reader& read, MapFields& fields) {
  const std::size_t n = family.params.size();
  std::vector<std::vector<double>> values(n);
  std::vector<const YamlNode*> lists(n, nullptr);
  bool ok = true, complete = true;
  for (std::size_t i = 0; i < n; ++i) {
    const FamilyParam& param = family.params[i];
    const YamlNode* node = param.required ? fields.required(param.name) : fields.get(param.name);
    complete = complete && (node || !param.required);
    if (param.is_list) {
      lists[i] = node;
      continue;
    }
    const std::optional<double> x =
        node ? read.number(*node, fields.path(param.name)) : std::nullopt;
    ok = ok && (node ? x.has_value() : !param.required);
    values[i] = {x.value_or(param.default_value)};
  }
  if (!complete) return std::nullopt;
  for (std::size_t i = 0; i < n; ++i) {
    if (!lists[i]) continue;
    auto list = number_list(read, *lists[i], fields.path(family.params[i].name));
    ok = ok && list.has_value();
    if (list) values[i] = std::move(*list);
  }
  if (!ok) return std::nullopt;
  return family.from(FamilyArgs(std::move(values)));
}

std::optional<Distribution> truncate(Reader& read, const MapFields& fields,
                                     const Distribution& base) {
  const YamlNode* bounds = fields.get("truncate");
  if (!bounds) return base;
  const std::string path = fields.path("truncate");
  if (!bounds->is_sequence() || bounds->items.size() != 2) {
    read.error(bounds->where, path, "expected [lo, hi], got " + bounds->describe());
    return std::nullopt;
  }
  const auto lo = read.number(bounds->items[0], join_path(path, 0), /*allow_infinite=*/true);
  const auto hi = read.number(bounds->items[1], join_path(path, 1), /*allow_infinite=*/true);
  if (!lo || !hi) return std::nullopt;
  try {
    return base.truncated(*lo, *hi);
  } catch (const std::invalid_argument& e) {
    std::string message = e.what();
    if (message.rfind("truncate ", 0) == 0) message.erase(0, 9);
    read.error(bounds->where, path, message);
    return std::nullopt;
  }
}

// The map form; `relative_allowed` admits the `relative` and `value` keys of amounts.
std::optional<AmountValue> read_map(Reader& read, const YamlNode& node, const std::string& path,
                                    bool relative_allowed) {
  AmountValue result;
  const YamlNode* dist = node.find("dist");
  const YamlNode* relative = node.find("relative");
  if (relative_allowed && relative) {
    if (!read.choice(*relative, join_path(path, "relative"), {"baseline"})) return std::nullopt;
    result.relative = true;
  }
  if (!dist && result.relative) {
    MapFields fields(read, node, path, {"relative", "value"});
    const YamlNode* value = fields.required("value");
    const auto ratio =
        value ? read.number(*value, fields.path("value"), Range::above(0)) : std::nullopt;
    if (!ratio) return std::nullopt;
    result.value = Distribution::constant(*ratio);
    return result;
  }
  if (!dist) {
    read.error(
        node.where, path,
        "missing required key 'dist' (one of " + name_list(distribution_family_names()) + ")");
    return std::nullopt;
  }
  const auto index = read.choice(*dist, join_path(path, "dist"), distribution_family_names());
  if (!index) return std::nullopt;
  const NamedFamily& family = named_families()[*index];
  std::vector<std::string> known = {"dist", "truncate"};
  if (relative_allowed) known.push_back("relative");
  for (const FamilyParam& param : family.params)
    known.push_back(param.name);
  MapFields fields(read, node, path, known);
  try {
    const std::optional<Distribution> base = build(family, read, fields);
    if (!base) return std::nullopt;
    const std::optional<Distribution> done = truncate(read, fields, *base);
    if (!done) return std::nullopt;
    result.value = *done;
    return result;
  } catch (const std::invalid_argument& e) {
    report_factory_error(read, fields, e.what());
    return std::nullopt;
  }
}

// "+4%", "-8.9%" -> 1 + p/100; "x5.0" -> 5.0; nullopt when the text is neither.
std::optional<double> relative_ratio(const std::string& text) {
  std::string_view number = text;
  const bool percent = text.size() >= 3 && (text[0] == '+' || text[0] == '-') && text.back() == '%';
  const bool times = text.size() >= 2 && text[0] == 'x';
  if (percent)
    number = std::string_view(text).substr(1, text.size() - 2);
  else if (times)
    number = std::string_view(text).substr(1);
  else
    return std::nullopt;
  if (number.empty() ||
      !(std::isdigit(static_cast<unsigned char>(number[0])) || number[0] == '.')) {
    return std::nullopt;
  }
  double x = 0;
  const auto [end, failure] = std::from_chars(number.data(), number.data() + number.size(), x);
  if (failure != std::errc() || end != number.data() + number.size() || !std::isfinite(x)) {
    return std::nullopt;
  }
  if (percent) return 1 + (text[0] == '-' ? -x : x) / 100;
  return x;
}

}  // namespace

const std::vector<std::string>& distribution_family_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const NamedFamily& f : named_families())
      all.emplace_back(f.name);
    return all;
  }();
  return names;
}

bool check_support(Reader& read, const SourceLocation& where, const std::string& path,
                   const Distribution& d, const Range& range) {
  if (d.is_constant()) read.note(path, {FieldRule::Kind::number, range, {}});
  const double lo = d.support_lower(), hi = d.support_upper();
  if (range.contains(lo, hi)) return true;
  if (d.is_constant()) {
    read.error(where, path, "must be " + range.str() + ", got " + number_text(lo));
  } else {
    read.error(where, path,
               "must be " + range.str() + " over its whole support, but " + d.describe() +
                   " can draw values in [" + number_text(lo) + ", " + number_text(hi) +
                   "]; truncate it or change its parameters");
  }
  return false;
}

std::optional<Distribution> read_distribution(Reader& read, const YamlNode& node,
                                              const std::string& path) {
  if (node.is_map()) {
    auto result = read_map(read, node, path, /*relative_allowed=*/false);
    return result ? std::optional(result->value) : std::nullopt;
  }
  if (node.is_scalar() && !node.plain) {
    read.error(node.where, path, "expected a number or a distribution map, got " + node.describe());
    return std::nullopt;
  }
  if (!node.is_scalar()) {
    read.error(node.where, path,
               "expected a number or a distribution map {dist: ...}, got " + node.describe());
    return std::nullopt;
  }
  const std::optional<double> x = read.number(node, path);
  return x ? std::optional(Distribution::constant(*x)) : std::nullopt;
}

std::optional<AmountValue> read_amount(Reader& read, const YamlNode& node,
                                       const std::string& path) {
  if (node.is_map()) return read_map(read, node, path, /*relative_allowed=*/true);
  if (node.is_scalar()) {
    if (const std::optional<double> ratio = relative_ratio(node.text)) {
      if (!(*ratio > 0)) {
        read.error(node.where, path,
                   "a relative amount must be > 0 times the baseline, got " + node.describe());
        return std::nullopt;
      }
      return AmountValue{Distribution::constant(*ratio), true};
    }
    if (!node.plain || !(std::isdigit(static_cast<unsigned char>(node.text[0])) ||
                         node.text[0] == '-' || node.text[0] == '+' || node.text[0] == '.')) {
      read.error(node.where, path,
                 "expected a number, a distribution map or a relative amount ('+4%', '-8.9%', "
                 "'x5.0'), got " +
                     node.describe());
      return std::nullopt;
    }
  }
  const std::optional<Distribution> absolute = read_distribution(read, node, path);
  return absolute ? std::optional(AmountValue{*absolute, false}) : std::nullopt;
}

}  // namespace parley
