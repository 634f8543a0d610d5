#pragma once
// The validated, YAML-free description of a negotiation scenario: what the loader produces and
// the engine consumes. Every index refers into the vectors of the same Scenario; every invariant
// listed in a comment has been checked by whoever built the value (see sim/io/scenario_loader).
//
//   Scenario s = load_scenario_file("scenarios/korea_sma11.yaml");
//   const Table& t = s.tables.at(0);
//   const Actor& us = s.actors.at(t.demander);
#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model/distribution.hpp"
#include "sim/model/year_month.hpp"

namespace parley {

enum class Role { demander, payer };

// Parameters every actor carries, drawn once per trial (docs/model.md v1.3).
enum class ActorParam { opening, reservation, beta, patience, discount, power };
inline constexpr int kActorParamCount = 6;
// The position of `p` in an actor's parameter arrays.
constexpr int param_index(ActorParam p) {
  return static_cast<int>(p);
}
// One actor's drawn values in a trial, indexed by param_index.
using ActorParams = std::array<double, kActorParamCount>;
inline constexpr std::array<ActorParam, kActorParamCount> kAllActorParams = {
    ActorParam::opening,  ActorParam::reservation, ActorParam::beta,
    ActorParam::patience, ActorParam::discount,    ActorParam::power};

const char* to_string(Role role);
const char* to_string(ActorParam param);
std::optional<ActorParam> actor_param_from_string(std::string_view name);

// v2 look-ahead (model.md, "v2: look-ahead"): the actor anticipates scheduled shocks (`at` or
// `window` timing) and hurries or holds before them. Off unless the actor's `lookahead` key turns
// it on and the scenario's master switch (`lookahead.enabled`) is not false.
struct Lookahead {
  bool enabled = false;
  int lead = kNoLeadLimit;  // months ahead the actor looks for a shock
  double threshold = 0.02;  // relative expected change below which it neither hurries nor holds
  static constexpr int kNoLeadLimit = 1 << 30;
};

struct Actor {
  std::string name;
  Role role = Role::demander;
  Lookahead lookahead;
  // Indexed by ActorParam. Relative amounts have already been multiplied by the baseline of the
  // tables the actor sits at; amounts and patience are truncated at 0 from below.
  std::array<Distribution, kActorParamCount> params;

