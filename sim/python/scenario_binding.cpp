// parley.load and the Scenario class.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <tuple>

#include "analysis/results/file_digest.hpp"
#include "sim/python/bindings.hpp"
#include "sim/python/scenario_handle.hpp"

namespace parley::python {

namespace py = pybind11;

ScenarioHandle ScenarioHandle::load(const std::string& file,
                                    std::vector<ScalarOverride> overrides) {
  ScenarioHandle handle;
  handle.file = file;
  handle.yaml = read_scenario_text(file);
  handle.scenario = load_scenario_text(handle.yaml, file, overrides);
  handle.overrides = std::move(overrides);
  return handle;
}

ScenarioHandle ScenarioHandle::with_overrides(const std::vector<ScalarOverride>& more) const {
  ScenarioHandle handle = *this;
  handle.overrides.insert(handle.overrides.end(), more.begin(), more.end());
  handle.scenario = load_scenario_text(handle.yaml, handle.file, handle.overrides);
  return handle;
}

namespace {

std::vector<ScalarOverride> to_overrides(
    const std::vector<std::pair<std::string, std::string>>& s) {
  std::vector<ScalarOverride> out;
  for (const auto& [path, value] : s)
    out.push_back({path, value});
  return out;
}

template <class Named>
std::vector<std::string> names(const std::vector<Named>& items) {
  std::vector<std::string> out;
  for (const Named& item : items)
    out.push_back(item.name);
  return out;
}

}  // namespace

void bind_scenario(py::module_& m) {
  py::class_<ScenarioHandle>(m, "Scenario",
                             "A validated scenario: parley.load(path, set={...}) makes one.\n\n"
                             "    s = parley.load('scenarios/korea_sma11.yaml'); s.tables")
      .def("__repr__",
           [](const ScenarioHandle& s) {
             return "<parley.Scenario " + s.scenario.name + " from '" + s.file + "', " +
                    std::to_string(s.overrides.size()) + " override(s)>";
           })
      .def_property_readonly("name", [](const ScenarioHandle& s) { return s.scenario.name; })
      .def_property_readonly("description",
                             [](const ScenarioHandle& s) { return s.scenario.description; })
      .def_property_readonly("trials", [](const ScenarioHandle& s) { return s.scenario.trials; })
      .def_property_readonly("seed", [](const ScenarioHandle& s) { return s.scenario.seed; })
      .def_property_readonly("file", [](const ScenarioHandle& s) { return s.file; })
      .def_property_readonly("sha256", [](const ScenarioHandle& s) { return sha256_hex(s.yaml); })
      .def_property_readonly("actors",
                             [](const ScenarioHandle& s) { return names(s.scenario.actors); })
      .def_property_readonly("tables",
                             [](const ScenarioHandle& s) { return names(s.scenario.tables); })
      .def_property_readonly("shocks",
                             [](const ScenarioHandle& s) { return names(s.scenario.shocks); })
      .def_property_readonly("overrides",
                             [](const ScenarioHandle& s) {
                               std::vector<std::pair<std::string, std::string>> out;
                               for (const ScalarOverride& o : s.overrides)
                                 out.emplace_back(o.path, o.value);
                               return out;
                             })
      .def_property_readonly(
          "variants",
          [](const ScenarioHandle& s) {
            // (name, description, [(path, value), ...]) per variant of the file, in file order
            std::vector<std::tuple<std::string, std::string,
                                   std::vector<std::pair<std::string, std::string>>>>
                out;
            for (const Variant& v : s.scenario.variants) {
              std::vector<std::pair<std::string, std::string>> settings;
              for (const VariantSetting& setting : v.set)
                settings.emplace_back(setting.path, setting.value);
              out.emplace_back(v.name, v.description, settings);
            }
            return out;
          })
      .def("with_overrides",
           [](const ScenarioHandle& s, const std::vector<std::pair<std::string, std::string>>& o) {
             return s.with_overrides(to_overrides(o));
           });
  m.def(
      "load",
      [](const std::string& file, const std::vector<std::pair<std::string, std::string>>& o) {
        return ScenarioHandle::load(file, to_overrides(o));
      },
      py::arg("path"), py::arg("overrides"));
}

}  // namespace parley::python
