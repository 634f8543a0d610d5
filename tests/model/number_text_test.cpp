// number_text: the one number formatter. Its three spellings are the ones the outputs used
// before it existed (std::to_chars, a std::ostream with a precision, printf's %.Nf), so no output
// changed when they all moved onto it.
#include "sim/model/number_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace parley {
namespace {

const std::vector<double> kValues = {0.0,      -0.0,  0.1,      1.0 / 3,       1157.7812,
                                     -1.79335, 1e-7,  3e21,     123456789.123, 2048920.4,
                                     0.5,      1e300, HUGE_VAL, -HUGE_VAL};

TEST(NumberText, ShortestReadsBackAsTheSameDouble) {
  for (double x : kValues) {
    if (std::isfinite(x)) {
      EXPECT_EQ(std::stod(format_number(x)), x) << format_number(x);
    }
  }
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(3000), "3000");
  EXPECT_EQ(format_number(1e-7), "1e-07");
  EXPECT_EQ(format_number(HUGE_VAL), "inf");
  EXPECT_EQ(format_number(-HUGE_VAL), "-inf");
  EXPECT_EQ(format_number(-std::nan("")), "nan");  // never "-nan"
}

TEST(NumberText, SignificantIsWhatAStreamWithThatPrecisionPrints) {
  for (int digits : {3, 6, 12}) {
    for (double x : kValues) {
      std::ostringstream stream;
      stream.precision(digits);
      stream << x;
      EXPECT_EQ(format_significant(x, digits), stream.str()) << x << " at " << digits;
    }
  }
  EXPECT_EQ(format_significant(1157.7812, 6), "1157.78");
  EXPECT_EQ(format_significant(0.08472, 3), "0.0847");
}

TEST(NumberText, FixedIsPrintfsFixedNotation) {
  for (int decimals : {0, 2, 3}) {
    for (double x : kValues) {
      char buffer[400];
      std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
      EXPECT_EQ(format_fixed(x, decimals), buffer) << x << " at " << decimals;
    }
  }
  EXPECT_EQ(format_fixed(0.43049, 3), "0.430");
  EXPECT_EQ(format_fixed(2048920.4, 0), "2048920");
  EXPECT_EQ(format_fixed(1e300, 0).size(), 301u);  // wider than any fixed buffer used before
}

TEST(NumberText, WithSignIsPrintfsPlusFlag) {
  std::vector<double> values = kValues;
  values.push_back(std::nan(""));
  values.push_back(-1e-9);  // rounds to "-0.00" under %+.2f
  for (double x : values) {
    char fixed[400], significant[64];
    std::snprintf(fixed, sizeof fixed, "%+.2f", x);
    std::snprintf(significant, sizeof significant, "%+.6g", x);
    EXPECT_EQ(with_sign(format_fixed(x, 2)), fixed) << x;
    EXPECT_EQ(with_sign(format_significant(x, 6)), significant) << x;
  }
  EXPECT_EQ(with_sign("0.50"), "+0.50");
  EXPECT_EQ(with_sign("-0.00"), "-0.00");
}

}  // namespace
}  // namespace parley
