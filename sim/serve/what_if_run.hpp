#pragma once
// One update of the page: the scenario with the request's overrides and variant, run with the
// request's seed and trials, beside the unchanged file run with the same seed and trials.
// Random numbers are addressed by (seed, trial, purpose), so both runs share their trial
// streams (common random numbers): what moves is what the change moved. The baseline of a
// (file text, seed, trials) is computed once and kept.
//
//   WhatIfRunner runner(folder, /*threads=*/0);
//   std::optional<WhatIf> w = runner.run(request, [&] { return still_current(); });
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "analysis/statistics/run_scenario.hpp"
#include "sim/serve/run_request.hpp"
#include "sim/serve/scenario_folder.hpp"

namespace parley::serve {

struct WhatIf {
  ScenarioFile file;
  std::shared_ptr<const RunResult> what_if;
  std::shared_ptr<const RunResult> baseline;
};

class WhatIfRunner {
 public:
  WhatIfRunner(const ScenarioFolder& folder, int threads) : folder_(folder), threads_(threads) {}

  // The file of a served scenario; RequestError 404 when there is none of that name.
  ScenarioFile file(const std::string& name) const;

  // Both runs; nullopt when keep_going() turned false (a newer request superseded this one).
  // Throws InputError for mistakes in the overrides or variant (the CLI's words and places),
  // RequestError for an unknown scenario (404) or group (400).
  std::optional<WhatIf> run(const RunRequest& request,
                            const std::function<bool()>& keep_going) const;

  // The what-if run alone (downloads), same errors.
  RunResult run_what_if(const RunRequest& request, const ScenarioFile& file) const;

 private:
  Scenario load(const RunRequest& request, const ScenarioFile& file, const std::string& text,
                bool with_changes) const;
  std::shared_ptr<const RunResult> baseline(const RunRequest& request, const ScenarioFile& file,
                                            const std::string& text,
                                            const std::function<bool()>& keep_going) const;

  const ScenarioFolder& folder_;
  int threads_ = 0;
  // Most recently used first; a handful of entries (each holds a run's fine histograms).
  static constexpr std::size_t kBaselinesKept = 8;
  struct CachedBaseline {
    std::string key;
    std::shared_ptr<const RunResult> result;
  };
  mutable std::mutex mutex_;
  mutable std::list<CachedBaseline> baselines_;
};

}  // namespace parley::serve
