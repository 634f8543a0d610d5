"""parley.load, parley.run and the Result of a run."""
import json
import os

from . import _parley
from ._frames import frame, overrides

Scenario = _parley.Scenario


def load(path, set=None):
    """Read and validate a scenario file; mistakes raise parley.InputError.

    ``set`` overrides scalars before validation, exactly like ``parley run --set``: a dict
    ``{PATH: value}`` or a list of ``"PATH=VALUE"`` strings.

        s = parley.load("scenarios/korea_sma11.yaml", set={"tables.seoul.stall_p": 0.2})
    """
    return _parley.load(os.fspath(path), overrides(set))


def scenario_of(scenario_or_path, set=None):
    """A Scenario from a Scenario or a path, with `set` applied after its own overrides."""
    if isinstance(scenario_or_path, Scenario):
        extra = overrides(set)
        return scenario_or_path.with_overrides(extra) if extra else scenario_or_path
    return load(scenario_or_path, set)


def run(scenario_or_path, trials=None, seed=None, threads=0, set=None, bins=None):
    """Run a scenario's trials, as ``parley run`` does; returns a parley.Result.

    ``trials``, ``seed`` and ``bins`` default to the scenario's; ``threads=0`` uses every core
    and never changes a number; ``set`` overrides scalars (a dict ``{PATH: value}``). The GIL
    is released while the trials run; Ctrl-C raises KeyboardInterrupt within a block of 4096
    trials.

        r = parley.run("scenarios/korea_sma11.yaml", trials=20000, set={"shocks.tariff_linkage.p": 0.8})
    """
    scenario = scenario_of(scenario_or_path, set)
    return Result(_parley.run(scenario, trials, seed, threads, bins), scenario)


class Result:
    """The result of parley.run: the result files of ``parley run``, as pandas DataFrames.

    ``.summary``, ``.histograms`` and ``.outcomes`` have exactly the columns of summary.csv,
    histograms.csv and outcomes.csv (docs/outputs.md); ``.metadata`` is run.json as a dict;
    ``.trials(n)`` the first n trials (the rows of trials.csv); ``.to_folder(dir)`` writes the
    files, byte for byte what ``parley run`` writes.

        r.summary.query("metric == 'amount' and group == 'all'")[["table", "p05", "p50", "p95"]]
    """

    def __init__(self, output, scenario):
        self._output = output
        self.scenario = scenario
        self._frames = {}

    def __repr__(self):
        return (f"<parley.Result {self.scenario.name}: {self._output.trials_done} trials, "
                f"seed {self.metadata['seed']}>")

    def _frame(self, name, text):
        if name not in self._frames:
            self._frames[name] = frame(text())
        return self._frames[name]

    @property
    def summary(self):
        """summary.csv: one row per table, metric and group (n, mean, sd, quantiles, ...)."""
        return self._frame("summary", self._output.summary_csv)

    @property
    def histograms(self):
        """histograms.csv: one row per table, metric, group and bin (with -inf/inf tails)."""
        return self._frame("histograms", self._output.histograms_csv)

    @property
    def outcomes(self):
        """outcomes.csv: one row per table, group and outcome (agreed, extended, no_deal)."""
        return self._frame("outcomes", self._output.outcomes_csv)

    @property
    def metadata(self):
        """run.json as a dict: scenario, sha256, seed, trials, threads, overrides, bins, ..."""
        if "metadata" not in self._frames:
            self._frames["metadata"] = json.loads(self._output.run_json())
        return self._frames["metadata"]

    def trials(self, n):
        """The first n trials as a DataFrame with the columns of trials.csv (one row per
        trial and table; shock columns hold the shock's outcome or ``none``).

            r.trials(1000).groupby("outcome").amount.describe()
        """
        return frame(self._output.trials_csv(int(n)), self.scenario.shocks)

    def to_folder(self, dir, trials=0):
        """Write summary.csv, histograms.csv, outcomes.csv, run.json (and trials.csv with the
        first ``trials`` trials) into ``dir``, exactly as ``parley run --out dir`` does: each
        file whole or not at all.

            r.to_folder("out/what_if")
        """
        self._output.write_folder(os.fspath(dir), int(trials))
