// YearMonth: strict "YYYY-MM" parsing and month arithmetic.
#include "sim/model/year_month.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(YearMonth, ParsesExactlyYyyyDashMm) {
  const auto m = YearMonth::parse("2019-09");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->year(), 2019);
  EXPECT_EQ(m->month(), 9);
  EXPECT_EQ(m->str(), "2019-09");
  EXPECT_EQ(YearMonth::parse("1000-01")->str(), "1000-01");
  EXPECT_EQ(YearMonth::parse("9999-12")->str(), "9999-12");
  for (const char* bad : {"2019-9", "2019-13", "2019-00", "0999-05", "19-09", "2019/09",
                          "2019-09-01", "", "abcd-ef", " 2019-09", "2019-1a", "+019-09"}) {
    EXPECT_FALSE(YearMonth::parse(bad)) << bad;
  }
}

TEST(YearMonth, CountsMonthsAcrossYears) {
  const YearMonth opens = YearMonth::of(2019, 9);
  const YearMonth horizon = YearMonth::of(2021, 12);
  EXPECT_EQ(opens.months_until(horizon), 27);
  EXPECT_EQ(horizon.months_until(opens), -27);
  EXPECT_EQ(opens.months_until(opens), 0);
  EXPECT_EQ(opens.plus_months(4), YearMonth::of(2020, 1));
  EXPECT_EQ(opens.plus_months(-9), YearMonth::of(2018, 12));
  EXPECT_EQ(YearMonth::from_index(opens.index()), opens);
}

TEST(YearMonth, OrdersChronologically) {
  EXPECT_LT(YearMonth::of(2019, 12), YearMonth::of(2020, 1));
  EXPECT_GT(YearMonth::of(2020, 2), YearMonth::of(2020, 1));
  EXPECT_EQ(*YearMonth::parse("2020-11"), YearMonth::of(2020, 11));
}

}  // namespace
}  // namespace parley
