// The calibration rule (scenarios/CALIBRATION.md) is applied to every scenario alike: the
// reservations are recomputed here from scenarios/calibration/reference_class.csv
// (leave-one-out for the historical cases, all cases for the forecasts and what-ifs; the
// centre from the same host's cases, the spread pooled within hosts),
// and the openings of published asks from scenarios/calibration/published_asks.csv.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "sim/io/scenario_loader.hpp"

namespace parley {
namespace {

const std::filesystem::path kScenarios = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios";

// The files round the rule's numbers to 4 decimals.
constexpr double kRounding = 1e-4;

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ','))
      fields.push_back(cell);
    rows.push_back(fields);
  }
  return rows;
}

struct ReferenceCase {
  std::string name, host, scenario;
  double log_ratio = 0;
  std::string opens, deadline, settled;  // R6's calendar and the month of the deal
};

std::vector<ReferenceCase> reference_class() {
  std::vector<ReferenceCase> cases;
  for (const auto& f : read_csv(kScenarios / "calibration" / "reference_class.csv"))
    cases.push_back({f.at(0), f.at(1), f.at(5), std::log(std::stod(f.at(3)) / std::stod(f.at(2))),
                     f.at(6), f.at(7), f.at(8)});
  return cases;
}

struct Fit {
  double m = 0, s = 0;
};

// R1's fit without `left_out` (if any): m = the mean of l over the cases of `host`, s = the
// pooled within-host standard deviation (each case about its own host's mean, n - 2 degrees
// of freedom for the two hosts' means).
Fit fit_without(const std::vector<ReferenceCase>& cases, const std::string& left_out,
                const std::string& host) {
  std::map<std::string, std::vector<double>> by_host;
  for (const ReferenceCase& c : cases)
    if (c.name != left_out) by_host[c.host].push_back(c.log_ratio);
  Fit fit;
  double squares = 0;
  int n = 0;
  for (const auto& [h, l] : by_host) {
    double mean = 0;
    for (double x : l)
      mean += x;
    mean /= static_cast<double>(l.size());
    if (h == host) fit.m = mean;
    for (double x : l)
      squares += (x - mean) * (x - mean);
    n += static_cast<int>(l.size());
  }
  fit.s = std::sqrt(squares / (n - static_cast<int>(by_host.size())));
  return fit;
}

// The host of a table, from its currency.
std::string host_of(const Table& t) {
  return t.currency == "KRW_bn" ? "korea" : t.currency == "JPY_bn" ? "japan" : "";
}

// The baseline of the (single) table where `actor` can sit; relative amounts use it.
double baseline_of(const Scenario& s, int actor) {
  for (const Table& t : s.tables)
    if (t.demander == actor || t.payer == actor) return t.baseline;
  for (const Shock& shock : s.shocks)
    for (const ShockOutcome& o : shock.outcomes)
      for (const Effect& e : o.effects)
        if (e.kind == Effect::Kind::replace && e.replacement == actor)
          return s.tables.at(0).baseline;  // single-table files, or the only baseline seated
  return NAN;
}

void expect_reservations_follow_rule(const Scenario& s, const Fit& fit) {
  // R1: lognormal, median exp(m -+ s) x baseline, sigma s / 2.
  const double z1 = 0.8413447460685429;  // Phi(1)
  for (int a = 0; a < static_cast<int>(s.actors.size()); ++a) {
    const Actor& actor = s.actors[a];
    const double baseline = baseline_of(s, a);
    ASSERT_TRUE(std::isfinite(baseline)) << s.name << ": " << actor.name << " sits nowhere";
    const Distribution& r = actor.param(ActorParam::reservation);
    const double median = r.quantile(0.5) / baseline;
    const double sigma = std::log(r.quantile(z1) / r.quantile(0.5));
    const double expected = std::exp(actor.role == Role::demander ? fit.m - fit.s : fit.m + fit.s);
    EXPECT_NEAR(median, expected, kRounding) << s.name << ": " << actor.name << " R1 median";
    EXPECT_NEAR(sigma, fit.s / 2, kRounding) << s.name << ": " << actor.name << " R1 sigma";
  }
}

