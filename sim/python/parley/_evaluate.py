"""parley.evaluate: a scenario at the points of an external design matrix."""
import numpy as np

from . import _parley
from ._run import scenario_of


def evaluate(scenario, params, X, outputs, trials=None, seed=None, threads=0, set=None,
             bins=None):
    """Run the scenario at every row of a design matrix; returns a numpy matrix of outputs.

    ``params`` names the columns of ``X`` (``--set`` paths, e.g.
    ``"actors.us_trump.opening.median"``); each row of ``X`` is one point (SALib's
    ``saltelli.sample``, a Morris trajectory set, EMA Workbench experiments). ``outputs`` are
    names ``TABLE.METRIC.STAT`` (STAT a column of summary.csv: n mean sd se_mean min p05 p25
    p50 p75 p95 max quantile_error) or ``TABLE.OUTCOME.STAT`` (count share se), optionally with
    a group, ``seoul.amount.mean[election=dove_wins]``. The result has one row per row of
    ``X`` and one column per output (NaN where undefined, e.g. no settlement).

    Every row runs with the same ``seed`` and ``trials`` (default: the scenario's): common
    random numbers, so differences between rows come from the parameters alone. Rows run in
    parallel (one per thread when there are enough); ``threads`` never changes a number.
    Every row is validated first: a bad value raises parley.InputError located as
    ``X:ROW:COLUMN`` (1-based).

        Y = parley.evaluate(s, ["tables.seoul.stall_p"], np.array([[0.1], [0.5]]), ["seoul.amount.mean"], trials=10000)
    """
    scenario = scenario_of(scenario, set)
    X = np.asarray(X, dtype=float)
    if X.ndim == 1 and len(params) == 1:
        X = X.reshape(-1, 1)
    params = [str(p) for p in params]
    outputs = [outputs] if isinstance(outputs, str) else [str(o) for o in outputs]
    return _parley.evaluate(scenario, params, np.ascontiguousarray(X), outputs, trials, seed,
                            threads, bins)
