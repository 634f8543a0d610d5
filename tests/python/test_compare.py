"""parley.compare against `parley compare`: the same files byte for byte, the same runs as
parley.run, and zero differences with zero se for a change that changes nothing."""
import pytest

import parley
from conftest import ROOT

KOREA12 = str(ROOT / "scenarios" / "korea_sma12.yaml")
KOREA9 = str(ROOT / "scenarios" / "korea_sma9.yaml")
RUN_FILES = ["summary.csv", "histograms.csv", "outcomes.csv"]


@pytest.fixture(scope="module")
def korea12():
    return parley.compare(KOREA12, trials=8192, threads=2)


def test_files_are_those_of_the_cli(korea12, cli, tmp_path):
    done = cli("compare", KOREA12, "--trials", 8192, "--threads", 1, "--quiet", "--out",
               tmp_path / "cli")
    assert done.returncode == 0, done.stderr
    korea12.to_folder(tmp_path / "py")
    assert (tmp_path / "py" / "compare.csv").read_bytes() == \
        (tmp_path / "cli" / "compare.csv").read_bytes()
    for run in ["baseline", "trump_wins", "democrat_wins", "tariff_linked"]:
        for name in RUN_FILES:
            assert (tmp_path / "py" / run / name).read_bytes() == \
                (tmp_path / "cli" / run / name).read_bytes(), f"{run}/{name}"


def test_table_runs_and_metadata(korea12):
    assert list(korea12.runs) == ["baseline", "trump_wins", "democrat_wins", "tariff_linked"]
    table = korea12.table
    assert list(table.columns) == ["table", "metric", "statistic", "variant", "baseline_value",
                                   "variant_value", "difference", "se"]
    assert set(table.variant) == {"trump_wins", "democrat_wins", "tariff_linked"}
    mean = table.query("variant == 'trump_wins' and metric == 'amount' and statistic == 'mean'")
    # difference = variant - baseline of the two runs' own means, with a paired se > 0
    base = korea12.runs["baseline"].summary.query("metric == 'amount' and group == 'all'")
    trump = korea12.runs["trump_wins"].summary.query("metric == 'amount' and group == 'all'")
    assert mean.difference.item() == pytest.approx(trump["mean"].item() - base["mean"].item(),
                                                   rel=1e-12)
    assert 0 < mean.se.item() < 1
    meta = korea12.metadata
    assert [r["name"] for r in meta["runs"]] == list(korea12.runs)
    assert meta["runs"][1]["overrides"] == [
        {"path": "shocks.us_election_2024.outcomes.democrat.p", "value": "0"},
        {"path": "shocks.us_election_2024.outcomes.trump.p", "value": "1"}]
    assert "trump_wins vs baseline" in str(korea12)


def test_what_if_is_parley_run_with_its_settings():
    settings = {"tables.seoul.stall_p": 0.3, "shocks.crisis.hazard": 0.1}
    c = parley.compare(KOREA9, what_if=settings, trials=6000)
    assert list(c.runs) == ["baseline", "what_if"]
    alone = parley.run(KOREA9, trials=6000, set=settings)
    assert c.runs["what_if"].summary.equals(alone.summary)
    assert c.runs["baseline"].summary.equals(parley.run(KOREA9, trials=6000).summary)
    assert c.metadata["runs"][1]["description"] == \
        "--what-if tables.seoul.stall_p=0.3 shocks.crisis.hazard=0.1"


def test_a_change_that_changes_nothing_gives_zero_with_zero_se():
    # the file's own stall probability, set again: every trial is the same trial (8 blocks of
    # 4096 trials, enough for the batch-means se of the quantiles to exist)
    c = parley.compare(KOREA9, what_if={"tables.seoul.stall_p": 0.1}, trials=32768)
    assert (c.table.difference == 0).all()
    assert (c.table.se == 0).all()


def test_mistakes_raise():
    with pytest.raises(ValueError, match="did you mean 'trump_wins'"):
        parley.compare(KOREA12, variants=["trump_win"])
    with pytest.raises(ValueError, match="defines no variants"):
        parley.compare(KOREA9)
    with pytest.raises(parley.InputError) as e:
        parley.compare(KOREA9, what_if={"tables.seoul.stall_p": 2})
    assert e.value.path == "tables.seoul.stall_p"
    with pytest.raises(ValueError, match="threads"):
        parley.compare(KOREA12, threads=-1)
