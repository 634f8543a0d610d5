#include "sim/model/number_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace parley {

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";  // never "-nan": the sign of a NaN carries no meaning
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  // Shortest representation that round-trips (std::to_chars without a precision).
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return "nan";  // cannot happen with 64 characters
  return std::string(buffer, end);
}

std::string format_significant(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

std::string format_fixed(double value, int decimals) {
  // Wide enough for any double: 309 integer digits, a sign, a point and the decimals.
  std::string buffer(static_cast<std::size_t>(320 + decimals), '\0');
  const int n = std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, value);
  buffer.resize(static_cast<std::size_t>(n));
  return buffer;
}

std::string with_sign(std::string text) {
  if (text.empty() || text.front() != '-') text.insert(text.begin(), '+');
  return text;
}

}  // namespace parley
