#pragma once
// How numbers and text are spelled in the result files.
//
//   out << format_number(0.1);          // "0.1": shortest text that reads back as the same double
//                                       // (sim/model/number_text.hpp, parley's one formatter)
//   out << format_optional(std::nullopt) // "": an undefined value is an empty CSV field
//   out << csv_field("a,b");             // "\"a,b\"" (quoted only when needed)
//   out << right_aligned("12", 5);       // "   12": a column of a printed table
//
// Infinities and NaN are spelled inf, -inf and nan, which pandas and R both read.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sim/model/number_text.hpp"

namespace parley {

std::string format_optional(const std::optional<double>& value);
// A CSV field, quoted (RFC 4180) when it contains a comma, quote or line break.
std::string csv_field(std::string_view text);
// A JSON string literal with quotes and escapes.
std::string json_string(std::string_view text);
// `text` padded with spaces to `width` characters (never cut), for the printed tables.
std::string left_aligned(std::string text, std::size_t width);
std::string right_aligned(std::string text, std::size_t width);

}  // namespace parley
