// `variants:` -> Scenario::variants (docs/scenario-format.md, "variants"), and the application
// of a variant to the YAML tree before validation, exactly like `--set`.
#include "sim/io/variant_reader.hpp"

#include <algorithm>
#include <array>

#include "sim/io/override_applier.hpp"
#include "sim/io/scenario_draft.hpp"

namespace parley {
namespace {

// Top-level keys a variant may not change: a comparison runs every variant on the baseline's
// trials and seed (common random numbers), and variants do not nest.
constexpr std::array<std::string_view, 4> kFixedKeys = {"scenario", "trials", "seed", "variants"};

std::string first_key(const std::string& path) {
  return path.substr(0, path.find('.'));
}

void read_settings(const YamlNode& node, const std::string& path, Variant& variant, Reader& read) {
  if (!node.is_map() || node.entries.empty()) {
    read.error(node.where, path,
               "expected a map of settings PATH: VALUE (e.g. shocks.covid.p: 0.5), got " +
                   (node.is_map() ? std::string("an empty map") : node.describe()));
    return;
  }
  for (const YamlEntry& e : node.entries) {
    const std::string key_path = join_path(path, e.key);
    const std::string first = first_key(e.key);
    if (std::find(kFixedKeys.begin(), kFixedKeys.end(), first) != kFixedKeys.end()) {
      read.error(e.key_where, key_path,
                 "a variant may not change '" + first +
                     "' (every variant runs on the baseline's trials and seed, and variants "
                     "do not nest)");
      continue;
    }
    variant.set.push_back({e.key, to_flow_yaml(e.value)});
  }
}

// The lines a variant spans in the file: its name and everything below it.
void line_span(const YamlNode& node, int& first, int& last) {
  first = std::min(first, node.where.line);
  last = std::max(last, node.where.line);
  for (const YamlEntry& e : node.entries) {
    last = std::max(last, e.key_where.line);
    line_span(e.value, first, last);
  }
  for (const YamlNode& item : node.items)
    line_span(item, first, last);
}

}  // namespace

void read_variants(const YamlNode& node, ScenarioDraft& draft) {
  Reader& read = draft.read;
  if (!read.map(node, "variants")) return;
  for (const YamlEntry& e : node.entries) {
    const std::string path = join_path("variants", e.key);
    const auto name = read.identifier(e.key_node(), path);
    if (!name) continue;
    if (*name == "baseline") {
      read.error(e.key_where, path,
                 "'baseline' names the scenario as written; choose another variant name");
      continue;
    }
    MapFields fields(read, e.value, path, {"description", "set"});
    if (!fields.ok()) continue;
    Variant variant;
    variant.name = *name;
    if (const YamlNode* d = fields.get("description"))
      variant.description = read.string(*d, fields.path("description")).value_or("");
    if (const YamlNode* set = fields.required("set"))
      read_settings(*set, fields.path("set"), variant, read);
    draft.scenario.variants.push_back(std::move(variant));
  }
}

const YamlEntry* find_variant(const YamlNode& root, std::string_view name) {
  const YamlNode* variants = root.find("variants");
  if (!variants || !variants->is_map()) return nullptr;
  for (const YamlEntry& e : variants->entries)
    if (e.key == name) return &e;
  return nullptr;
}

void apply_variant(YamlNode& root, const YamlEntry& variant, Diagnostics& found) {
  const YamlNode* set = variant.value.find("set");
  if (!set) return;
  for (const YamlEntry& s : set->entries) {
    Diagnostics path_mistakes;
    if (replace_at_path(root, s.key, s.value, s.key_where, path_mistakes)) continue;
    for (const Diagnostic& d : path_mistakes.all())
      found.error(d.where, "variants." + variant.key + ".set." + d.message);
  }
}

void check_variants(const YamlNode& root, const std::string& file,
                    const std::function<void(const YamlNode&, Reader&)>& read_tree,
                    Diagnostics& found) {
  const YamlNode* variants = root.find("variants");
  if (!variants || !variants->is_map()) return;
  for (const YamlEntry& variant : variants->entries) {
    YamlNode copy = root;
    Diagnostics path_mistakes;
    apply_variant(copy, variant, path_mistakes);
    if (!path_mistakes.empty()) {
      for (const Diagnostic& d : path_mistakes.all())
        found.error(d.where, d.message);
      continue;
    }
    Diagnostics mistakes;
    Reader read(mistakes);
    read_tree(copy, read);
    int first = variant.key_where.line, last = variant.key_where.line;
    line_span(variant.value, first, last);
    for (const Diagnostic& d : mistakes.all()) {
      const bool inside = d.where.file == file && d.where.line >= first && d.where.line <= last;
      found.error(inside ? d.where : variant.key_where,
                  "variants." + variant.key + ": " + d.message);
    }
  }
}

}  // namespace parley