TEST(CalibrationRule, HistoricalReservationsAreLeaveOneOut) {
  const std::vector<ReferenceCase> cases = reference_class();
  ASSERT_EQ(cases.size(), 11u);
  int checked = 0;
  for (const ReferenceCase& c : cases) {
    if (c.scenario.empty()) continue;
    const Scenario s = load_scenario_file((kScenarios / (c.scenario + ".yaml")).string());
    ASSERT_EQ(s.observed.size(), 1u) << c.scenario;
    EXPECT_EQ(host_of(s.tables.at(0)), c.host) << c.scenario;
    expect_reservations_follow_rule(s, fit_without(cases, c.name, c.host));
    // The observed amount is the reference class's first-year amount of the same case, and
    // the file's calendar is the class's (which the naive forecast of the backtest reads).
    const Table& t = s.tables.at(s.observed[0].table);
    EXPECT_NEAR(std::log(*s.observed[0].amount / t.baseline), c.log_ratio, 1e-12) << c.scenario;
    EXPECT_EQ(t.opens.str(), c.opens) << c.scenario;
    EXPECT_EQ(t.deadline.str(), c.deadline) << c.scenario;
    ASSERT_TRUE(s.observed[0].month.has_value()) << c.scenario;
    EXPECT_EQ(t.opens.plus_months(*s.observed[0].month).str(), c.settled) << c.scenario;
    // R6: the horizon is the deadline + 24 months.
    EXPECT_EQ(t.horizon.str(), t.deadline.plus_months(24).str()) << c.scenario;
    ++checked;
  }
  // Every case of the class has its historical file.
  EXPECT_EQ(checked, 11);
}

TEST(CalibrationRule, ForecastsUseTheWholeClass) {
  const std::vector<ReferenceCase> cases = reference_class();
  for (const char* name : {"japan_sma2027", "korea_sma12_reopened_10b", "tariff_linkage_2025"}) {
    const Scenario s = load_scenario_file((kScenarios / (std::string(name) + ".yaml")).string());
    for (int a = 0; a < static_cast<int>(s.actors.size()); ++a) {
      // Multi-table files: check each actor against its own table's baseline and host.
      const Actor& actor = s.actors[a];
      const Table* table = &s.tables.at(0);
      for (const Table& t : s.tables)
        if (t.demander == a || t.payer == a) table = &t;
      const Fit all = fit_without(cases, "", host_of(*table));
      const Distribution& r = actor.param(ActorParam::reservation);
      const double median = r.quantile(0.5) / table->baseline;
      EXPECT_NEAR(median, std::exp(actor.role == Role::demander ? all.m - all.s : all.m + all.s),
                  kRounding)
          << name << ": " << actor.name;
      EXPECT_NEAR(std::log(r.quantile(0.8413447460685429) / r.quantile(0.5)), all.s / 2, kRounding)
          << name << ": " << actor.name << " R1 sigma";
    }
  }
}

TEST(CalibrationRule, TheFitOfTheDocument) {
  // scenarios/CALIBRATION.md quotes the fit over all cases of each host.
  const std::vector<ReferenceCase> cases = reference_class();
  EXPECT_NEAR(fit_without(cases, "", "korea").m, 0.0487, 5e-5);
  EXPECT_NEAR(fit_without(cases, "", "japan").m, 0.0135, 5e-5);
  EXPECT_NEAR(fit_without(cases, "", "korea").s, 0.0587, 5e-5);
  EXPECT_NEAR(fit_without(cases, "korea_sma11", "korea").m, 0.0351, 5e-5);
  EXPECT_NEAR(fit_without(cases, "korea_sma11", "korea").s, 0.0539, 5e-5);
}

TEST(CalibrationRule, PublishedAsksOpenTheTable) {
  // R3: the negotiator seated at opening opens at the published ask (median of its lognormal).
  for (const auto& f : read_csv(kScenarios / "calibration" / "published_asks.csv")) {
    const Scenario s = load_scenario_file((kScenarios / (f.at(0) + ".yaml")).string());
    const Table& t = s.tables.at(0);
    const double ratio = std::stod(f.at(5));
    EXPECT_NEAR(std::stod(f.at(2)) / std::stod(f.at(3)), ratio, kRounding) << f.at(0);
    const Distribution& opening = s.actors.at(t.demander).param(ActorParam::opening);
    EXPECT_NEAR(opening.quantile(0.5) / t.baseline, ratio, kRounding) << f.at(0);
  }
}

}  // namespace
}  // namespace parley
