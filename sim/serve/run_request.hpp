#pragma once
// One what-if as the page asks for it: a scenario, `--set` overrides, a variant, the group to
// condition on, seed and trials, and who asked (for cancelling superseded runs). Read from the
// JSON body of POST /api/run or from the query of a download link; every mistake is a
// RequestError (HTTP 400 or 413) naming the field.
//
//   RunRequest r = RunRequest::from_json(body, limits);      // {"scenario": "korea_sma11", ...}
//   RunRequest d = RunRequest::from_query(params, limits);   // ?set=a.b%3D1&seed=7
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/io/scenario_loader.hpp"

namespace parley::serve {

struct RequestLimits {
  std::int64_t max_trials = 1'000'000;
  std::int64_t default_trials = 100'000;
  std::size_t max_overrides = 256;
};

class RequestError : public std::runtime_error {
 public:
  RequestError(int status, std::string field, const std::string& message)
      : std::runtime_error(message), status_(status), field_(std::move(field)) {}
  int status() const { return status_; }
  const std::string& field() const { return field_; }

 private:
  int status_;
  std::string field_;
};

struct RunRequest {
  std::string scenario;                   // a file stem of the served folder
  std::vector<ScalarOverride> overrides;  // "PATH=VALUE" as given to --set
  std::string variant;                    // one of the file's `variants:`, "" for none
  std::string group = "all";              // a group label: "all" or "SHOCK=OUTCOME"
  std::optional<std::uint64_t> seed;      // default: the scenario's
  std::int64_t trials = 0;                // in [1, max_trials]
  std::string session;                    // the page that asked ("" for none)
  std::int64_t sequence = 0;              // its request counter: a larger one supersedes

  static RunRequest from_json(const std::string& body, const RequestLimits& limits);
  // Keys: scenario, set (repeated), variant, group, seed, trials.
  static RunRequest from_query(const std::multimap<std::string, std::string>& params,
                               const RequestLimits& limits);
};

}  // namespace parley::serve
