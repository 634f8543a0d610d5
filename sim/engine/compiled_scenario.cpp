#include "sim/engine/compiled_scenario.hpp"

#include <Eigen/Cholesky>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/engine/random_stream.hpp"

namespace parley {
namespace {

// Numbers a new stream of purpose `purpose`.
int add_stream(CompiledScenario& c, const std::string& purpose) {
  c.stream_purposes.push_back(purpose_id(purpose));
  return static_cast<int>(c.stream_purposes.size()) - 1;
}

std::vector<CompiledEffect> compile_effects(CompiledScenario& c, const std::vector<Effect>& effects,
                                            const std::string& prefix) {
  std::vector<CompiledEffect> out;
  for (std::size_t k = 0; k < effects.size(); ++k) {
    const int number = add_stream(c, prefix + "/effect/" + std::to_string(k));
    CompiledEffect& e = out.emplace_back(CompiledEffect{&effects[k], number});
    if (effects[k].value.holds<family::Constant>()) {
      e.fixed = true;  // its draw reads no word and is its value (never truncated or clamped)
      e.fixed_value = effects[k].value.support_lower();
    }
  }
  return out;
}

// The lower Cholesky factor of the copula's correlation matrix, and each copula parameter in its
// actor's list.
void compile_copula(CompiledScenario& c) {
  const Correlations& corr = c.scenario.correlations;
  const int n = static_cast<int>(corr.params.size());
  c.copula_size = n;
  if (n == 0) return;
  if (corr.normal_correlation.rows() != n || corr.normal_correlation.cols() != n) {
    throw std::invalid_argument("correlation matrix size does not match its parameter list");
  }
  Eigen::LLT<Eigen::MatrixXd> llt(corr.normal_correlation);
  if (llt.info() != Eigen::Success) {
    throw std::invalid_argument("correlation matrix is not positive definite");
  }
  const Eigen::MatrixXd lower = llt.matrixL();
  c.copula_factor.assign(static_cast<std::size_t>(n * n), 0.0);
  for (int r = 0; r < n; ++r) {
    for (int k = 0; k <= r; ++k)
      c.copula_factor[r * n + k] = lower(r, k);
  }
  for (int k = 0; k < n; ++k) {
    const ParamRef& ref = corr.params[k];
    c.actors.at(ref.actor).copula.push_back({static_cast<int>(ref.param), k});
  }
}

// What a trial draws of an actor outside the copula: constants copied whole, random parameters
// from the compiled list.
void compile_actor_draws(CompiledActor& ca, const Actor& actor) {
  for (int p = 0; p < kActorParamCount; ++p) {
    const Distribution& d = actor.params[p];
    const auto in_copula = [&](const CompiledActor::CopulaParam& c) { return c.param == p; };
    if (std::any_of(ca.copula.begin(), ca.copula.end(), in_copula)) continue;
    if (d.is_constant()) {
      ca.constants[p] = d.support_lower();
    } else {
      ca.random.push_back({p, ca.stream[p], d.usual_words() > kWordsPerBlock ? 2 : 1, &d,
                           d.is_plain_uniform(), d.support_lower(), d.support_upper()});
    }
  }
}

CompiledShock compile_shock(CompiledScenario& c, const Shock& shock) {
  CompiledShock cs;
  cs.draw_stream = add_stream(c, "shock/" + shock.name + "/draw");
  cs.log_no_hazard = std::log1p(-shock.hazard);
  if (shock.timing == ShockTiming::hazard) {
    const int span = shock.window_first.months_until(shock.window_last) + 1;
    cs.hazard_miss_below = std::exp(span * cs.log_no_hazard) * (1 - 1e-9);
  }
  if (shock.p < 1 || shock.timing != ShockTiming::at) {
    cs.first_block = 0;  // word 0 or 1
  } else if (shock.outcomes.size() > 1) {
    cs.first_block = 2 / kWordsPerBlock;  // word 2 only
  }
  double running = 0;
  for (const ShockOutcome& o : shock.outcomes) {
    running += o.p;
    cs.cumulative_p.push_back(running);
    cs.effects.push_back(compile_effects(c, o.effects, "shock/" + shock.name + "/" + o.name));
  }
  return cs;
}

CompiledTable compile_table(CompiledScenario& c, const Table& table) {
  CompiledTable ct;
  ct.opens = table.opens.index();
  ct.deadline = table.deadline.index();
  ct.horizon = table.horizon.index();
  const std::string prefix = "table/" + table.name;
  ct.stall_stream = add_stream(c, prefix + "/stall");
  ct.noise_stream = add_stream(c, prefix + "/noise");
  ct.extend_stream = add_stream(c, prefix + "/extend");
  ct.escalation_stream = add_stream(c, prefix + "/escalation");
  ct.lapse_effects = compile_effects(c, table.on_deadline.lapse_effects, prefix + "/lapse");
  ct.escalation_two_blocks =
      table.years - 1 > kWordsPerBlock && table.escalation.rate.usual_words() == 1;
  return ct;
}

}  // namespace

CompiledScenario::CompiledScenario(const Scenario& s) : scenario(s), lookahead(scenario) {
  static std::atomic<std::uint64_t> last_serial{0};
  serial = ++last_serial;
  const Scenario& sc = scenario;
  for (const Actor& actor : sc.actors) {
    CompiledActor& a = actors.emplace_back();
    for (ActorParam p : kAllActorParams)
      a.stream[param_index(p)] = add_stream(*this, "actor/" + actor.name + "/" + to_string(p));
  }
  compile_copula(*this);
  for (std::size_t a = 0; a < actors.size(); ++a)
    compile_actor_draws(actors[a], sc.actors[a]);
  for (const Shock& shock : sc.shocks)
    shocks.push_back(compile_shock(*this, shock));
  for (const Table& table : sc.tables)
    tables.push_back(compile_table(*this, table));
  for (std::size_t l = 0; l < sc.links.size(); ++l)
    tables.at(sc.links[l].from).links_out.push_back(static_cast<int>(l));
}

}  // namespace parley
