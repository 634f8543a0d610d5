#pragma once
// How parley spells a number, in every output: result files, messages, reports and traces.
//
//   format_number(0.1)             // "0.1": the shortest text that reads back as the same double
//   format_significant(1157.7812, 6) // "1157.78": printf's %.6g (what a std::ostream prints)
//   format_fixed(0.43049, 3)         // "0.430": printf's %.3f
//   with_sign(format_fixed(0.5, 2))  // "+0.50": printf's + flag (%+.2f), for differences
//
// Infinities are "inf" / "-inf" and NaN is "nan" in format_number (pandas and R read them); the
// other two spell them as printf does.
#include <string>

namespace parley {

std::string format_number(double value);
std::string format_significant(double value, int digits);
std::string format_fixed(double value, int decimals);
// `text`, a number spelled by one of the above, with "+" before it unless it starts with "-".
std::string with_sign(std::string text);

}  // namespace parley
