// `links:` -> Scenario::links (precedent between tables, docs/model.md v1.10).
#include "sim/io/scenario_draft.hpp"

namespace parley {

void read_links(const YamlNode& node, ScenarioDraft& draft) {
  Reader& read = draft.read;
  if (!read.list(node, "links")) return;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const std::string path = join_path("links", i);
    MapFields fields(read, node.items[i], path, {"from", "to", "weight"});
    if (!fields.ok()) continue;
    const YamlNode* from = fields.required("from");
    const YamlNode* to = fields.required("to");
    const YamlNode* weight = fields.required("weight");
    Link link;
    link.from = from ? draft.table(*from, fields.path("from")) : -1;
    link.to = to ? draft.table(*to, fields.path("to")) : -1;
    const auto w =
        weight ? read.number(*weight, fields.path("weight"), Range::closed(0, 1)) : std::nullopt;
    if (link.from >= 0 && link.from == link.to) {
      read.error(to->where, fields.path("to"),
                 "a link joins two different tables, got '" + to->text + "' twice");
      continue;
    }
    if (link.from < 0 || link.to < 0 || !w) continue;
    link.weight = *w;
    draft.scenario.links.push_back(link);
  }
}

}  // namespace parley
