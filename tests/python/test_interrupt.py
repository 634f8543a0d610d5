"""Ctrl-C: a long run, evaluation or write in a Python process raises KeyboardInterrupt within a
second of SIGINT and leaves no file behind."""
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import KOREA

# Each script prints "go" right before the long call, which must never finish.
SCRIPTS = {
    "run": """
r = parley.run(KOREA, trials=10**10)
r.to_folder(OUT)
""",
    "evaluate": """
import numpy as np
Y = parley.evaluate(KOREA, ["tables.seoul.stall_p"], np.full((10**4, 1), 0.1),
                    ["seoul.amount.mean"], trials=10**6)
""",
    "to_folder": """
r = parley.run(KOREA, trials=3 * 10**6, seed=1)
print("ran", flush=True)
r.to_folder(OUT, trials=3 * 10**6)
""",
}

# The child reports when KeyboardInterrupt reached Python (time.monotonic() is the system's
# monotonic clock, shared by both processes), then lets it end the process as usual.
PROLOGUE = """
import parley, sys, time
KOREA, OUT = sys.argv[1], sys.argv[2]
print("go", flush=True)
try:
"""
EPILOGUE = """
    print("finished", flush=True)
except KeyboardInterrupt:
    print("interrupted", time.monotonic(), flush=True)
    raise
"""


def start(script, out):
    body = "".join("    " + line + "\n" for line in script.strip().split("\n"))
    return subprocess.Popen([sys.executable, "-c", PROLOGUE + body + EPILOGUE, KOREA, str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("what", sorted(SCRIPTS))
def test_sigint_stops_within_a_second_and_leaves_nothing(what, tmp_path):
    out = tmp_path / "out"
    process = start(SCRIPTS[what], out)
    try:
        assert process.stdout.readline() == "go\n"
        if what == "to_folder":
            assert process.stdout.readline() == "ran\n"
        time.sleep(0.5)  # well inside the long call
        assert process.poll() is None
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)  # the interpreter's own exit (pandas) takes a while more
    finally:
        process.kill()
    stdout, stderr = process.communicate()
    words = stdout.split()
    assert "finished" not in words
    assert words[0] == "interrupted", stdout + stderr
    latency = float(words[1]) - sent
    assert 0 < latency < 1.0, f"KeyboardInterrupt {latency:.2f} s after SIGINT"
    assert "KeyboardInterrupt" in stderr, stderr
    assert process.returncode != 0
    assert not out.exists() or os.listdir(out) == [], os.listdir(out)
