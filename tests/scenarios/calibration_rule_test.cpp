// The calibration rule (scenarios/CALIBRATION.md) is applied to every scenario alike: the
// reservations are recomputed here from scenarios/calibration/reference_class.csv
// (leave-one-out for the historical cases, all eleven cases for the forecasts and what-ifs),
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
  std::string name, scenario;
  double log_ratio = 0;
};

std::vector<ReferenceCase> reference_class() {
  std::vector<ReferenceCase> cases;
  for (const auto& f : read_csv(kScenarios / "calibration" / "reference_class.csv"))
    cases.push_back({f.at(0), f.at(5), std::log(std::stod(f.at(3)) / std::stod(f.at(2)))});
  return cases;
}

struct Fit {
  double m = 0, s = 0;
};

// Mean and sample standard deviation of l over the class, without `left_out` (if any).
Fit fit_without(const std::vector<ReferenceCase>& cases, const std::string& left_out) {
  std::vector<double> l;
  for (const ReferenceCase& c : cases)
    if (c.name != left_out) l.push_back(c.log_ratio);
  double mean = 0;
  for (double x : l)
    mean += x;
  mean /= static_cast<double>(l.size());
  double ss = 0;
  for (double x : l)
    ss += (x - mean) * (x - mean);
  return {mean, std::sqrt(ss / static_cast<double>(l.size() - 1))};
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
    expect_reservations_follow_rule(s, fit_without(cases, c.name));
    // The observed amount is the reference class's first-year amount of the same case.
    const Table& t = s.tables.at(s.observed[0].table);
    EXPECT_NEAR(std::log(*s.observed[0].amount / t.baseline), c.log_ratio, 1e-12) << c.scenario;
    ++checked;
  }
  EXPECT_EQ(checked, 7);
}

TEST(CalibrationRule, ForecastsUseTheWholeClass) {
  const Fit all = fit_without(reference_class(), "");
  for (const char* name : {"japan_sma2027", "korea_sma12_reopened_10b", "tariff_linkage_2025"}) {
    const Scenario s = load_scenario_file((kScenarios / (std::string(name) + ".yaml")).string());
    for (int a = 0; a < static_cast<int>(s.actors.size()); ++a) {
      // Multi-table files: check each actor against its own table's baseline.
      const Actor& actor = s.actors[a];
      double baseline = NAN;
      for (const Table& t : s.tables)
        if (t.demander == a || t.payer == a) baseline = t.baseline;
      if (!std::isfinite(baseline)) baseline = s.tables.at(0).baseline;
      const double median = actor.param(ActorParam::reservation).quantile(0.5) / baseline;
      EXPECT_NEAR(median, std::exp(actor.role == Role::demander ? all.m - all.s : all.m + all.s),
                  kRounding)
          << name << ": " << actor.name;
    }
  }
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
