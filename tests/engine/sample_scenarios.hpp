#pragma once
// Scenarios shared by the engine tests and bench/engine_bench.cpp.
//
//   Scenario s = sma11_like_scenario();   // tests/io/spec_example.yaml (the 11th SMA), in C++
#include "scenario_builder.hpp"

namespace parley::testing {

// One table (US-Seoul, 28 monthly rounds 2019-09..2021-12), three shocks: the 2020 election
// (45 % trump / 55 % biden, who replaces us_trump), covid (p 0.9, Seoul's reservation x 0.97)
// and a tariff linkage in a 2021 window only after a Trump win.
inline Scenario sma11_like_scenario() {
  Scenario s;
  s.name = "korea_sma11_like";
  Actor trump = demander("us_trump", 5900, 1400, 0.4, 24);
  trump = with(trump, ActorParam::opening, Distribution::lognormal(5900, 0.15));
  trump = with(trump, ActorParam::reservation, Distribution::pert(1150, 1400, 2000));
  trump = with(trump, ActorParam::beta, Distribution::uniform(0.2, 0.6));
  trump = with(trump, ActorParam::patience, Distribution::uniform(18, 36));
  Actor biden = demander("us_biden", 1250, 1150, 1.5, 4);
  biden = with(biden, ActorParam::opening, Distribution::normal(1250, 50));
  biden = with(biden, ActorParam::reservation, Distribution::normal(1150, 30));
  Actor seoul = payer("seoul", 1080, 1200, 0.5, 20);
  seoul = with(seoul, ActorParam::opening, Distribution::normal(1.04, 0.015).scaled(1038.9));
  seoul = with(seoul, ActorParam::reservation, Distribution::triangular(1150, 1200, 1350));
  seoul = with(seoul, ActorParam::beta, Distribution::uniform(0.3, 0.8));
  seoul = with(seoul, ActorParam::patience, Distribution::uniform(12, 30));
  s.actors = {trump, biden, seoul};

  Table t = table("seoul", 0, 2, 1038.9, "2019-09", "2019-12", "2021-12");
  t.currency = "KRW_bn";
  t.stall_p = 0.1;
  t.on_deadline.extend_p = 0.2;
  t.on_deadline.extend_amount = 1038.9;
  t.on_deadline.lapse_effects = {scale(2, ActorParam::reservation, Distribution::constant(1.02))};
  t.years = 5;
  t.escalation.rate = Distribution::normal(0.06, 0.015);
  t.escalation.floor = 0.0;
  t.escalation.cap = 0.10;
  s.tables = {t};

  Shock election = shock_at("us_election_2020", "2020-11", 1.0);
  election.outcomes = {{"trump", 0.45, {}}, {"biden", 0.55, {replace(0, 1)}}};
  Shock covid = shock_at("covid", "2020-03", 0.9,
                         {scale(2, ActorParam::reservation, Distribution::constant(0.97))});
  Shock tariff = shock_at("tariff_linkage", "2021-01", 0.5,
                          {scale(2, ActorParam::reservation, Distribution::uniform(1.05, 1.20)),
                           scale(0, ActorParam::beta, Distribution::constant(0.5))});
  tariff.timing = ShockTiming::window;
  tariff.window_first = ym("2021-01");
  tariff.window_last = ym("2021-10");
  tariff.when = {ShockCondition{0, {0}}};
  s.shocks = {election, covid, tariff};
  s.outputs.group_by = {0};
  return s;
}

}  // namespace parley::testing
