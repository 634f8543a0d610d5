#pragma once
// Every scalar of a scenario file that `--set PATH=VALUE` can reach, with what the validator
// accepts there: the form a front end (the `parley serve` page) draws for a file.
//
//   for (const ScalarField& f : scalar_fields(yaml, "korea_sma11.yaml"))
//     std::cout << f.path << " = " << f.value << "  " << f.rule.range.str() << "\n";
//
// The rules are noted by the same readers that validate the file (Reader::note), so a range
// shown here is the range the loader checks; the parameters of distribution families, which the
// Distribution factories check, are added from distribution_parameter_rule(). Values outside
// every rule (free text, names of actors) are of kind `text`. Cross-field checks (min <= max,
// a whole support > 0) are not per-field ranges: they surface as errors when the file loads.
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/input_error.hpp"
#include "sim/io/yaml_reader.hpp"

namespace parley {

struct ScalarField {
  std::string path;     // dotted, list items by index: "links.0.weight"
  std::string value;    // the scalar's text as written ("" for an explicit null)
  bool quoted = false;  // written in quotes (a string, never a number)
  SourceLocation where;
  FieldRule rule;
};

// The fields in file order. Throws InputError when the text is not a YAML map; mistakes of the
// scenario itself do not stop it (the rules noted before and after a mistake are kept).
std::vector<ScalarField> scalar_fields(std::string_view yaml, const std::string& file_name);

}  // namespace parley
