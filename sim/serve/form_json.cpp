#include "sim/serve/form_json.hpp"

#include <cmath>

#include "analysis/statistics/group_layout.hpp"
#include "sim/io/input_error.hpp"
#include "sim/io/scalar_fields.hpp"
#include "sim/io/scenario_loader.hpp"

namespace parley::serve {
namespace {

using nlohmann::json;

const char* kind_name(FieldRule::Kind kind) {
  switch (kind) {
    case FieldRule::Kind::number:
      return "number";
    case FieldRule::Kind::integer:
      return "integer";
    case FieldRule::Kind::month:
      return "month";
    case FieldRule::Kind::boolean:
      return "boolean";
    case FieldRule::Kind::choice:
      return "choice";
    case FieldRule::Kind::text:
      break;
  }
  return "text";
}

bool is_form_field(const std::string& path) {
  const std::string top = path.substr(0, path.find('.'));
  return top != "scenario" && top != "trials" && top != "seed" && top != "variants";
}

json field_json(const ScalarField& f) {
  json j = {{"path", f.path},       {"value", f.value},
            {"quoted", f.quoted},   {"kind", kind_name(f.rule.kind)},
            {"line", f.where.line}, {"section", f.path.substr(0, f.path.find('.'))}};
  const Range& r = f.rule.range;
  j["min"] = std::isfinite(r.lo) ? json(r.lo) : json(nullptr);
  j["max"] = std::isfinite(r.hi) ? json(r.hi) : json(nullptr);
  j["min_open"] = r.lo_open;
  j["max_open"] = r.hi_open;
  if (f.rule.kind == FieldRule::Kind::choice) j["options"] = f.rule.options;
  return j;
}

json errors_json(const InputError& e) {
  json list = json::array();
  for (const Diagnostic& d : e.diagnostics())
    list.push_back({{"text", d.str()}, {"message", d.message}, {"line", d.where.line}});
  return list;
}

json scenario_parts(const Scenario& s) {
  json tables = json::array(), actors = json::array(), shocks = json::array(),
       variants = json::array(), groups = json::array();
  for (const Table& t : s.tables) {
    tables.push_back({{"name", t.name},
                      {"currency", t.currency},
                      {"baseline", t.baseline},
                      {"demander", s.actors.at(t.demander).name},
                      {"payer", s.actors.at(t.payer).name},
                      {"protocol", to_string(t.protocol)},
                      {"opens", t.opens.str()},
                      {"deadline", t.deadline.str()},
                      {"horizon", t.horizon.str()}});
  }
  for (const Actor& a : s.actors) {
    json params = json::object();
    for (ActorParam p : kAllActorParams)
      params[to_string(p)] = a.param(p).describe();
    actors.push_back({{"name", a.name}, {"role", to_string(a.role)}, {"params", params}});
  }
  for (const Shock& shock : s.shocks) {
    json outcomes = json::array();
    for (const ShockOutcome& o : shock.outcomes)
      outcomes.push_back({{"name", o.name}, {"p", o.p}});
    shocks.push_back({{"name", shock.name}, {"p", shock.p}, {"outcomes", outcomes}});
  }

  for (const Variant& v : s.variants) {
    json set = json::array();
    for (const VariantSetting& setting : v.set)
      set.push_back({{"path", setting.path}, {"value", setting.value}});
    variants.push_back({{"name", v.name}, {"description", v.description}, {"set", set}});
  }
  const GroupLayout layout = GroupLayout::for_scenario(s);
  for (int g = 0; g < layout.size(); ++g) {
    const std::string& label = layout.label(g);
    const std::size_t equals = label.find('=');
    json group = {{"label", label}};
    if (equals != std::string::npos) {
      group["shock"] = label.substr(0, equals);
      group["outcome"] = label.substr(equals + 1);
    }
    groups.push_back(group);
  }
  return {{"description", s.description},
          {"trials", s.trials},
          {"seed", s.seed},
          {"tables", tables},
          {"actors", actors},
          {"shocks", shocks},
          {"variants", variants},
          {"groups", groups}};
}

}  // namespace

json scenario_form_json(const ScenarioFile& file) {
  const std::string text = read_scenario_text(file.path.string());
  json form = {{"name", file.name}, {"file", file.display_path}, {"errors", json::array()}};
  try {
    form.update(scenario_parts(load_scenario_text(text, file.display_path)));
  } catch (const InputError& e) {
    form["errors"] = errors_json(e);
  }
  json fields = json::array();
  try {
    for (const ScalarField& f : scalar_fields(text, file.display_path)) {
      if (is_form_field(f.path)) fields.push_back(field_json(f));
    }
  } catch (const InputError&) {
    // Not a YAML map: the load above has reported why.
  }
  form["fields"] = fields;
  return form;
}

json scenario_entry_json(const ScenarioFile& file) {
  json entry = {{"name", file.name}, {"file", file.display_path}};
  try {
    const Scenario s = load_scenario_file(file.path.string());
    json tables = json::array();
    for (const Table& t : s.tables)
      tables.push_back(t.name);
    entry["description"] = s.description;
    entry["tables"] = tables;
    entry["variants"] = s.variants.size();
  } catch (const InputError& e) {
    entry["error"] = e.diagnostics().empty() ? e.what() : e.diagnostics().front().str();
  }
  return entry;
}

}  // namespace parley::serve
