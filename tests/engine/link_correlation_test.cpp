// Precedent links between tables and rank correlations through the Gaussian copula.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "scenario_builder.hpp"
#include "sim/engine/simulator.hpp"
#include "trial_helpers.hpp"

namespace parley {
namespace {

using namespace parley::testing;

// Table "a" (nash) settles at round 0 at 1100 on baseline 1000 (q = 1.1); table "b" opens two
// months later, nash with power 0, so its amount is the demander's reservation after the link:
// r := (1 - w) r + w q baseline_b.
Scenario linked(double weight) {
  Scenario s;
  s.actors = {actor("us_a", Role::demander, 5000, 1000, 1, 12, 0.9, 0.25),
              actor("tokyo", Role::payer, 0, 1400, 1, 12),
              actor("us_b", Role::demander, 5000, 300, 1, 12, 0.9, 0.0),
              actor("seoul", Role::payer, 0, 900, 1, 12)};
  s.tables = {table("a", 0, 1, 1000, "2020-01", "2020-12", "2021-12"),
              table("b", 2, 3, 500, "2020-03", "2020-12", "2021-12")};
  s.tables[0].protocol = Protocol::nash;
  s.tables[1].protocol = Protocol::nash;
  s.links = {Link{0, 1, weight}};
  return s;
}

TEST(Links, PrecedentMovesTheOtherDemanderByTheFormula) {
  for (double w : {0.0, 0.25, 0.5, 1.0}) {
    const Scenario s = linked(w);
    const Simulator sim(s);
    TrialResult r = TrialResult::for_scenario(s);
    sim.run_trial(1, 0, r);
    ASSERT_EQ(r.tables[0].outcome, Outcome::agreed);
    ASSERT_EQ(r.tables[0].amount, 1100.0);
    ASSERT_EQ(r.tables[1].outcome, Outcome::agreed);
    EXPECT_NEAR(r.tables[1].amount, (1 - w) * 300 + w * 1.1 * 500, 1e-9) << w;
  }
}

TEST(Links, LinkActsFromTheMonthAfterTheSettlement) {
  Scenario s = linked(1.0);
  s.tables[1].opens = ym("2020-01");  // same month as "a": too early for the precedent
  const Simulator sim(s);
  TrialResult r = TrialResult::for_scenario(s);
  sim.run_trial(1, 0, r);
  EXPECT_EQ(r.tables[1].amount, 300.0);
  s.tables[1].opens = ym("2020-02");
  TrialResult r2 = TrialResult::for_scenario(s);
  Simulator(s).run_trial(1, 0, r2);
  EXPECT_NEAR(r2.tables[1].amount, 550.0, 1e-9);
}

TEST(Links, ExtensionsDoNotSetAPrecedent) {
  Scenario s = linked(1.0);
  s.tables[0].opens = ym("2021-01");  // after its deadline: extended at round 0
  s.tables[0].on_deadline.extend_p = 1.0;
  s.tables[1].opens = ym("2021-03");
  const Simulator sim(s);
  TrialResult r = TrialResult::for_scenario(s);
  sim.run_trial(1, 0, r);
  EXPECT_EQ(r.tables[0].outcome, Outcome::extended);
  EXPECT_EQ(r.tables[1].amount, 300.0);
}

std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    r[order[i]] = static_cast<double>(i);
  return r;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

// Spearman correlation of sampled parameters, 20000 trials: its standard error is below
// 1 / sqrt(n) = 0.0071, so a tolerance of 0.028 is 4 standard errors.
TEST(Correlations, RankCorrelationOfSampledParametersMatches) {
  Scenario s;
  s.actors = {with(with(demander("us", 5000, 1000, 1, 12), ActorParam::opening,
                        Distribution::lognormal(5900, 0.15)),
                   ActorParam::reservation, Distribution::pert(1150, 1400, 2000)),
              with(payer("kr", 900, 1300, 1, 12), ActorParam::reservation,
                   Distribution::triangular(1150, 1200, 1350))};
  s.tables = {table("t", 0, 1, 1000, "2020-01", "2020-12", "2021-12")};
  Eigen::MatrixXd rank(3, 3);
  rank << 1, 0.6, -0.3, 0.6, 1, 0.2, -0.3, 0.2, 1;
  s.correlations = correlations(
      {{0, ActorParam::opening}, {0, ActorParam::reservation}, {1, ActorParam::reservation}}, rank);
  const Simulator sim(s);
  TrialResult r = TrialResult::for_scenario(s);
  constexpr int n = 20000;
  std::vector<double> x[3];
  for (int trial = 0; trial < n; ++trial) {
    ParamRecorder rec;
    sim.run_trial(31, trial, r, &rec);
    x[0].push_back(rec.params[0][static_cast<int>(ActorParam::opening)]);
    x[1].push_back(rec.params[0][static_cast<int>(ActorParam::reservation)]);
    x[2].push_back(rec.params[1][static_cast<int>(ActorParam::reservation)]);
    ASSERT_GE(x[1].back(), 1150);  // marginals keep their support
    ASSERT_LE(x[1].back(), 2000);
  }
  for (int i = 0; i < 3; ++i) {
    for (int j = i + 1; j < 3; ++j)
      EXPECT_NEAR(pearson(ranks(x[i]), ranks(x[j])), rank(i, j), 0.028) << i << "," << j;
  }
  // The marginal is untouched by the copula: the mean of the PERT reservation.
  const double mean = std::accumulate(x[1].begin(), x[1].end(), 0.0) / n;
  const double sd = std::sqrt(Distribution::pert(1150, 1400, 2000).variance());
  EXPECT_NEAR(mean, Distribution::pert(1150, 1400, 2000).mean(), 4 * sd / std::sqrt(n));
}

}  // namespace
}  // namespace parley
