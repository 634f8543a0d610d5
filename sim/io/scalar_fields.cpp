#include "sim/io/scalar_fields.hpp"

#include "sim/io/scenario_draft.hpp"
#include "sim/io/yaml_tree.hpp"
#include "sim/model/families/family_list.hpp"

namespace parley {
namespace {

// The single-parameter checks of the distribution factories (FamilyParam::minimum in the family
// list), for the keys of a `dist:` map and the items of its lists; the relations between
// parameters (min <= mode <= max) are not per-field ranges.
std::optional<Range> distribution_parameter_range(std::string_view key, bool list_item) {
  for (const NamedFamily& family : named_families()) {
    for (const FamilyParam& param : family.params) {
      if (param.name != key || param.is_list != list_item || !param.has_minimum()) continue;
      return param.minimum_excluded ? Range::above(param.minimum) : Range::at_least(param.minimum);
    }
  }
  return std::nullopt;
}

std::string_view last_key(const std::string& path) {
  return std::string_view(path).substr(path.rfind('.') + 1);
}

// `list_key`: the key of the list the node is an item of ("weights"), empty outside lists.
void collect(const YamlNode& node, const std::string& path, const YamlNode* parent_map,
             std::string_view list_key, const FieldRules& rules, std::vector<ScalarField>& fields) {
  if (node.is_map()) {
    for (const YamlEntry& e : node.entries)
      collect(e.value, join_path(path, e.key), &node, {}, rules, fields);
    return;
  }
  if (node.is_sequence()) {
    // The items of a distribution's `weights` list are weights too.
    const std::string_view key = list_key.empty() ? last_key(path) : list_key;
    for (std::size_t i = 0; i < node.items.size(); ++i)
      collect(node.items[i], join_path(path, i), parent_map, key, rules, fields);
    return;
  }
  ScalarField field{path, node.text, node.is_scalar() && !node.plain, node.where, {}};
  if (const auto rule = rules.find(path); rule != rules.end()) field.rule = rule->second;
  // A quoted scalar is text ("+2%", a relative amount), whatever the value it stands for.
  if (field.quoted && field.rule.kind == FieldRule::Kind::number) field.rule = {};
  if (parent_map && parent_map->find("dist")) {
    const bool list_item = !list_key.empty();
    if (auto range = distribution_parameter_range(list_item ? list_key : last_key(path), list_item))
      field.rule = {FieldRule::Kind::number, *range, {}};
  }
  fields.push_back(std::move(field));
}

}  // namespace

std::vector<ScalarField> scalar_fields(std::string_view yaml, const std::string& file_name) {
  Diagnostics found;
  std::optional<YamlNode> root = parse_yaml(yaml, {file_name, 1, 1}, found);
  if (!root || !root->is_map()) {
    found.throw_if_any();
    throw InputError({file_name, 0, 0}, "expected a map of scenario keys, got " +
                                            (root ? root->describe() : std::string("nothing")));
  }
  FieldRules rules;
  Diagnostics ignored;  // the loader reports the file's mistakes; here only the rules matter
  Reader read(ignored, &rules);
  read_scenario(*root, read);
  std::vector<ScalarField> fields;
  collect(*root, "", nullptr, {}, rules, fields);
  return fields;
}

}  // namespace parley
