#pragma once
// "Number or distribution" values: `1.5`, `{dist: normal, mean: 1, sd: 0.1, truncate: [0, .inf]}`,
// and for amounts also relative spellings: `{relative: baseline, value: 1.04}`, `"+4%"`, `"x5"`.
//
//   std::optional<Distribution> d = read_distribution(read, node, "actors.seoul.beta");
#include <optional>
#include <string>

#include "sim/io/yaml_reader.hpp"
#include "sim/model/distribution.hpp"

namespace parley {

// A plain number (a constant) or a distribution map; nullopt after reporting a mistake.
std::optional<Distribution> read_distribution(Reader& read, const YamlNode& node,
                                              const std::string& path);

// An amount that may be relative to a table's baseline (then `value` is the ratio).
struct AmountValue {
  Distribution value;
  bool relative = false;
};
std::optional<AmountValue> read_amount(Reader& read, const YamlNode& node, const std::string& path);

// Checks that every value `d` can draw lies in `range`; reports "must be > 0, got -1" for
// constants and "must be > 0 over its whole support, but normal(...) can draw values in [..]".
bool check_support(Reader& read, const SourceLocation& where, const std::string& path,
                   const Distribution& d, const Range& range);

// Names of the distribution families accepted after `dist:`.
const std::vector<std::string>& distribution_family_names();

}  // namespace parley
