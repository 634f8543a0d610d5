#pragma once
// What the section readers share while a scenario file is read: the Scenario being filled, plus
// the source locations needed by checks that span sections (seats, relative amounts, protocol
// requirements). Internal to sim/io.
//
//   ScenarioDraft draft(read);
//   read_actors(*root.find("actors"), draft);   // then tables, shocks, ... (scenario_loader.cpp)
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "sim/io/yaml_reader.hpp"
#include "sim/model/scenario.hpp"

namespace parley {

// One actor parameter as written: relative amounts still hold the ratio.
struct ParamDraft {
  Distribution value;
  bool relative = false;
  SourceLocation where;
  std::string path;
};

struct ActorDraft {
  SourceLocation where;  // the actor's name
  std::string path;      // "actors.NAME"
  bool role_given = false;
  std::array<std::optional<ParamDraft>, kActorParamCount> params;
  // A parameter whose mistake was already reported (later sections stay quiet about it).
  std::array<bool, kActorParamCount> invalid{};
};

struct TableDraft {
  SourceLocation where;
  std::string path;
};

struct ScenarioDraft {
  explicit ScenarioDraft(Reader& reader) : read(reader) {}
  Reader& read;
  Scenario scenario;
  std::vector<ActorDraft> actors;  // parallel to scenario.actors
  std::vector<TableDraft> tables;  // parallel to scenario.tables
  std::vector<SourceLocation> shock_where;
  bool actors_read = false, tables_read = false, shocks_read = false;

  std::vector<std::string> actor_names() const;
  std::vector<std::string> table_names() const;
  std::vector<std::string> shock_names() const;
  // Index of a defined actor/table/shock, or -1 after reporting the name and the defined ones.
  int actor(const YamlNode& name, const std::string& path);
  int table(const YamlNode& name, const std::string& path);
  int shock(const YamlNode& name, const std::string& path);
};

// Reads a whole parsed file (overrides already applied) into a Scenario, every mistake into
// `read`'s diagnostics (scenario_loader.cpp).
Scenario read_scenario(const YamlNode& root, Reader& read);

// Section readers, one per top-level key (scenario_loader.cpp calls them in dependency order).
void read_actors(const YamlNode& node, ScenarioDraft& draft);
void read_tables(const YamlNode& node, ScenarioDraft& draft);
void read_shocks(const YamlNode& node, ScenarioDraft& draft);
void read_links(const YamlNode& node, ScenarioDraft& draft);
void read_correlations(const YamlNode& node, ScenarioDraft& draft);
void read_outputs(const YamlNode& node, ScenarioDraft& draft);
void read_observed(const YamlNode& node, ScenarioDraft& draft);
void read_lookahead(const YamlNode& node, ScenarioDraft& draft);
// An actor's `lookahead` value; nullopt after reporting a mistake.
std::optional<Lookahead> read_actor_lookahead(Reader& read, const YamlNode& node,
                                              const std::string& path);
void read_variants(const YamlNode& node, ScenarioDraft& draft);  // variant_reader.cpp
// After every section: seat-dependent actor checks (roles, relative amounts, protocol needs).
void finish_actors(ScenarioDraft& draft);

// Allowed range of each actor parameter (amounts and patience are also truncated at 0).
Range actor_param_range(ActorParam param);

}  // namespace parley
