#include "sim/io/override_applier.hpp"

#include "sim/io/suggestions.hpp"

namespace parley {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> keys;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    keys.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) return keys;
    start = dot + 1;
  }
}

// What can follow `node` in a path, for the error message.
std::string available(const YamlNode& node) {
  if (node.is_map()) {
    std::vector<std::string> keys;
    for (const YamlEntry& e : node.entries)
      keys.push_back(e.key);
    return "keys there: " + name_list(keys);
  }
  if (node.is_sequence()) {
    return node.items.empty() ? "the list there is empty"
                              : "list indices there: 0.." + std::to_string(node.items.size() - 1);
  }
  return "it holds the value " + node.describe() + ", not a map or list";
}

// The node at `keys`, or nullptr after reporting the first step that does not exist.
YamlNode* find_target(YamlNode& root, const std::vector<std::string>& keys, const std::string& path,
                      const SourceLocation& where, Diagnostics& found) {
  YamlNode* node = &root;
  std::string walked;
  for (const std::string& key : keys) {
    YamlNode* next = nullptr;
    if (node->is_map()) {
      next = node->find(key);
    } else if (node->is_sequence() && !key.empty() &&
               key.find_first_not_of("0123456789") == std::string::npos && key.size() < 10) {
      const std::size_t index = std::stoul(key);
      if (index < node->items.size()) next = &node->items[index];
    }
    if (!next) {
      std::string hint;
      if (node->is_map()) {
        std::vector<std::string> keys_there;
        for (const YamlEntry& e : node->entries)
          keys_there.push_back(e.key);
        hint = did_you_mean(key, keys_there);
      }
      found.error(where,
                  path + ": no '" + key + "' in " +
                      (walked.empty() ? std::string("the file's top level") : "'" + walked + "'") +
                      hint + " (" + available(*node) + ")");
      return nullptr;
    }
    walked += (walked.empty() ? "" : ".") + key;
    node = next;
  }
  return node;
}

// The master switch of look-ahead may be set for every file (a v1 file has no `lookahead` block,
// and the backtest compares v1 and v2 of the same file with `--set lookahead.enabled=false`):
// the block and its key are created, empty, when absent; the value is then read as usual.
void make_room_for_master_switch(YamlNode& root, const std::string& path,
                                 const SourceLocation& where) {
  if (path != "lookahead.enabled" || !root.is_map()) return;
  YamlNode* block = root.find("lookahead");
  if (!block) {
    root.entries.push_back(YamlEntry{"lookahead", where, YamlNode{}});
    block = &root.entries.back().value;
  }
  if (block->is_null()) {
    block->kind = YamlNode::Kind::map;
    block->where = where;
  }
  if (block->is_map() && !block->find("enabled"))
    block->entries.push_back(YamlEntry{"enabled", where, YamlNode{}});
}

// The node at the dotted `path`, or nullptr after reporting why there is none.
YamlNode* node_at_path(YamlNode& root, const std::string& path, const SourceLocation& path_where,
                       Diagnostics& found) {
  const std::vector<std::string> keys = split_path(path);
  if (std::find(keys.begin(), keys.end(), std::string()) != keys.end()) {
    found.error(path_where, "'" + path + "': expected a dotted path like actors.seoul.beta");
    return nullptr;
  }
  if (!check_utf8_text(path, path_where, found)) return nullptr;
  make_room_for_master_switch(root, path, path_where);
  return find_target(root, keys, path, path_where, found);
}

}  // namespace

bool replace_at_path(YamlNode& root, const std::string& path, YamlNode value,
                     const SourceLocation& path_where, Diagnostics& found) {
  YamlNode* target = node_at_path(root, path, path_where, found);
  if (!target) return false;
  *target = std::move(value);
  return true;
}

void apply_overrides(YamlNode& root, const std::vector<ScalarOverride>& overrides,
                     Diagnostics& found) {
  for (std::size_t k = 0; k < overrides.size(); ++k) {
    const ScalarOverride& o = overrides[k];
    const int line = static_cast<int>(k + 1);
    YamlNode* target = node_at_path(root, o.path, {kOverrideFile, line, 1}, found);
    if (!target) continue;
    const SourceLocation value_where{kOverrideFile, line, static_cast<int>(o.path.size()) + 2};
    Diagnostics value_mistakes;
    std::optional<YamlNode> value = parse_yaml(o.value, value_where, value_mistakes);
    for (const Diagnostic& d : value_mistakes.all())
      found.error(d.where, o.path + ": " + d.message);
    if (!value) continue;
    value->where = value->is_null() ? value_where : value->where;
    *target = std::move(*value);
  }
}

}  // namespace parley
