#pragma once
// A small scenario built in C++ (no YAML), shared by the analysis tests: one alternating-offers
// table US-Seoul, an election shock with outcomes `a` (p 0.6, moves the US reservation) and
// `b`, happening with probability 0.8, and a deadline with a 20 % extension chance.
//
//   Scenario s = hand_built_scenario();
//   s.outputs.group_by = {0};   // group by the election
#include "sim/model/scenario.hpp"

namespace parley::testing {

// The demander `us` and the payer `seoul`.
inline std::vector<Actor> hand_built_actors() {
  Actor us;
  us.name = "us";
  us.role = Role::demander;
  us.params[static_cast<int>(ActorParam::opening)] = Distribution::lognormal(1800, 0.1);
  us.params[static_cast<int>(ActorParam::reservation)] = Distribution::uniform(1050, 1300);
  us.params[static_cast<int>(ActorParam::beta)] = Distribution::uniform(0.3, 1.5);
  us.params[static_cast<int>(ActorParam::patience)] = Distribution::uniform(6, 24);
  us.params[static_cast<int>(ActorParam::discount)] = Distribution::constant(0.9);
  us.params[static_cast<int>(ActorParam::power)] = Distribution::constant(0.5);
  Actor seoul;
  seoul.name = "seoul";
  seoul.role = Role::payer;
  seoul.params[static_cast<int>(ActorParam::opening)] = Distribution::normal(1040, 10);
  seoul.params[static_cast<int>(ActorParam::reservation)] =
      Distribution::triangular(1100, 1200, 1400);
  seoul.params[static_cast<int>(ActorParam::beta)] = Distribution::uniform(0.5, 1.0);
  seoul.params[static_cast<int>(ActorParam::patience)] = Distribution::uniform(8, 30);
  seoul.params[static_cast<int>(ActorParam::discount)] = Distribution::constant(0.9);
  seoul.params[static_cast<int>(ActorParam::power)] = Distribution::constant(0.5);
  return {us, seoul};
}

// The alternating-offers table us-seoul, with a 20 % extension chance at its deadline.
inline Table hand_built_seoul_table() {
  Table t;
  t.name = "seoul";
  t.demander = 0;
  t.payer = 1;
  t.currency = "KRW_bn";
  t.baseline = 1000;
  t.opens = YearMonth::of(2019, 9);
  t.deadline = YearMonth::of(2019, 12);
  t.horizon = YearMonth::of(2021, 6);
  t.stall_p = 0.1;
  t.on_deadline.extend_p = 0.2;
  t.years = 3;
  t.escalation.rate = Distribution::normal(0.05, 0.01);
  return t;
}

// The election (p 0.8): outcome `a` (p 0.6) lowers the US reservation by 10 %, `b` does nothing.
inline Shock hand_built_election() {
  Shock election;
  election.name = "election";
  election.timing = ShockTiming::at;
  election.at = YearMonth::of(2020, 11);
  election.p = 0.8;
  ShockOutcome a;
  a.name = "a";
  a.p = 0.6;
  Effect lower;
  lower.kind = Effect::Kind::scale;
  lower.actor = 0;
  lower.param = ActorParam::reservation;
  lower.value = Distribution::constant(0.9);
  a.effects = {lower};
  ShockOutcome b;
  b.name = "b";
  b.p = 0.4;
  election.outcomes = {a, b};
  return election;
}

inline Scenario hand_built_scenario() {
  Scenario s;
  s.name = "hand_built";
  s.trials = 20000;
  s.seed = 7;
  s.actors = hand_built_actors();
  s.tables = {hand_built_seoul_table()};
  s.shocks = {hand_built_election()};
  return s;
}

}  // namespace parley::testing