  const Distribution& param(ActorParam p) const { return params[param_index(p)]; }
};

// A change applied when a shock fires, a deadline lapses, or (links) a table settles.
struct Effect {
  enum class Kind {
    scale,           // actor.param *= value
    shift,           // actor.param += value
    set,             // actor.param = value
    reset_clock,     // actor's clock restarts at 0 at every table where it sits
    replace,         // `replacement` takes `actor`'s seat (in `tables`, or everywhere if empty)
    table_deadline,  // table's deadline := month
    table_horizon,   // table's horizon := month
    table_extend_p,  // table's extension probability := value (a constant in [0, 1])
  };
  Kind kind = Kind::scale;
  int actor = -1;
  ActorParam param = ActorParam::opening;
  Distribution value;  // drawn when the effect fires (scale, shift, set, table_extend_p)
  int replacement = -1;
  std::vector<int> tables;
  int table = -1;
  YearMonth month;
};

enum class Protocol { alternating, nash, rubinstein };
enum class FirstProposer { demander, payer };
const char* to_string(Protocol protocol);

struct DeadlinePolicy {
  double extend_p = 0.0;
  std::optional<double> extend_amount;  // default: the table's baseline
  int extend_years = 1;
  std::vector<Effect> lapse_effects;  // applied once, at the first round after the deadline
};

struct Escalation {
  Distribution rate;  // g_y, drawn once per agreement year y >= 1
  double floor = -HUGE_VAL;
  double cap = HUGE_VAL;
};

struct Table {
  std::string name;
  int demander = -1;  // an actor with Role::demander
  int payer = -1;     // an actor with Role::payer
  std::string currency;
  double baseline = 0;                 // > 0
  YearMonth opens, deadline, horizon;  // opens <= horizon
  Protocol protocol = Protocol::alternating;
  FirstProposer first = FirstProposer::demander;
  double stall_p = 0;      // in [0, 1]
  double offer_noise = 0;  // sd >= 0 of the log-normal noise on each proposal
  DeadlinePolicy on_deadline;
  int years = 1;  // >= 1
  Escalation escalation;
};

enum class ShockTiming { at, window, hazard };

struct ShockOutcome {
  std::string name;
  double p = 1;  // outcome probabilities of a shock sum to 1
  std::vector<Effect> effects;
};

// Outcome index used for "the shock did not happen".
inline constexpr int kShockNone = -1;

// `when`: the shock may happen only if shock `shock` (declared earlier) ended in one of
// `outcomes` (kShockNone allowed).
struct ShockCondition {
  int shock = -1;
  std::vector<int> outcomes;
};

struct Shock {
  std::string name;
  ShockTiming timing = ShockTiming::at;
  YearMonth at;                         // ShockTiming::at
  YearMonth window_first, window_last;  // window and hazard, window_first <= window_last
  double hazard = 0;                    // ShockTiming::hazard, in (0, 1]
  double p = 1;                         // probability that it happens at all
  std::vector<ShockCondition> when;     // all must hold
  // Named alternatives; a shock written with plain `effects` has one outcome, "happened".
  std::vector<ShockOutcome> outcomes;
};

// Precedent: when table `from` settles, the demander at `to` moves its reservation toward the
// settled ratio times its own baseline.
struct Link {
  int from = -1;
  int to = -1;
  double weight = 0;  // in [0, 1]
};

struct ParamRef {
  int actor = -1;
  ActorParam param = ActorParam::opening;
  friend bool operator==(const ParamRef&, const ParamRef&) = default;
};

// Rank (Spearman) correlations realised by a Gaussian copula. `normal_correlation` is the
// matrix of the underlying normals, 2 sin(pi rho / 6) elementwise, checked positive definite.
struct Correlations {
  std::vector<ParamRef> params;
  Eigen::MatrixXd rank_correlation;
  Eigen::MatrixXd normal_correlation;
};

enum class Metric { amount, change_pct, month, total };
inline constexpr int kMetricCount = 4;
inline constexpr std::array<Metric, kMetricCount> kAllMetrics = {Metric::amount, Metric::change_pct,
                                                                 Metric::month, Metric::total};
const char* to_string(Metric metric);

struct HistogramSpec {
  std::optional<double> min, max;  // both or neither; automatic range when absent
  int bins = 60;
};

struct Outputs {
  std::vector<Metric> metrics{kAllMetrics.begin(), kAllMetrics.end()};
  std::vector<int> group_by;                          // shock indices
  std::array<HistogramSpec, kMetricCount> histogram;  // indexed by Metric
};

// What actually happened, for backtests; the simulation never reads it.
struct ObservedOutcome {
  int table = -1;
  std::string outcome;  // agreed | extended | no_deal
  std::optional<double> amount;
  std::optional<int> month;  // settlement round index
  std::optional<int> years;
  std::string source;
};

// A named what-if of the file's `variants:` block: settings applied like `--set PATH=VALUE`
// on top of the scenario (`parley compare` runs it beside the baseline). Plain data, so that
// every front end can list a file's variants; sim/io applies them.
struct VariantSetting {
  std::string path;   // dotted path, as for --set: "shocks.us_election_2024.outcomes.trump.p"
  std::string value;  // the value as YAML text (flow style): "1", "{dist: normal, mean: 1, sd: 2}"
};

struct Variant {
  std::string name;  // an identifier other than `baseline`
  std::string description;
  std::vector<VariantSetting> set;  // in file order, at least one
};

struct Scenario {
  std::string name;
  std::string description;
  std::int64_t trials = 100000;
  std::uint64_t seed = 1;
  std::vector<Actor> actors;
  std::vector<Table> tables;
  std::vector<Shock> shocks;  // in declaration order
  std::vector<Link> links;
  Correlations correlations;
  Outputs outputs;
  std::vector<ObservedOutcome> observed;
  // The master switch of v2 look-ahead (`lookahead.enabled`); when false the loader has turned
  // every actor's look-ahead off, so the engine reads only Actor::lookahead.
  bool lookahead_enabled = true;

  bool any_lookahead() const;     // some actor looks ahead
  std::vector<Variant> variants;  // in file order

  int find_actor(std::string_view wanted) const;  // -1 when absent
  int find_table(std::string_view wanted) const;
  int find_shock(std::string_view wanted) const;
  int find_variant(std::string_view wanted) const;
};

}  // namespace parley
