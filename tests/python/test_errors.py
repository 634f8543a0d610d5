"""Input mistakes raise parley.InputError, located and worded exactly as the command line's."""
import numpy as np
import pytest

import parley
from conftest import KOREA, ROOT

BAD_SD = str(ROOT / "tests" / "cli_run" / "bad_negative_sd.yaml")
WRONG_TYPES = str(ROOT / "tests" / "io" / "bad" / "wrong_type.yaml")


def cli_message(cli, *args, cwd=None):
    done = cli(*args, cwd=cwd)
    assert done.returncode == 2, done.stderr
    return done.stderr.rstrip("\n")


def test_bad_file_is_located_as_the_cli_locates_it(cli):
    with pytest.raises(parley.InputError) as caught:
        parley.load(BAD_SD)
    e = caught.value
    assert (e.file, e.line, e.column) == (BAD_SD, 17, 48)
    assert e.path == "actors.host.reservation.sd"
    assert str(e) == cli_message(cli, "validate", BAD_SD)
    assert isinstance(e, ValueError)


def test_every_mistake_of_a_file_is_reported(cli):
    with pytest.raises(parley.InputError) as caught:
        parley.run(WRONG_TYPES)
    e = caught.value
    assert str(e) == cli_message(cli, "run", WRONG_TYPES, "--quiet")
    assert len(e.diagnostics) == 10
    assert (e.line, e.column, e.path) == (12, 9, "trials")
    assert e.diagnostics[1] == (WRONG_TYPES, 13, 7, "seed: expected an integer, got '1.5'")


def test_missing_file(cli, tmp_path):
    missing = str(tmp_path / "nowhere.yaml")
    with pytest.raises(parley.InputError) as caught:
        parley.run(missing)
    assert caught.value.file == missing
    assert str(caught.value) == cli_message(cli, "run", missing)


def test_bad_set_path(cli, tmp_path):
    with pytest.raises(parley.InputError) as caught:
        parley.run(KOREA, trials=100, set={"seed": 3, "actors.us_trump.opening.mediann": 5.5})
    e = caught.value
    assert (e.file, e.line, e.column) == ("--set", 2, 1)
    assert e.path == "actors.us_trump.opening.mediann"
    assert str(e) == cli_message(cli, "run", KOREA, "--set", "seed=3", "--set",
                                 "actors.us_trump.opening.mediann=5.5",
                                 "--out", tmp_path / "never")
    assert not (tmp_path / "never").exists()


def test_bad_set_value(cli, tmp_path):
    with pytest.raises(parley.InputError) as caught:
        parley.load(KOREA, set={"tables.seoul.stall_p": 1.5})
    e = caught.value
    assert (e.file, e.line, e.column) == ("--set", 1, len("tables.seoul.stall_p=") + 1)
    assert e.path == "tables.seoul.stall_p"
    assert "1.5" in e.message
    assert str(e) == cli_message(cli, "run", KOREA, "--set", "tables.seoul.stall_p=1.5",
                                 "--out", tmp_path / "never")


def test_bad_design_value_names_its_row_and_column(nash_file):
    X = np.array([[1200, 0.5], [1200, 0.6], [1200, 1.5], [1200, -1]])
    with pytest.raises(parley.InputError) as caught:
        parley.evaluate(nash_file, ["actors.us.reservation", "actors.us.power"], X,
                        ["t.amount.mean"])
    e = caught.value
    assert (e.file, e.line, e.column, e.path) == ("X", 3, 2, "actors.us.power")
    assert str(e).startswith("X:3:2: error: actors.us.power: ")


def test_bad_design_path_and_output_names(nash_file):
    with pytest.raises(parley.InputError) as caught:
        parley.evaluate(nash_file, ["actors.us.reservatio"], [[1200]], ["t.amount.mean"])
    assert (caught.value.file, caught.value.line, caught.value.column) == ("X", 1, 1)
    assert "did you mean 'reservation'" in str(caught.value)
    for k, (name, words) in enumerate([("t.amount.median", "no statistic 'median'"),
                                       ("seoul.amount.mean", "no table 'seoul'"),
                                       ("t.month.p50", "not among the scenario's outputs"),
                                       ("t.agreed.share[x=y]", "no group 'x=y'"),
                                       ("t.amount", "expected TABLE.METRIC.STAT")]):
        with pytest.raises(parley.InputError) as caught:
            parley.evaluate(nash_file, ["actors.us.power"], [[0.5]], ["t.amount.mean", name])
        assert (caught.value.file, caught.value.line) == ("outputs", 2), name
        assert words in str(caught.value), str(caught.value)
    with pytest.raises(ValueError, match="one column per path"):
        parley.evaluate(nash_file, ["actors.us.power"], np.zeros((3, 2)), ["t.amount.mean"])
