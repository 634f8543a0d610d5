#pragma once
// A small owned YAML tree with source locations, built from yaml-cpp's event parser so that
// hostile input is bounded before anything walks it: no anchors or aliases (no "billion laughs"),
// nesting at most kMaxYamlDepth, at most kMaxYamlNodes values, files up to kMaxYamlBytes, UTF-8.
//
//   Diagnostics found;
//   std::optional<YamlNode> root = parse_yaml(text, {"bad.yaml", 1, 1}, found);
//   if (root && root->is_map()) { for (const YamlEntry& e : root->entries) ... }
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/input_error.hpp"

namespace parley {

inline constexpr std::size_t kMaxYamlBytes = 16u << 20;
inline constexpr int kMaxYamlDepth = 64;
inline constexpr std::size_t kMaxYamlNodes = 200'000;

struct YamlEntry;

struct YamlNode {
  enum class Kind { null, scalar, map, sequence };
  Kind kind = Kind::null;
  std::string text;    // scalar text
  bool plain = false;  // an unquoted, untagged scalar (only those can be numbers or booleans)
  SourceLocation where;
  std::vector<YamlEntry> entries;  // map, in file order (keys are unique)
  std::vector<YamlNode> items;     // sequence

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::map; }
  bool is_sequence() const { return kind == Kind::sequence; }
  // The value under `key` of a map, or nullptr.
  const YamlNode* find(std::string_view key) const;
  YamlNode* find(std::string_view key);
  // "a map", "a list", "nothing", or the quoted scalar text (shortened), for messages.
  std::string describe() const;
};

struct YamlEntry {
  std::string key;
  SourceLocation key_where;
  YamlNode value;
  // The key as a scalar node, to read names with the usual checks.
  YamlNode key_node() const;
};

// Parses one YAML document. Marks are shifted so that the text's first character is at `origin`
// (line and column 1-based). Mistakes go to `found`; returns nullopt when nothing usable was
// read. An empty text or a document with no content gives a null node.
std::optional<YamlNode> parse_yaml(std::string_view text, const SourceLocation& origin,
                                   Diagnostics& found);

// The node as one line of flow-style YAML that parse_yaml reads back as the same tree (quoted
// scalars stay quoted, so a quoted "5" stays a string): `{dist: normal, mean: 1, sd: 0.1}`.
std::string to_flow_yaml(const YamlNode& node);

// Checks that `text` is UTF-8 without control characters other than tab, CR and LF; returns
// false after reporting the first offending byte.
bool check_utf8_text(std::string_view text, const SourceLocation& origin, Diagnostics& found);

}  // namespace parley
