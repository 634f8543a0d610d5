#include "sim/serve/run_request.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "sim/io/input_error.hpp"
#include "sim/serve/scenario_folder.hpp"

namespace parley::serve {
namespace {

using nlohmann::json;

[[noreturn]] void reject(const std::string& field, const std::string& message) {
  throw RequestError(400, field, field + ": " + message);
}

ScalarOverride override_of(const std::string& text) {
  try {
    return parse_override(text);
  } catch (const InputError& e) {
    reject("set", e.diagnostics().front().message);
  }
}

std::string checked_name(const std::string& field, const std::string& name) {
  const bool ok = !name.empty() && name.size() <= 128 &&
                  name.find_first_not_of(
                      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                      "0123456789_-=.") == std::string::npos;
  if (!ok)
    reject(field, "expected a name of letters, digits, '_', '-', '=' and '.', got '" +
                      name.substr(0, 64) + "'");
  return name;
}

std::int64_t checked_trials(std::int64_t trials, const RequestLimits& limits) {
  if (trials < 1 || trials > limits.max_trials)
    reject("trials", "must be an integer in [1, " + std::to_string(limits.max_trials) +
                         "] (the server's --max-trials), got " + std::to_string(trials));
  return trials;
}

template <typename Int>
Int integer_text(const std::string& field, const std::string& text) {
  Int value = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || failure != std::errc() || end != text.data() + text.size())
    reject(field, "expected an integer, got '" + text.substr(0, 64) + "'");
  return value;
}

void check_counts(const RunRequest& r, const RequestLimits& limits) {
  if (r.overrides.size() > limits.max_overrides)
    reject("set", "at most " + std::to_string(limits.max_overrides) + " overrides per request");
  if (!ScenarioFolder::is_scenario_name(r.scenario))
    reject("scenario", "expected the name of a scenario file (letters, digits, '_', '-')");
}

std::vector<std::string> string_list(const json& body, const char* key) {
  std::vector<std::string> out;
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array())
    reject(key, "expected a list of strings, got " + std::string(it->type_name()));
  for (const json& item : *it) {
    if (!item.is_string())
      reject(key,
             "expected a list of strings, got a list holding " + std::string(item.type_name()));
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

RunRequest RunRequest::from_json(const std::string& body, const RequestLimits& limits) {
  json j;
  try {
    j = json::parse(body);
  } catch (const json::parse_error& e) {
    throw RequestError(400, "", std::string("malformed JSON: ") + e.what());
  }
  if (!j.is_object()) reject("body", "expected a JSON object, got " + std::string(j.type_name()));
  static const std::vector<std::string> known = {"scenario", "set",    "variant", "group",
                                                 "seed",     "trials", "session", "sequence"};
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end())
      reject(key.substr(0, 64),
             "unknown key (expected one of scenario, set, variant, group, "
             "seed, trials, session, sequence)");
  }
  RunRequest r;
  const auto string_field = [&](const char* key, std::string& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string()) reject(key, "expected a string, got " + std::string(it->type_name()));
    out = it->get<std::string>();
  };
  string_field("scenario", r.scenario);
  string_field("group", r.group);
  string_field("session", r.session);
  string_field("variant", r.variant);
  for (const std::string& s : string_list(j, "set"))
    r.overrides.push_back(override_of(s));
  // A seed may exceed 2^53, past which JavaScript numbers lose digits: a string of digits too.
  if (const auto it = j.find("seed"); it != j.end() && !it->is_null()) {
    if (it->is_string())
      r.seed = integer_text<std::uint64_t>("seed", it->get<std::string>());
    else if (it->is_number_unsigned())
      r.seed = it->get<std::uint64_t>();
    else
      reject("seed", "expected an integer in [0, 2^64-1]");
  }
  r.trials = limits.default_trials;
  if (const auto it = j.find("trials"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer()) reject("trials", "expected an integer");
    r.trials = it->get<std::int64_t>();
  }
  if (const auto it = j.find("sequence"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer()) reject("sequence", "expected an integer");
    r.sequence = it->get<std::int64_t>();
  }
  r.trials = checked_trials(r.trials, limits);
  if (!r.session.empty()) checked_name("session", r.session);
  if (!r.variant.empty()) checked_name("variant", r.variant);
  checked_name("group", r.group);
  check_counts(r, limits);
  return r;
}

RunRequest RunRequest::from_query(const std::multimap<std::string, std::string>& params,
                                  const RequestLimits& limits) {
  RunRequest r;
  r.trials = limits.default_trials;
  for (const auto& [key, value] : params) {
    if (key == "scenario") {
      r.scenario = value;
    } else if (key == "set") {
      r.overrides.push_back(override_of(value));
    } else if (key == "variant") {
      r.variant = value;
    } else if (key == "group") {
      r.group = checked_name("group", value);
    } else if (key == "seed") {
      r.seed = integer_text<std::uint64_t>("seed", value);
    } else if (key == "trials") {
      r.trials = integer_text<std::int64_t>("trials", value);
    } else {
      reject(key.substr(0, 64),
             "unknown parameter (expected scenario, set, variant, group, seed, trials)");
    }
  }
  r.trials = checked_trials(r.trials, limits);
  if (!r.variant.empty()) checked_name("variant", r.variant);
  check_counts(r, limits);
  return r;
}

}  // namespace parley::serve
