#pragma once
// Helpful words for error messages: "did you mean 'patience'?" and lists of defined names.
//
//   std::string hint = did_you_mean("patiance", {"patience", "power"});  // "; did you mean
//   'patience'?"
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Levenshtein distance between two words (case-sensitive).
int edit_distance(std::string_view a, std::string_view b);

// "; did you mean 'x'?" for the closest candidate within a distance that scales with the word's
// length (1 for words of up to 3 letters, 2 up to 8, else 3); "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c" (or "(none)" when empty).
std::string name_list(const std::vector<std::string>& names);

}  // namespace parley
