// The rows of the result files as values: the files are the header and the rows spelled with
// csv_row, and parsing a spelled row gives back the same values bit for bit.
#include "analysis/results/result_rows.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <sstream>
#include <string>

#include "analysis/results/result_files.hpp"
#include "hand_built_scenario.hpp"

namespace parley {
namespace {

RunResult grouped_run() {
  Scenario s = testing::hand_built_scenario();
  s.outputs.group_by = {0};  // the election: groups all, election=a, election=b, election=none
  RunOptions options;
  options.trials = 3000;
  options.threads = 1;
  return run_scenario(s, options);
}

template <class Row>
std::string spelled(std::string_view header, const std::vector<Row>& rows) {
  std::string text = std::string(header) + "\n";
  for (const Row& row : rows)
    text += csv_row(row) + "\n";
  return text;
}

bool same(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::memcmp(&*a, &*b, sizeof(double)) == 0;
}

TEST(ResultRows, FilesAreTheHeaderAndTheRowsSpelled) {
  const RunResult run = grouped_run();
  const ResultRows rows = result_rows(run);
  EXPECT_EQ(rows.summary.size(), 4u * 4u);  // 4 metrics x 4 groups
  EXPECT_EQ(rows.outcomes.size(), 4u * 3u);
  std::ostringstream summary, outcomes, histograms;
  write_summary_csv(summary, run);
  write_outcomes_csv(outcomes, run);
  write_histograms_csv(histograms, run);
  EXPECT_EQ(summary.str(), spelled(kSummaryCsvHeader, rows.summary));
  EXPECT_EQ(outcomes.str(), spelled(kOutcomesCsvHeader, rows.outcomes));
  EXPECT_EQ(histograms.str(), spelled(kHistogramsCsvHeader, rows.histograms));
  EXPECT_EQ(rows.summary[5].group, "election=a");
  EXPECT_EQ(rows.outcomes[2].outcome, "no_deal");
}

TEST(ResultRows, ParsingASpelledRowGivesTheSameValuesBitForBit) {
  const ResultRows rows = result_rows(grouped_run());
  for (const SummaryRow& row : rows.summary) {
    const auto back = parse_summary_row(csv_row(row));
    ASSERT_TRUE(back) << csv_row(row);
    EXPECT_EQ(back->table, row.table);
    EXPECT_EQ(back->group, row.group);
    EXPECT_EQ(back->summary.n, row.summary.n);
    EXPECT_TRUE(same(back->summary.mean, row.summary.mean));
    EXPECT_TRUE(same(back->summary.sd, row.summary.sd));
    for (std::size_t q = 0; q < row.summary.quantile.size(); ++q)
      EXPECT_TRUE(same(back->summary.quantile[q], row.summary.quantile[q]));
    EXPECT_TRUE(same(back->summary.quantile_error, row.summary.quantile_error));
  }
  for (const OutcomeRow& row : rows.outcomes) {
    const auto back = parse_outcome_row(csv_row(row));
    ASSERT_TRUE(back) << csv_row(row);
    EXPECT_EQ(back->share.count, row.share.count);
    EXPECT_TRUE(same(back->share.share, row.share.share));
    EXPECT_TRUE(same(back->share.se, row.share.se));
  }
  int infinite = 0;
  for (const HistogramCsvRow& row : rows.histograms) {
    const auto back = parse_histogram_row(csv_row(row));
    ASSERT_TRUE(back) << csv_row(row);
    EXPECT_EQ(back->bin.lower, row.bin.lower);
    EXPECT_EQ(back->bin.upper, row.bin.upper);
    EXPECT_EQ(back->bin.count, row.bin.count);
    EXPECT_TRUE(same(back->bin.density, row.bin.density));
    EXPECT_TRUE(same(back->bin.cdf, row.bin.cdf));
    infinite += std::isinf(row.bin.lower) + std::isinf(row.bin.upper);
  }
  EXPECT_EQ(infinite, 2 * 4 * 4);  // under- and overflow rows of every (metric, group)
}

TEST(ResultRows, QuotedNamesAndMalformedLines) {
  OutcomeRow row{"a,b", "say \"x\"", "agreed", {3, 0.75, std::nullopt}};
  EXPECT_EQ(csv_row(row), "\"a,b\",\"say \"\"x\"\"\",agreed,3,0.75,");
  const auto back = parse_outcome_row(csv_row(row));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->table, "a,b");
  EXPECT_EQ(back->group, "say \"x\"");
  EXPECT_FALSE(back->share.se.has_value());

  EXPECT_FALSE(parse_outcome_row("t,all,agreed,3,0.75"));         // a field short
  EXPECT_FALSE(parse_outcome_row("t,all,agreed,three,0.75,"));    // not a count
  EXPECT_FALSE(parse_outcome_row("t,all,agreed,3,0.75x,"));       // not a number
  EXPECT_FALSE(parse_outcome_row("\"t,all,agreed,3,0.75,"));      // unterminated quote
  EXPECT_FALSE(parse_histogram_row("t,amount,all,,1,0,,"));       // a bin edge is never empty
  EXPECT_FALSE(parse_summary_row("t,amount,all,0,,,,,,,,,,,,"));  // 16 fields, not 15
  EXPECT_TRUE(parse_summary_row("t,amount,all,0,,,,,,,,,,,"));
}

}  // namespace
}  // namespace parley
