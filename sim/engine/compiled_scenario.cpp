#include "sim/engine/compiled_scenario.hpp"

#include <Eigen/Cholesky>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/engine/random_stream.hpp"

namespace parley {

CompiledScenario::CompiledScenario(const Scenario& s) : scenario(s) {
  static std::atomic<std::uint64_t> last_serial{0};
  serial = ++last_serial;
  const Scenario& sc = scenario;
  const auto stream = [&](const std::string& purpose) {
    stream_purposes.push_back(purpose_id(purpose));
    return static_cast<int>(stream_purposes.size()) - 1;
  };
  const auto compile_effects = [&](const std::vector<Effect>& effects, const std::string& prefix) {
    std::vector<CompiledEffect> out;
    for (std::size_t k = 0; k < effects.size(); ++k) {
      const int number = stream(prefix + "/effect/" + std::to_string(k));
      CompiledEffect& e = out.emplace_back(CompiledEffect{&effects[k], number});
      if (effects[k].value.family() == DistributionFamily::constant) {
        e.fixed = true;  // its draw reads no word and is its value (never truncated or clamped)
        e.fixed_value = effects[k].value.support_lower();
      }
    }
    return out;
  };
  for (const Actor& actor : sc.actors) {
    CompiledActor a;
    for (ActorParam p : kAllActorParams) {
      const int i = static_cast<int>(p);
      a.stream[i] = stream("actor/" + actor.name + "/" + to_string(p));
    }
    actors.push_back(a);
  }

  const Correlations& corr = sc.correlations;
  copula_size = static_cast<int>(corr.params.size());
  if (copula_size > 0) {
    if (corr.normal_correlation.rows() != copula_size ||
        corr.normal_correlation.cols() != copula_size) {
      throw std::invalid_argument("correlation matrix size does not match its parameter list");
    }
    Eigen::LLT<Eigen::MatrixXd> llt(corr.normal_correlation);
    if (llt.info() != Eigen::Success) {
      throw std::invalid_argument("correlation matrix is not positive definite");
    }
    const Eigen::MatrixXd lower = llt.matrixL();
    copula_factor.assign(static_cast<std::size_t>(copula_size * copula_size), 0.0);
    for (int r = 0; r < copula_size; ++r) {
      for (int c = 0; c <= r; ++c)
        copula_factor[r * copula_size + c] = lower(r, c);
    }
    for (int k = 0; k < copula_size; ++k) {
      const ParamRef& ref = corr.params[k];
      actors.at(ref.actor).copula.push_back({static_cast<int>(ref.param), k});
    }
  }
  for (std::size_t a = 0; a < actors.size(); ++a) {
    CompiledActor& ca = actors[a];
    for (int p = 0; p < kActorParamCount; ++p) {
      const Distribution& d = sc.actors[a].params[p];
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

  for (const Shock& shock : sc.shocks) {
    CompiledShock c;
    c.draw_stream = stream("shock/" + shock.name + "/draw");
    c.log_no_hazard = std::log1p(-shock.hazard);
    if (shock.timing == ShockTiming::hazard) {
      const int span = shock.window_first.months_until(shock.window_last) + 1;
      c.hazard_miss_below = std::exp(span * c.log_no_hazard) * (1 - 1e-9);
    }
    if (shock.p < 1 || shock.timing != ShockTiming::at) {
      c.first_block = 0;  // word 0 or 1
    } else if (shock.outcomes.size() > 1) {
      c.first_block = 2 / kWordsPerBlock;  // word 2 only
    }
    double running = 0;
    for (const ShockOutcome& o : shock.outcomes) {
      running += o.p;
      c.cumulative_p.push_back(running);
      c.effects.push_back(compile_effects(o.effects, "shock/" + shock.name + "/" + o.name));
    }
    shocks.push_back(std::move(c));
  }

  for (const Table& table : sc.tables) {
    CompiledTable c;
    c.opens = table.opens.index();
    c.deadline = table.deadline.index();
    c.horizon = table.horizon.index();
    const std::string prefix = "table/" + table.name;
    c.stall_stream = stream(prefix + "/stall");
    c.noise_stream = stream(prefix + "/noise");
    c.extend_stream = stream(prefix + "/extend");
    c.escalation_stream = stream(prefix + "/escalation");
    c.lapse_effects = compile_effects(table.on_deadline.lapse_effects, prefix + "/lapse");
    c.escalation_two_blocks =
        table.years - 1 > kWordsPerBlock && table.escalation.rate.usual_words() == 1;
    tables.push_back(std::move(c));
  }
  for (std::size_t l = 0; l < sc.links.size(); ++l) {
    tables.at(sc.links[l].from).links_out.push_back(static_cast<int>(l));
  }
}

}  // namespace parley
