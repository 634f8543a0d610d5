"""Overhead of parley.evaluate over the engine: 1,000 rows of 10,000 trials of
scenarios/korea_sma11.yaml, against `parley sweep` on a design of the same size and against the
engine's rate in one parley.run of the same number of trials.

    tools/python bench/python_evaluate.py [--repeat 3] [--threads 0]

Prints one line per measurement (wall seconds, rows/s, trials/s), the median over --repeat.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

import numpy as np

import parley

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(ROOT, "scenarios", "korea_sma11.yaml")
PARAMS = ["actors.us_trump.opening.median", "tables.seoul.stall_p"]
LOW, HIGH = np.array([3.8, 0.0]), np.array([6.7, 0.3])
ROWS, TRIALS = 1000, 10000


def timed(function, repeat):
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--parley", default=os.path.join(ROOT, "build", "parley"))
    args = parser.parse_args()
    X = LOW + np.random.default_rng(1).random((ROWS, len(PARAMS))) * (HIGH - LOW)
    outputs = ["seoul.amount.mean", "seoul.agreed.share", "seoul.month.p50"]

    def evaluate():
        parley.evaluate(SCENARIO, PARAMS, X, outputs, trials=TRIALS, seed=2019,
                        threads=args.threads)

    def engine():
        parley.run(SCENARIO, trials=ROWS * TRIALS, seed=2019, threads=args.threads)

    out = tempfile.mkdtemp(prefix="parley_bench_sweep_")

    def sweep():
        subprocess.run([args.parley, "sweep", SCENARIO, "--method", "lhs", "--samples",
                        str(ROWS), "--trials", str(TRIALS), "--threads", str(args.threads),
                        "--param", f"{PARAMS[0]}={LOW[0]}:{HIGH[0]}",
                        "--param", f"{PARAMS[1]}={LOW[1]}:{HIGH[1]}", "--quiet", "--out", out],
                       check=True)

    try:
        for name, function in [("parley.evaluate", evaluate), ("parley sweep (CLI)", sweep),
                               ("parley.run, same trials in one run", engine)]:
            median, all_seconds = timed(function, args.repeat)
            print(f"{name:36} {median:6.2f} s  {ROWS / median:7.1f} rows/s  "
                  f"{ROWS * TRIALS / median / 1e6:5.2f} M trials/s  "
                  f"(runs: {', '.join(f'{s:.2f}' for s in all_seconds)})", flush=True)
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
