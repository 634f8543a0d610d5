// nash and rubinstein tables: exact closed forms with degenerate parameters, and the mean of
// random ones against numerical integration.
#include <gtest/gtest.h>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>

#include "scenario_builder.hpp"
#include "sim/engine/simulator.hpp"
#include "trial_helpers.hpp"

namespace parley {
namespace {

using namespace parley::testing;

TableResult one_trial(const Scenario& s, int table = 0) {
  const Simulator sim(s);
  TrialResult r = TrialResult::for_scenario(s);
  sim.run_trial(11, 0, r);
  return r.tables[table];
}

Scenario closed_form_scenario(Protocol protocol, double r_d, double r_p) {
  Scenario s;
  s.actors = {actor("d", Role::demander, 2 * r_d + 10, r_d, 1, 12, 0.95, 0.25),
              actor("p", Role::payer, 0, r_p, 1, 12, 0.95, 0.5)};
  s.tables = {table("t", 0, 1, 1, "2020-01", "2020-12", "2021-12")};
  s.tables[0].protocol = protocol;
  return s;
}

TEST(ClosedForm, RubinsteinFirstProposerShare) {
  // d1 = d2 = 0.95: the first proposer gets (1 - d) / (1 - d^2) = 1 / 1.95 = 0.5128205 of S.
  Scenario s = closed_form_scenario(Protocol::rubinstein, 0, 1);
  TableResult r = one_trial(s);
  ASSERT_EQ(r.outcome, Outcome::agreed);
  EXPECT_NEAR(r.amount, 0.5128205, 1e-7);
  EXPECT_EQ(r.month, 0);
  s.tables[0].first = FirstProposer::payer;
  r = one_trial(s);
  EXPECT_NEAR(r.amount, 1 - 0.5128205, 1e-7);
}

TEST(ClosedForm, RubinsteinWithUnequalDiscounts) {
  Scenario s = closed_form_scenario(Protocol::rubinstein, 1000, 1400);
  s.actors[0].params[static_cast<int>(ActorParam::discount)] = Distribution::constant(0.9);
  s.actors[1].params[static_cast<int>(ActorParam::discount)] = Distribution::constant(0.8);
  EXPECT_EQ(one_trial(s).amount, 1000 + 400 * (1 - 0.8) / (1 - 0.9 * 0.8));
  s.tables[0].first = FirstProposer::payer;
  EXPECT_EQ(one_trial(s).amount, 1400 - 400 * (1 - 0.9) / (1 - 0.9 * 0.8));
}

TEST(ClosedForm, NashSplitsTheZopaByTheDemandersPower) {
  const Scenario s = closed_form_scenario(Protocol::nash, 1000, 1400);
  const TableResult r = one_trial(s);
  ASSERT_EQ(r.outcome, Outcome::agreed);
  EXPECT_EQ(r.amount, 1100.0);  // 1000 + 0.25 * 400
  EXPECT_EQ(r.change_pct, 100 * (1100.0 - 1));
}

TEST(ClosedForm, NoZopaNoDeal) {
  for (Protocol p : {Protocol::nash, Protocol::rubinstein}) {
    const TableResult r = one_trial(closed_form_scenario(p, 1500, 1400));
    EXPECT_EQ(r.outcome, Outcome::no_deal);
    EXPECT_TRUE(std::isnan(r.amount));
    EXPECT_EQ(r.month, -1);
  }
}

TEST(ClosedForm, OnlyShocksUpToTheOpeningCount) {
  Scenario s = closed_form_scenario(Protocol::nash, 1000, 1400);
  s.tables[0].opens = ym("2020-03");
  s.shocks = {
      shock_at("before", "2020-02", 1,
               {scale(1, ActorParam::reservation, Distribution::constant(1.5))}),
      shock_at("same", "2020-03", 1, {scale(0, ActorParam::power, Distribution::constant(2.0))}),
      shock_at("after", "2020-04", 1,
               {scale(0, ActorParam::reservation, Distribution::constant(0.5))})};
  // r_P = 2100, power 0.5: 1000 + 0.5 * 1100.
  EXPECT_EQ(one_trial(s).amount, 1550.0);
}

// Nash with power 1/2 and r_D ~ U(900, 1100), r_P ~ U(1000, 1400): the amount of a deal is
// (r_D + r_P) / 2 on {r_P >= r_D}. Its mean over settled trials and the deal share against
// Gauss-Kronrod quadrature; 40000 trials, within 4 standard errors.
TEST(ClosedForm, NashWithUniformReservationsMatchesQuadrature) {
  Scenario s = closed_form_scenario(Protocol::nash, 1000, 1400);
  s.actors[0] = with(s.actors[0], ActorParam::reservation, Distribution::uniform(900, 1100));
  s.actors[0] = with(s.actors[0], ActorParam::opening, Distribution::constant(5000));
  s.actors[0] = with(s.actors[0], ActorParam::power, Distribution::constant(0.5));
  s.actors[1] = with(s.actors[1], ActorParam::reservation, Distribution::uniform(1000, 1400));
  const Simulator sim(s);
  const auto results = run_trials(sim, 5, 40000);

  using boost::math::quadrature::gauss_kronrod;
  const double density = 1.0 / (200.0 * 400.0);
  auto over_rp = [&](double r_d, auto f) {
    const double lo = std::max(r_d, 1000.0);
    return gauss_kronrod<double, 31>::integrate([&](double r_p) { return f(r_d, r_p); }, lo, 1400);
  };
  // The inner range has a kink at r_D = 1000: integrate the two smooth pieces separately.
  auto over_rd = [&](auto f) {
    auto g = [&](double r_d) { return over_rp(r_d, f); };
    return gauss_kronrod<double, 31>::integrate(g, 900, 1000) +
           gauss_kronrod<double, 31>::integrate(g, 1000, 1100);
  };
  const double p_deal = over_rd([&](double, double) { return density; });
  const double mean_amount =
      over_rd([&](double a, double b) { return density * (a + b) / 2; }) / p_deal;

  const Share deal = share_of(
      results, [](const TrialResult& r) { return r.tables[0].outcome == Outcome::agreed; });
  EXPECT_NEAR(deal.p, p_deal, 4 * deal.se);
  double n = 0, sum = 0, sum2 = 0;
  for (const TrialResult& r : results) {
    if (r.tables[0].outcome != Outcome::agreed) continue;
    n += 1;
    sum += r.tables[0].amount;
    sum2 += r.tables[0].amount * r.tables[0].amount;
  }
  const double mean = sum / n;
  const double se = std::sqrt((sum2 / n - mean * mean) / n);
  EXPECT_NEAR(mean, mean_amount, 4 * se);
  EXPECT_GT(p_deal, 0.9);  // 1 - P(r_P < r_D) = 1 - 100*100/2/80000
}

}  // namespace
}  // namespace parley
