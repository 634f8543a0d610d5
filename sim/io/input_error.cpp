#include "sim/io/input_error.hpp"

#include <algorithm>
#include <tuple>

namespace parley {
namespace {

std::string joined(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.str();
  }
  return text;
}

}  // namespace

std::string Diagnostic::str() const {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
         ": error: " + message;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(joined(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(SourceLocation where, std::string message)
    : InputError(std::vector<Diagnostic>{Diagnostic{std::move(where), std::move(message)}}) {}

void Diagnostics::error(SourceLocation where, std::string message) {
  found_.push_back(Diagnostic{std::move(where), std::move(message)});
}

void Diagnostics::throw_if_any() {
  if (found_.empty()) return;
  auto key = [](const Diagnostic& d) {
    return std::tie(d.where.file, d.where.line, d.where.column, d.message);
  };
  std::stable_sort(found_.begin(), found_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  found_.erase(
      std::unique(found_.begin(), found_.end(),
                  [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
      found_.end());
  throw InputError(std::move(found_));
}

}  // namespace parley
