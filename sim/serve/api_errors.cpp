#include "sim/serve/api_errors.hpp"

#include "sim/io/override_applier.hpp"

namespace parley::serve {
namespace {

// "actors.seoul.beta: must be > 0" -> "actors.seoul.beta"; "" when the message names no path.
std::string path_of(const std::string& message) {
  const std::size_t colon = message.find(": ");
  if (colon == std::string::npos) return "";
  const std::string head = message.substr(0, colon);
  if (head.empty() || head.find_first_of(" '\"()") != std::string::npos) return "";
  return head;
}

}  // namespace

ApiError input_error(const InputError& e, const std::vector<ScalarOverride>& overrides) {
  nlohmann::json list = nlohmann::json::array();
  for (const Diagnostic& d : e.diagnostics()) {
    std::string field = path_of(d.message);
    if (d.where.file == kOverrideFile && d.where.line >= 1 &&
        d.where.line <= static_cast<int>(overrides.size()))
      field = overrides[static_cast<std::size_t>(d.where.line - 1)].path;
    list.push_back({{"text", d.str()},
                    {"message", d.message},
                    {"field", field},
                    {"file", d.where.file},
                    {"line", d.where.line},
                    {"column", d.where.column}});
  }
  if (list.empty()) list.push_back({{"text", e.what()}, {"message", e.what()}, {"field", ""}});
  return {400, {{"error", list[0]["text"]}, {"field", list[0]["field"]}, {"errors", list}}};
}

ApiError request_error(const RequestError& e) {
  return {e.status(),
          {{"error", e.what()},
           {"field", e.field()},
           {"errors", nlohmann::json::array({{{"text", e.what()}, {"field", e.field()}}})}}};
}

ApiError plain_error(int status, const std::string& message) {
  return {status,
          {{"error", message},
           {"field", ""},
           {"errors", nlohmann::json::array({{{"text", message}, {"field", ""}}})}}};
}

}  // namespace parley::serve
