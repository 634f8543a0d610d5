#pragma once
// Small helpers to write Scenario values directly in C++ (the engine tests do not depend on the
// YAML loader).
//
//   Scenario s;
//   s.actors = {demander("us", 100, 36, 1, 8), payer("kr", 20, 84, 1, 8)};
//   s.tables = {table("seoul", 0, 1, 50, "2020-01", "2020-12", "2021-12")};
#include <string>

#include "sim/model/scenario.hpp"

namespace parley::testing {

inline YearMonth ym(const char* text) {
  return *YearMonth::parse(text);
}

inline Actor actor(std::string name, Role role, double opening, double reservation, double beta,
                   double patience, double discount = 0.9, double power = 0.5) {
  Actor a;
  a.name = std::move(name);
  a.role = role;
  a.params[static_cast<int>(ActorParam::opening)] = Distribution::constant(opening);
  a.params[static_cast<int>(ActorParam::reservation)] = Distribution::constant(reservation);
  a.params[static_cast<int>(ActorParam::beta)] = Distribution::constant(beta);
  a.params[static_cast<int>(ActorParam::patience)] = Distribution::constant(patience);
  a.params[static_cast<int>(ActorParam::discount)] = Distribution::constant(discount);
  a.params[static_cast<int>(ActorParam::power)] = Distribution::constant(power);
  return a;
}

inline Actor demander(std::string name, double opening, double reservation, double beta,
                      double patience) {
  return actor(std::move(name), Role::demander, opening, reservation, beta, patience);
}

inline Actor payer(std::string name, double opening, double reservation, double beta,
                   double patience) {
  return actor(std::move(name), Role::payer, opening, reservation, beta, patience);
}

inline Actor with(Actor a, ActorParam p, Distribution d) {
  a.params[static_cast<int>(p)] = std::move(d);
  return a;
}

inline Table table(std::string name, int demander_index, int payer_index, double baseline,
                   const char* opens, const char* deadline, const char* horizon) {
  Table t;
  t.name = std::move(name);
  t.demander = demander_index;
  t.payer = payer_index;
  t.currency = "USD_m";
  t.baseline = baseline;
  t.opens = ym(opens);
  t.deadline = ym(deadline);
  t.horizon = ym(horizon);
  return t;
}

inline Effect scale(int actor_index, ActorParam p, Distribution value) {
  Effect e;
  e.kind = Effect::Kind::scale;
  e.actor = actor_index;
  e.param = p;
  e.value = std::move(value);
  return e;
}

inline Effect replace(int actor_index, int replacement) {
  Effect e;
  e.kind = Effect::Kind::replace;
  e.actor = actor_index;
  e.replacement = replacement;
  return e;
}

inline Shock shock_at(std::string name, const char* month, double p,
                      std::vector<Effect> effects = {}) {
  Shock s;
  s.name = std::move(name);
  s.timing = ShockTiming::at;
  s.at = ym(month);
  s.p = p;
  s.outcomes = {ShockOutcome{"happened", 1.0, std::move(effects)}};
  return s;
}

// The correlation block for `params` with rank correlations `rank` (normal-space matrix filled
// in with 2 sin(pi rho / 6), as the loader does).
inline Correlations correlations(std::vector<ParamRef> params, const Eigen::MatrixXd& rank) {
  Correlations c;
  c.params = std::move(params);
  c.rank_correlation = rank;
  c.normal_correlation = rank;
  for (Eigen::Index i = 0; i < rank.rows(); ++i) {
    for (Eigen::Index j = 0; j < rank.cols(); ++j)
      c.normal_correlation(i, j) = i == j ? 1.0 : 2 * std::sin(M_PI * rank(i, j) / 6);
  }
  return c;
}

}  // namespace parley::testing
