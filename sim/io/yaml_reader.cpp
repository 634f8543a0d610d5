#include "sim/io/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "sim/io/suggestions.hpp"
#include "sim/model/number_text.hpp"

namespace parley {
namespace {

// YAML 1.2 core-schema float syntax (decimal only): [-+]? ( . digits | digits [. digits?] )
// [eE [-+]? digits]. Returns false for anything else.
bool looks_decimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
    ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
      ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == s.size();
}

bool is_identifier(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

}  // namespace

std::string join_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string join_path(const std::string& parent, std::size_t index) {
  return join_path(parent, std::to_string(index));
}

std::string number_text(double value) {
  return format_significant(value, 12);
}

bool Range::contains(double x) const {
  const bool above_lo = lo_open ? x > lo : x >= lo;
  const bool below_hi = hi_open ? x < hi : x <= hi;
  return above_lo && below_hi;
}

bool Range::contains(double lower, double upper) const {
  return contains(lower) && contains(upper);
}

std::string Range::str() const {
  if (std::isinf(hi)) return (lo_open ? "> " : ">= ") + number_text(lo);
  if (std::isinf(lo)) return (hi_open ? "< " : "<= ") + number_text(hi);
  return std::string("in ") + (lo_open ? "(" : "[") + number_text(lo) + ", " + number_text(hi) +
         (hi_open ? ")" : "]");
}

void Reader::note(const std::string& path, FieldRule rule) {
  if (rules_) (*rules_)[path] = std::move(rule);
}

void Reader::error(const SourceLocation& where, const std::string& path, const std::string& what) {
  found_.error(where, path.empty() ? what : path + ": " + what);
}

std::optional<double> Reader::number(const YamlNode& node, const std::string& path,
                                     bool allow_infinite) {
  note(path, {FieldRule::Kind::number, {}, {}});
  if (!node.is_scalar() || !node.plain) {
    error(node.where, path, "expected a number, got " + node.describe());
    return std::nullopt;
  }
  const std::string& s = node.text;
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF" ||
      s == "-.inf" || s == "-.Inf" || s == "-.INF") {
    if (allow_infinite) return s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    error(node.where, path, "expected a finite number, got " + node.describe());
    return std::nullopt;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    error(node.where, path, "expected a finite number, got " + node.describe());
    return std::nullopt;
  }
  if (!looks_decimal(s)) {
    error(node.where, path, "expected a number, got " + node.describe());
    return std::nullopt;
  }
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  double value = 0;
  const auto [end, failure] = std::from_chars(first, s.data() + s.size(), value);
  if (failure != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
    error(node.where, path, "number " + node.describe() + " is out of the range of a double");
    return std::nullopt;
  }
  return value;
}

