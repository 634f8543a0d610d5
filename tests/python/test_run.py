"""parley.run against `parley run`: the same numbers, and to_folder's CSV byte for byte."""
import json

import numpy as np
import pandas as pd
import pytest

import parley
from conftest import KOREA

CSV_FILES = ["summary.csv", "histograms.csv", "outcomes.csv"]
OVERRIDES = {"tables.seoul.stall_p": 0.2, "actors.us_trump.opening.median": "5.5"}


def cli_run(cli, out, *extra):
    done = cli("run", KOREA, "--trials", 30000, "--seed", 11, "--set", "tables.seoul.stall_p=0.2",
               "--set", "actors.us_trump.opening.median=5.5", "--quiet", "--out", out, *extra)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def result():
    return parley.run(KOREA, trials=30000, seed=11, set=OVERRIDES)


def test_to_folder_is_byte_identical_to_the_cli(result, cli, tmp_path):
    cli_dir = cli_run(cli, tmp_path / "cli")
    result.to_folder(tmp_path / "py")
    for name in CSV_FILES:
        assert (tmp_path / "py" / name).read_bytes() == (cli_dir / name).read_bytes(), name
    assert not (tmp_path / "py" / "trials.csv").exists()


def test_frames_hold_the_numbers_of_the_cli_files(result, cli, tmp_path):
    cli_dir = cli_run(cli, tmp_path / "cli")
    for name, frame in [("summary.csv", result.summary), ("histograms.csv", result.histograms),
                        ("outcomes.csv", result.outcomes)]:
        # pandas' defaults read inf, -inf and empty fields; round_trip reads every double exactly
        expected = pd.read_csv(cli_dir / name, float_precision="round_trip")
        assert list(frame.columns) == list(expected.columns), name
        pd.testing.assert_frame_equal(frame, expected, check_exact=True, check_dtype=False)
    # The numbers as read: the median amount of Seoul over all trials, p05 < p50 < p95.
    row = result.summary.query("table == 'seoul' and metric == 'amount' and group == 'all'")
    assert len(row) == 1 and row.n.item() > 0
    assert row.p05.item() < row.p50.item() < row.p95.item()
    assert result.outcomes.query("table == 'seoul' and group == 'all'")["count"].sum() == 30000


def test_metadata_is_run_json(result, cli, tmp_path):
    cli_dir = cli_run(cli, tmp_path / "cli")
    expected = json.loads((cli_dir / "run.json").read_text())
    meta = result.metadata
    assert set(meta) == set(expected)
    for key in ["scenario", "scenario_sha256", "seed", "trials", "parley_version", "overrides",
                "bins", "dump_trials", "histograms"]:
        assert meta[key] == expected[key], key
    assert meta["overrides"] == [{"path": "tables.seoul.stall_p", "value": "0.2"},
                                 {"path": "actors.us_trump.opening.median", "value": "5.5"}]


def test_trials_and_dump_match_the_cli(result, cli, tmp_path):
    cli_dir = cli_run(cli, tmp_path / "cli", "--dump-trials", 500)
    result.to_folder(tmp_path / "py", trials=500)
    for name in CSV_FILES + ["trials.csv"]:
        assert (tmp_path / "py" / name).read_bytes() == (cli_dir / name).read_bytes(), name
    trials = result.trials(500)
    assert len(trials) == 500  # one table
    assert list(trials.columns[:7]) == ["trial", "table", "outcome", "amount", "change_pct",
                                       "month", "total"]
    expected = pd.read_csv(cli_dir / "trials.csv", keep_default_na=False, na_values=[""],
                           float_precision="round_trip")
    pd.testing.assert_frame_equal(trials, expected, check_exact=True, check_dtype=False)
    assert set(trials.us_election_2020) <= {"trump", "biden", "none"}
    with pytest.raises(ValueError):
        result.trials(30001)


def test_thread_count_changes_nothing(tmp_path):
    one = parley.run(KOREA, trials=20000, seed=3, threads=1)
    two = parley.run(KOREA, trials=20000, seed=3, threads=2)
    one.to_folder(tmp_path / "one")
    two.to_folder(tmp_path / "two")
    for name in CSV_FILES:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert one.metadata["threads"] == 1 and two.metadata["threads"] == 2


def test_scenario_objects_defaults_and_bins(cli, tmp_path):
    s = parley.load(KOREA, set={"seed": 99})
    assert s.name == "korea_sma11" and s.tables == ["seoul"] and s.seed == 99
    assert "us_election_2020" in s.shocks and s.overrides == [("seed", "99")]
    r = parley.run(s, trials=5000, bins=20, set=["tables.seoul.stall_p=0.3"])
    assert r.metadata["seed"] == 99 and r.metadata["bins"] == 20
    assert r.metadata["overrides"] == [{"path": "seed", "value": "99"},
                                       {"path": "tables.seoul.stall_p", "value": "0.3"}]
    done = cli("run", KOREA, "--trials", 5000, "--bins", 20, "--set", "seed=99", "--set",
               "tables.seoul.stall_p=0.3", "--quiet", "--out", tmp_path / "cli")
    assert done.returncode == 0, done.stderr
    r.to_folder(tmp_path / "py")
    for name in CSV_FILES:
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    amount = r.histograms.query("metric == 'amount' and group == 'all'")
    assert len(amount) == 22  # 20 bins, underflow and overflow
    assert np.isneginf(amount.bin_lower.iloc[0]) and np.isposinf(amount.bin_upper.iloc[-1])


def test_help_carries_examples():
    for function in [parley.load, parley.run, parley.evaluate, parley.sweep]:
        assert "parley." in function.__doc__ and ">>>" not in function.__doc__
    assert "to_folder" in parley.Result.__doc__
