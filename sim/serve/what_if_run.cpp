#include "sim/serve/what_if_run.hpp"

#include "analysis/results/file_digest.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::serve {

ScenarioFile WhatIfRunner::file(const std::string& name) const {
  std::optional<ScenarioFile> f = folder_.find(name);
  if (!f) throw RequestError(404, "scenario", "scenario: no scenario '" + name + "' is served");
  return *f;
}

Scenario WhatIfRunner::load(const RunRequest& request, const ScenarioFile& file,
                            const std::string& text, bool with_changes) const {
  if (!with_changes) return load_scenario_text(text, file.display_path);
  if (request.variant.empty())
    return load_scenario_text(text, file.display_path, request.overrides);
  return load_variant_text(text, file.display_path, request.variant, request.overrides);
}

std::shared_ptr<const RunResult> WhatIfRunner::baseline(
    const RunRequest& request, const ScenarioFile& file, const std::string& text,
    const std::function<bool()>& keep_going) const {
  const Scenario scenario = load(request, file, text, /*with_changes=*/false);
  const std::uint64_t seed = request.seed.value_or(scenario.seed);
  const std::string key = file.name + "\n" + sha256_hex(text) + "\n" + std::to_string(seed) + "\n" +
                          std::to_string(request.trials);
  {
    const std::lock_guard lock(mutex_);
    for (auto it = baselines_.begin(); it != baselines_.end(); ++it) {
      if (it->key != key) continue;
      baselines_.splice(baselines_.begin(), baselines_, it);
      return it->result;
    }
  }
  RunOptions options;
  options.trials = request.trials;
  options.seed = seed;
  options.threads = threads_;
  options.keep_going = keep_going;
  auto result = std::make_shared<const RunResult>(run_scenario(scenario, options));
  if (result->interrupted) return nullptr;
  const std::lock_guard lock(mutex_);
  baselines_.push_front({key, result});
  if (baselines_.size() > kBaselinesKept) baselines_.pop_back();
  return result;
}

std::optional<WhatIf> WhatIfRunner::run(const RunRequest& request,
                                        const std::function<bool()>& keep_going) const {
  const ScenarioFile f = file(request.scenario);
  const std::string text = read_scenario_text(f.path.string());
  const Scenario scenario = load(request, f, text, /*with_changes=*/true);
  if (GroupLayout::for_scenario(scenario).find(request.group) < 0)
    throw RequestError(400, "group",
                       "group: no group '" + request.group + "' in scenario '" + f.name + "'");
  RunOptions options;
  options.trials = request.trials;
  options.seed = request.seed;
  options.threads = threads_;
  options.keep_going = keep_going;
  auto what_if = std::make_shared<const RunResult>(run_scenario(scenario, options));
  if (what_if->interrupted) return std::nullopt;
  auto base = baseline(request, f, text, keep_going);
  if (!base) return std::nullopt;
  return WhatIf{f, std::move(what_if), std::move(base)};
}

RunResult WhatIfRunner::run_what_if(const RunRequest& request, const ScenarioFile& f) const {
  const std::string text = read_scenario_text(f.path.string());
  RunOptions options;
  options.trials = request.trials;
  options.seed = request.seed;
  options.threads = threads_;
  return run_scenario(load(request, f, text, /*with_changes=*/true), options);
}

}  // namespace parley::serve