std::optional<double> Reader::number(const YamlNode& node, const std::string& path,
                                     const Range& range) {
  const std::optional<double> value = number(node, path);
  note(path, {FieldRule::Kind::number, range, {}});
  if (value && !range.contains(*value)) {
    error(node.where, path, "must be " + range.str() + ", got " + node.text);
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> Reader::integer(const YamlNode& node, const std::string& path,
                                            std::int64_t min, std::int64_t max) {
  note(path, {FieldRule::Kind::integer,
              Range::closed(static_cast<double>(min), static_cast<double>(max)),
              {}});
  const std::string& s = node.text;
  const bool digits =
      node.is_scalar() && node.plain && !s.empty() &&
      s.find_first_not_of("0123456789", s[0] == '-' || s[0] == '+' ? 1 : 0) == std::string::npos &&
      s.size() > (s[0] == '-' || s[0] == '+' ? 1u : 0u);
  if (!digits) {
    error(node.where, path, "expected an integer, got " + node.describe());
    return std::nullopt;
  }
  std::int64_t value = 0;
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  const auto [end, failure] = std::from_chars(first, s.data() + s.size(), value);
  if (failure != std::errc() || end != s.data() + s.size() || value < min || value > max) {
    error(node.where, path,
          "must be an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "], got " +
              s);
    return std::nullopt;
  }
  return value;
}

std::optional<std::uint64_t> Reader::unsigned64(const YamlNode& node, const std::string& path) {
  note(path, {FieldRule::Kind::integer, Range::closed(0, 18446744073709551615.0), {}});
  const std::string& s = node.text;
  if (!node.is_scalar() || !node.plain || s.empty() ||
      s.find_first_not_of("0123456789", s[0] == '-' ? 1 : 0) != std::string::npos || s == "-") {
    error(node.where, path, "expected an integer, got " + node.describe());
    return std::nullopt;
  }
  std::uint64_t value = 0;
  const auto [end, failure] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s[0] == '-' || failure != std::errc() || end != s.data() + s.size()) {
    error(node.where, path, "must be an integer in [0, 18446744073709551615], got " + s);
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> Reader::string(const YamlNode& node, const std::string& path) {
  if (!node.is_scalar()) {
    error(node.where, path, "expected a string, got " + node.describe());
    return std::nullopt;
  }
  return node.text;
}

std::optional<std::string> Reader::identifier(const YamlNode& node, const std::string& path) {
  if (!node.is_scalar() || !is_identifier(node.text)) {
    error(node.where, path, "expected a name ([A-Za-z_][A-Za-z0-9_]*), got " + node.describe());
    return std::nullopt;
  }
  return node.text;
}

std::optional<YearMonth> Reader::month(const YamlNode& node, const std::string& path) {
  note(path, {FieldRule::Kind::month, {}, {}});
  std::optional<YearMonth> value;
  if (node.is_scalar()) value = YearMonth::parse(node.text);
  if (!value) error(node.where, path, "expected a month YYYY-MM, got " + node.describe());
  return value;
}

std::optional<bool> Reader::boolean(const YamlNode& node, const std::string& path) {
  note(path, {FieldRule::Kind::boolean, {}, {}});
  if (node.is_scalar() && node.plain) {
    const std::string& s = node.text;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
  }
  error(node.where, path, "expected true or false, got " + node.describe());
  return std::nullopt;
}

std::optional<int> Reader::choice(const YamlNode& node, const std::string& path,
                                  const std::vector<std::string>& options) {
  note(path, {FieldRule::Kind::choice, {}, options});
  if (node.is_scalar()) {
    for (std::size_t i = 0; i < options.size(); ++i) {
      if (node.text == options[i]) return static_cast<int>(i);
    }
  }
  error(node.where, path,
        "expected one of " + name_list(options) + ", got " + node.describe() +
            (node.is_scalar() ? did_you_mean(node.text, options) : ""));
  return std::nullopt;
}

bool Reader::list(const YamlNode& node, const std::string& path) {
  if (node.is_sequence() || node.is_null()) return true;
  error(node.where, path, "expected a list, got " + node.describe());
  return false;
}

bool Reader::map(const YamlNode& node, const std::string& path) {
  if (node.is_map() || node.is_null()) return true;
  error(node.where, path, "expected a map, got " + node.describe());
  return false;
}

MapFields::MapFields(Reader& read, const YamlNode& node, std::string path,
                     std::vector<std::string> known)
    : read_(read), node_(node), path_(std::move(path)) {
  ok_ = read_.map(node_, path_);
  for (const YamlEntry& e : node_.entries) {
    if (std::find(known.begin(), known.end(), e.key) != known.end()) continue;
    const std::string hint = did_you_mean(e.key, known);
    read_.error(
        e.key_where, join_path(path_, e.key),
        "unknown key" + (hint.empty() ? " (expected one of " + name_list(known) + ")" : hint));
  }
}

const YamlNode* MapFields::get(std::string_view key) const {
  const YamlNode* value = node_.find(key);
  return value && !value->is_null() ? value : nullptr;
}

const YamlNode* MapFields::required(std::string_view key) {
  const YamlNode* value = node_.find(key);
  if (value && value->is_null()) {
    read_.error(value->where, path(key), "expected a value, got nothing");
    return nullptr;
  }
  if (!value && ok_) {
    read_.error(node_.where, path_, "missing required key '" + std::string(key) + "'");
  }
  return value;
}

}  // namespace parley
