#pragma once
// A calendar month, the time unit of parley.
//
//   auto m = YearMonth::parse("2019-09");   // std::optional<YearMonth>
//   int rounds = m->months_until(*YearMonth::parse("2021-12")) + 1;
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

class YearMonth {
 public:
  constexpr YearMonth() = default;
  static constexpr YearMonth from_index(int months_since_year_0) {
    return YearMonth(months_since_year_0);
  }
  static constexpr YearMonth of(int year, int month) { return YearMonth(year * 12 + month - 1); }

  // Accepts exactly "YYYY-MM" with 1000 <= YYYY <= 9999 and 01 <= MM <= 12.
  static std::optional<YearMonth> parse(std::string_view text);

  constexpr int index() const { return index_; }
  constexpr int year() const { return index_ / 12; }
  constexpr int month() const { return index_ % 12 + 1; }
  // Signed number of months from this month to `later` (0 when equal).
  constexpr int months_until(YearMonth later) const { return later.index_ - index_; }
  constexpr YearMonth plus_months(int n) const { return YearMonth(index_ + n); }
  std::string str() const;

  friend constexpr auto operator<=>(YearMonth, YearMonth) = default;

 private:
  constexpr explicit YearMonth(int index) : index_(index) {}
  int index_ = 0;
};

}  // namespace parley
