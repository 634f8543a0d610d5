// parley.run and what it returns: the run's statistics, kept in memory, written by the same
// writers as `parley run` (to text for pandas, or into a folder).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <optional>
#include <sstream>

#include "analysis/results/file_digest.hpp"
#include "analysis/results/output_folder.hpp"
#include "analysis/results/result_files.hpp"
#include "analysis/results/trials_csv.hpp"
#include "analysis/studies/sweep/scenario_point.hpp"
#include "sim/python/bindings.hpp"
#include "sim/python/interruptible.hpp"
#include "sim/python/scenario_handle.hpp"

namespace parley::python {
namespace {

namespace py = pybind11;

struct RunOutput {
  RunResult result;
  RunMetadata metadata;
  int threads = 0;  // as asked, for re-running trials in trials() and to_folder()

  // The first `count` trials, written as trials.csv rows through `writer`. A trial is a pure
  // function of (scenario, seed, index), so they are computed again rather than kept.
  void replay_trials(std::int64_t count, TrialsCsvWriter& writer,
                     const std::function<bool()>& keep_going) const {
    RunOptions options;
    options.trials = count;
    options.seed = result.seed;
    options.threads = threads;
    options.trials_to_report = count;
    options.on_trial = [&](std::int64_t i, const TrialResult& r) { writer.write(i, r); };
    options.keep_going = keep_going;
    if (run_scenario(result.scenario, options).interrupted) throw sweep::PointInterrupted{};
  }

  std::int64_t checked_trial_count(std::int64_t count) const {
    if (count < 0 || count > result.trials_done())
      throw py::value_error("trials: expected 0 .. " + std::to_string(result.trials_done()) +
                            " (the trials of the run), got " + std::to_string(count));
    return count;
  }

  std::string trials_csv(std::int64_t count) const {
    checked_trial_count(count);
    std::ostringstream text;
    run_interruptibly([&](const std::function<bool()>& keep_going) {
      TrialsCsvWriter writer(result.scenario, text);
      if (count > 0) replay_trials(count, writer, keep_going);
    });
    return text.str();
  }

  // What `parley run --out DIR [--dump-trials N]` writes, atomically.
  void write_folder(const std::filesystem::path& dir, std::int64_t dump_trials) const {
    checked_trial_count(dump_trials);
    run_interruptibly([&](const std::function<bool()>& keep_going) {
      RunMetadata with_dump = metadata;
      with_dump.dump_trials = dump_trials;
      OutputFolder folder(dir);
      if (dump_trials > 0) {
        TrialsCsvWriter writer(result.scenario, folder.open("trials.csv"));
        replay_trials(dump_trials, writer, keep_going);
      } else {
        folder.remove_on_commit("trials.csv");
      }
      write_results(result, with_dump, folder);
      if (!keep_going()) throw sweep::PointInterrupted{};
      folder.commit();
    });
  }
};

template <class Writer>
std::string to_text(Writer write) {
  std::ostringstream text;
  write(text);
  return text.str();
}

RunOutput run(const ScenarioHandle& scenario, std::optional<std::int64_t> trials,
              std::optional<std::uint64_t> seed, int threads, std::optional<int> bins) {
  if (threads < 0)
    throw py::value_error("threads: expected 0 (every core) or more, got " +
                          std::to_string(threads));
  RunMetadata metadata;
  metadata.scenario_file = scenario.file;
  metadata.scenario_sha256 = sha256_hex(scenario.yaml);
  metadata.overrides = scenario.overrides;
  metadata.bins = bins;
  RunOptions options;
  options.trials = trials;
  options.seed = seed;
  options.threads = threads;
  options.bins = bins;
  std::optional<RunResult> result;
  run_interruptibly([&](const std::function<bool()>& keep_going) {
    options.keep_going = keep_going;
    result.emplace(run_scenario(scenario.scenario, options));
  });
  return RunOutput{std::move(*result), std::move(metadata), threads};
}

}  // namespace

void bind_run(py::module_& m) {
  py::class_<RunOutput>(m, "RunOutput")
      .def_property_readonly("trials_done",
                             [](const RunOutput& r) { return r.result.trials_done(); })
      .def("summary_csv",
           [](const RunOutput& r) {
             return to_text([&](std::ostream& o) { write_summary_csv(o, r.result); });
           })
      .def("histograms_csv",
           [](const RunOutput& r) {
             return to_text([&](std::ostream& o) { write_histograms_csv(o, r.result); });
           })
      .def("outcomes_csv",
           [](const RunOutput& r) {
             return to_text([&](std::ostream& o) { write_outcomes_csv(o, r.result); });
           })
      .def("run_json",
           [](const RunOutput& r) {
             return to_text([&](std::ostream& o) { write_run_json(o, r.result, r.metadata); });
           })
      .def("trials_csv", &RunOutput::trials_csv, py::arg("count"))
      .def("write_folder", &RunOutput::write_folder, py::arg("dir"), py::arg("dump_trials"));
  m.def("run", &run, py::arg("scenario"), py::arg("trials"), py::arg("seed"), py::arg("threads"),
        py::arg("bins"));
}

}  // namespace parley::python
