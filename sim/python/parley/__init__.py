"""parley: Monte Carlo simulator of negotiation outcomes, from Python (docs/python.md).

The same engine, loader and result writers as the ``parley`` command, with the same
guarantees: results are a pure function of (scenario, overrides, seed, trials), identical for
any thread count; mistakes are located as ``FILE:LINE:COL``.

    import parley
    r = parley.run("scenarios/korea_sma11.yaml", trials=20000, set={"shocks.tariff_linkage.p": 0.8})
    r.summary.query("metric == 'amount' and group == 'all'")

load(path, set)                           -> Scenario
run(scenario, trials, seed, threads, set, bins) -> Result (.summary .histograms .outcomes
                                             .metadata .trials(n) .to_folder(dir))
evaluate(scenario, params, X, outputs, trials, seed, threads) -> numpy matrix
sweep(scenario, params, method, samples, trials, seed, threads, out, resume, shard)
                                          -> SweepResult
compare(scenario, variants, what_if, trials, seed, threads, set)
                                          -> ComparisonResult (.table .runs .metadata
                                             .to_folder(dir))
InputError                                 a located input mistake
"""
from . import _parley
from ._compare import ComparisonResult, compare
from ._errors import InputError
from ._evaluate import evaluate
from ._run import Result, Scenario, load, run
from ._sweep import SweepResult, sweep

__version__ = _parley.__version__
__all__ = ["ComparisonResult", "InputError", "Result", "Scenario", "SweepResult", "compare",
           "evaluate", "load", "run", "sweep"]
