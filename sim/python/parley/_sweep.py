"""parley.sweep: ``parley sweep`` from Python, with the result files as DataFrames."""
import os
import warnings

from . import _parley
from ._frames import frame


def sweep(scenario, params, method="grid", samples=0, trials=None, seed=None, threads=0,
          out=None, resume=False, shard=None):
    """Run ``parley sweep``: the scenario at every point of a design; returns a SweepResult.

    ``scenario`` is a path (or a Scenario loaded without ``set``: a sweep reads the file, as
    the command does); ``params`` a dict ``{PATH: SPEC}`` or ``"PATH=SPEC"`` strings, SPEC as
    in docs/sweeps.md (``"0.2,0.5,0.8"``, ``"3000:6000:7"``, ``"log:0.01:1"``); ``method``
    grid, lhs, sobol or random. The files go to ``out`` (default ``out/<scenario>_sweep``) as
    the command writes them, so ``resume`` and ``shard="K/N"`` work as there. Ctrl-C raises
    KeyboardInterrupt after the current point; finished points are kept for ``resume=True``.

        s = parley.sweep("scenarios/korea_sma11.yaml", {"shocks.tariff_linkage.p": "0.2,0.5,0.8"}, trials=5000)
    """
    if isinstance(scenario, _parley.Scenario):
        if scenario.overrides:
            raise ValueError("sweep: the scenario was loaded with set={...}; a sweep reads the "
                             "file as `parley sweep` does: sweep that path with one value instead")
        scenario = scenario.file
    if isinstance(params, dict):
        params = [f"{path}={spec}" for path, spec in params.items()]
    elif isinstance(params, str):
        params = [params]
    report = _parley.sweep(os.fspath(scenario), [str(p) for p in params], method, int(samples),
                           trials, seed, threads, "" if out is None else os.fspath(out),
                           bool(resume), shard or "")
    for warning in report["warnings"]:
        warnings.warn(warning, stacklevel=2)
    return SweepResult(report)


class SweepResult:
    """The files of a finished sweep, as DataFrames (None for a shard, which writes none).

    ``.points`` (sweep_points.csv), ``.summary``, ``.outcomes``, ``.histograms`` (the rows of
    ``parley run`` prefixed by the point and its values), ``.sensitivity`` (sobol only);
    ``.out`` the folder, ``.computed`` and ``.reused`` the points computed now and kept.

        s.summary.query("metric == 'amount' and group == 'all'")[["point", "p50"]]
    """

    def __init__(self, report):
        self.out = report["out"]
        self.computed = report["computed"]
        self.reused = report["reused"]
        self.whole = report["whole"]

    def __repr__(self):
        return (f"<parley.SweepResult in {self.out}/: {self.computed} points computed, "
                f"{self.reused} reused>")

    def _read(self, name):
        path = os.path.join(self.out, name)
        if not self.whole or not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return frame(f.read())

    @property
    def points(self):
        return self._read("sweep_points.csv")

    @property
    def summary(self):
        return self._read("sweep_summary.csv")

    @property
    def outcomes(self):
        return self._read("sweep_outcomes.csv")

    @property
    def histograms(self):
        return self._read("sweep_histograms.csv")

    @property
    def sensitivity(self):
        return self._read("sensitivity.csv")
