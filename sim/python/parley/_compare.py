"""parley.compare and the ComparisonResult it returns (docs/compare.md, docs/python.md)."""
import difflib
import json
import os

from . import _parley
from ._frames import frame, overrides
from ._run import Result, scenario_of


def compare(scenario_or_path, variants=None, what_if=None, trials=None, seed=None, threads=0,
            set=None):
    """Run the baseline and its variants on common random numbers, as ``parley compare`` does;
    returns a parley.ComparisonResult with the paired differences and their standard errors.

    ``variants`` names variants of the file's ``variants:`` block (default: every one, unless
    ``what_if`` is given); ``what_if`` (a dict ``{PATH: value}``) adds the run ``what_if``, the
    baseline with those settings too; ``set`` changes every run. The numbers are those of
    ``parley compare`` with the same arguments, for any thread count.

        c = parley.compare("scenarios/korea_sma12.yaml", trials=20000)
        c.table.query("metric == 'amount' and statistic == 'mean'")
        c = parley.compare("scenarios/korea_sma9.yaml", what_if={"tables.seoul.stall_p": 0.3})
    """
    baseline = scenario_of(scenario_or_path, set)
    known = {name: (description, settings) for name, description, settings in baseline.variants}
    what_if = overrides(what_if)
    if variants is None:
        variants = [] if what_if else list(known)
    elif isinstance(variants, str):
        variants = [variants]
    if not variants and not what_if:
        raise ValueError(f"variants: {baseline.file} defines no variants; give what_if={{PATH: "
                         "value}} or add a `variants:` block (docs/scenario-format.md)")
    runs = [("baseline", baseline, baseline.description)]
    for name in variants:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ValueError(f"variants: no variant '{name}' in {baseline.file}{hint} "
                             f"(variants: {', '.join(known) or 'none'})")
        if any(name == run[0] for run in runs):
            raise ValueError(f"variants: variant '{name}' named twice")
        description, settings = known[name]
        runs.append((name, baseline.with_overrides(settings), description))
    if what_if:
        if "what_if" in known:
            raise ValueError("what_if: the file has a variant named 'what_if', the name of the "
                             "what_if run; rename that variant")
        text = " ".join(f"{path}={value}" for path, value in what_if)
        runs.append(("what_if", baseline.with_overrides(what_if), "--what-if " + text))
    return ComparisonResult(_parley.compare(runs, trials, seed, threads),
                            [scenario for _, scenario, _ in runs])


class ComparisonResult:
    """The result of parley.compare: compare.csv as ``.table`` (columns table, metric,
    statistic, variant, baseline_value, variant_value, difference, se), every run as a
    parley.Result in ``.runs`` (by name, the baseline first), compare.json as ``.metadata``;
    ``str()`` is the table ``parley compare`` prints; ``.to_folder(dir)`` writes exactly the
    files ``parley compare --out dir`` writes.

        c.table[c.table.difference.abs() > 2 * c.table.se]      # the differences beyond noise
    """

    def __init__(self, output, scenarios):
        self._output = output
        self.runs = {name: Result(output.run(k), scenarios[k])
                     for k, name in enumerate(output.names)}
        self._table = None

    def __repr__(self):
        names = list(self.runs)
        return f"<parley.ComparisonResult {names[0]} and {', '.join(names[1:])}>"

    def __str__(self):
        return self._output.text_table()

    @property
    def table(self):
        """compare.csv: one row per table, metric, statistic and variant."""
        if self._table is None:
            self._table = frame(self._output.compare_csv(), ["variant"])
        return self._table

    @property
    def metadata(self):
        """compare.json as a dict: the runs with their settings, and the rows marked as noise."""
        return json.loads(self._output.compare_json())

    def to_folder(self, dir):
        """Write compare.csv, compare.json and one folder of run files per run into ``dir``,
        each file whole or not at all (``parley report dir`` then draws it)."""
        self._output.write_folder(os.fspath(dir))
