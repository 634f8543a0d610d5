"""Shared fixtures of the Python package's tests: the repository, the `parley` executable."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
KOREA = str(ROOT / "scenarios" / "korea_sma11.yaml")


def parley_binary():
    return os.environ.get("PARLEY_BINARY", str(ROOT / "build" / "parley"))


def run_cli(*args, cwd=None):
    """`parley ARGS...`: the completed process (exit code, stdout, stderr as text)."""
    return subprocess.run([parley_binary(), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, check=False)


@pytest.fixture
def cli():
    return run_cli


# The Nash bargaining closed form (protocol nash, constant parameters): every trial settles at
#   amount = r_D + power (r_P - r_D)
# (the same scenario as tests/sweep/sweep_cli_test.cpp).
NASH_YAML = """scenario: nash_evaluate
description: Nash closed form for the evaluate tests.
trials: 16
seed: 5
actors:
  us: {role: demander, opening: 5000, reservation: 1200, power: 0.5}
  host: {role: payer, opening: 500, reservation: 2000}
tables:
  t: {demander: us, payer: host, baseline: 1000, currency: USD_m, opens: 2030-01,
      horizon: 2030-01, protocol: nash}
outputs:
  metrics: [amount]
"""


@pytest.fixture
def nash_file(tmp_path):
    path = tmp_path / "nash.yaml"
    path.write_text(NASH_YAML)
    return str(path)
