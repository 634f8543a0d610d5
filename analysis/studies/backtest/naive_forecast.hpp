#pragma once
// The naive reference-class forecast: what the record alone says, with no model, for the
// amount and the month of a held-out case. It is the benchmark of the backtest
// (scenarios/README.md): a simulator worth running must beat it.
//
//   std::vector<ReferenceCase> cases = read_reference_class(path);
//   BacktestCase naive = naive_forecast(cases, "korea_sma11");   // scored like a simulation
//
// Amount: ln(amount / status quo) ~ normal(m, s), m and s the mean and standard deviation of
// the other cases' log ratios (rule R1's fit, leave-one-out); PIT Phi(z) and the closed-form
// CRPS of the lognormal. Month: the deal comes as many months after the expiry as in one of
// the other cases, each with equal weight, counted from the case's own opening and expiry
// (never before the opening month); scored as a discrete distribution.
#include <string>
#include <vector>

#include "analysis/studies/backtest/backtest.hpp"
#include "analysis/studies/backtest/reference_class.hpp"

namespace parley {

// CRPS of a lognormal: X = exp(N(mu, sigma)), sigma > 0, at y > 0 (Baran and Lerch 2015):
//   y (2 Phi(z) - 1) - 2 exp(mu + sigma^2 / 2) (Phi(z - sigma) + Phi(sigma / sqrt 2) - 1),
// z = (ln y - mu) / sigma.
double lognormal_crps(double mu, double sigma, double y);

// The naive forecast of case `name`, scored against its own first-year amount and settlement
// month (round index from `opens`): a BacktestCase whose scenario and table are the case's
// scenario file name and "-", trials 0, outcome `agreed`. Throws std::invalid_argument for an
// unknown case.
BacktestCase naive_forecast(const std::vector<ReferenceCase>& cases, const std::string& name);

}  // namespace parley
