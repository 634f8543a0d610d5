#!/usr/bin/python3
"""Docs that run: executes every fenced example of README.md, scenarios/README.md and docs/*.md.

    /usr/bin/python3 tests/docs/doc_examples.py --source . --build build [--only docs/sweeps.md]

The convention (README.md, "Development"): the first word of a fence's info string says what a
block is, the words after it are options.

    ```sh        commands, run by bash -e -o pipefail; the block must exit 0
    ```console   the lines starting with "$ " are commands (run like sh), the rest is output
    ```yaml      a scenario: a file with a top-level `scenario:` key is run through
                 `parley validate`; a fragment needs base=FILE (a scenario of the repository)
                 and optionally at=DOTTED.PATH: its keys replace those at PATH of FILE
    ```python    run by /usr/bin/python3 with the build's `parley` package importable (skipped,
                 and said so, when pandas or the package is missing)
    ```r         run by Rscript (skipped, and said so, when R is not installed)
    ```text, ```json, ```cpp, ```csv    shown only, never run
    exit=N       (sh, console, yaml) the block must exit with status N instead of 0
    norun        (sh, console) shown only: commands that build the project itself or rewrite
                 tracked files (tools/run, tools/test, PARLEY_UPDATE_GOLDEN=1 ...)

Every document gets a scratch copy of the repository (without .git and build folders) in which
its blocks run in order, from the copy's root: a later block may read what an earlier one
wrote (out/...). `parley` is on PATH and `build/` points at the build folder. A block without a
language, or with one not listed, is an error: every example says whether it runs.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

RUN_LANGUAGES = {"sh", "console", "yaml", "python", "r"}
SHOWN_LANGUAGES = {"text", "json", "cpp", "csv"}
BLOCK_TIMEOUT_SECONDS = 300


class Block:
    def __init__(self, doc, line, language, options, text):
        self.doc, self.line, self.language, self.options, self.text = (
            doc, line, language, options, text)

    def where(self):
        return f"{self.doc}:{self.line}"


def parse_options(words):
    options = {}
    for word in words:
        key, _, value = word.partition("=")
        options[key] = value if value else True
    return options


def fenced_blocks(doc, text):
    """Yields every fenced block of a Markdown text, its content unindented."""
    lines = text.split("\n")
    i = 0
    fence_re = re.compile(r"^( {0,12})(`{3,}|~{3,})(.*)$")
    while i < len(lines):
        m = fence_re.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3).strip()
        start = i + 1
        body = []
        i += 1
        while i < len(lines):
            close = re.match(r"^ {0,12}(`{3,}|~{3,})\s*$", lines[i])
            if close and close.group(1)[0] == fence[0] and len(close.group(1)) >= len(fence):
                break
            line = lines[i]
            body.append(line[indent:] if line[:indent].strip() == "" else line)
            i += 1
        i += 1
        words = info.split()
        language = words[0].lower() if words else ""
        yield Block(doc, start, language, parse_options(words[1:]), "\n".join(body) + "\n")


def documents(source):
    docs = ["README.md", os.path.join("scenarios", "README.md")]
    docs += sorted(os.path.join("docs", f) for f in os.listdir(os.path.join(source, "docs"))
                   if f.endswith(".md"))
    return docs


def scratch_copy(source, build, into):
    def ignore(folder, names):
        if os.path.abspath(folder) == os.path.abspath(source):
            return [n for n in names
                    if n in (".git", "out", "node_modules") or n.startswith("build")]
        return []
    shutil.copytree(source, into, ignore=ignore, symlinks=True)
    os.symlink(os.path.abspath(build), os.path.join(into, "build"))


def run(command, cwd, env, stdin_text=None):
    try:
        done = subprocess.run(command, cwd=cwd, env=env, input=stdin_text, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=BLOCK_TIMEOUT_SECONDS)
        return done.returncode, done.stdout
    except subprocess.TimeoutExpired as e:
        return None, (e.stdout or "") + f"\n(timed out after {BLOCK_TIMEOUT_SECONDS} s)"


def console_commands(text):
    """The "$ " lines of a console transcript, with their backslash continuations."""
    commands, current = [], None
    for line in text.split("\n"):
        if current is not None:
            current.append(line)
            if not line.endswith("\\"):
                commands.append("\n".join(current))
                current = None
        elif line.startswith("$ "):
            if line.endswith("\\"):
                current = [line[2:]]
            else:
                commands.append(line[2:])
    return "\n".join(commands) + "\n"


def scenario_of(block, scratch):
    """The YAML text `parley validate` checks for a yaml block, or raises ValueError."""
    data = yaml.safe_load(block.text)
    if isinstance(data, dict) and "scenario" in data:
        return block.text
    base = block.options.get("base")
    if not isinstance(base, str):
        raise ValueError("a yaml block without a top-level 'scenario:' needs base=FILE")
    with open(os.path.join(scratch, base)) as f:
        merged = yaml.safe_load(f)
    target = merged
    at = block.options.get("at")
    if isinstance(at, str):
        for key in at.split("."):
            target = target[key]
    if not isinstance(data, dict):
        raise ValueError("a yaml fragment must be a map")
    target.update(data)
    return yaml.safe_dump(merged, sort_keys=False)


def check(block, scratch, env):
    """Runs one block: returns (status, output); status is 'pass', 'fail', 'skip' or 'shown'."""
    language, options = block.language, block.options
    if language in SHOWN_LANGUAGES or options.get("norun"):
        return "shown", ""
    if language not in RUN_LANGUAGES:
        return "fail", (f"fence language '{language}' is none of " +
                        ", ".join(sorted(RUN_LANGUAGES | SHOWN_LANGUAGES)) +
                        " (say whether the block runs)")
    expected = int(options.get("exit", 0))
    if language in ("sh", "console"):
        script = block.text if language == "sh" else console_commands(block.text)
        if not script.strip():
            return "fail", "no command in the block"
        code, output = run(["bash", "-e", "-o", "pipefail", "-c", script], scratch, env)
    elif language == "yaml":
        try:
            text = scenario_of(block, scratch)
        except (ValueError, KeyError, yaml.YAMLError) as e:
            return "fail", f"cannot make a scenario of the block: {e}"
        path = os.path.join(scratch, "out", f"doc_example_{block.line}.yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        code, output = run(["parley", "validate", path], scratch, env)
    elif language == "python":
        probe, _ = run(["/usr/bin/python3", "-c", "import pandas"], scratch, env)
        if probe != 0:
            return "skip", "pandas is not installed for /usr/bin/python3"
        if re.search(r"^\s*(import|from) parley\b", block.text, re.M) and not os.path.isdir(
                os.path.join(scratch, "build", "python", "parley")):
            return "skip", "the parley Python package is not in this build (sanitizer builds)"
        code, output = run(["/usr/bin/python3", "-"], scratch, env, block.text)
    else:  # r
        if shutil.which("Rscript", path=env["PATH"]) is None:
            return "skip", "R is not installed (Rscript not on PATH)"
        code, output = run(["Rscript", "-e", block.text], scratch, env)
    if code != expected:
        return "fail", output + f"\nexit status {code}, expected {expected}"
    return "pass", output


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", required=True, help="the repository root")
    parser.add_argument("--build", required=True, help="the build folder holding parley")
    parser.add_argument("--only", action="append", help="check only this document")
    args = parser.parse_args()
    source, build = os.path.abspath(args.source), os.path.abspath(args.build)
    parley = os.path.join(build, "parley")
    if not os.access(parley, os.X_OK):
        sys.exit(f"doc_examples: no executable {parley}")

    counts = {"pass": 0, "fail": 0, "skip": 0, "shown": 0}
    failures = []
    with tempfile.TemporaryDirectory(prefix="parley_docs_") as work:
        bin_dir = os.path.join(work, "bin")
        os.mkdir(bin_dir)
        os.symlink(parley, os.path.join(bin_dir, "parley"))
        env = dict(os.environ)
        env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
        env["MPLBACKEND"] = "Agg"
        env["PYTHONPATH"] = os.path.join(build, "python")  # `import parley` (docs/python.md)
        for doc in args.only or documents(source):
            scratch = os.path.join(work, doc.replace(os.sep, "_"))
            scratch_copy(source, build, scratch)
            with open(os.path.join(source, doc)) as f:
                blocks = list(fenced_blocks(doc, f.read()))
            for block in blocks:
                started = time.monotonic()
                status, output = check(block, scratch, env)
                seconds = f"{time.monotonic() - started:.1f} s"
                counts[status] += 1
                label = block.language + "".join(
                    f" {k}" + (f"={v}" if v is not True else "") for k, v in block.options.items())
                if status == "fail":
                    failures.append(block)
                    print(f"FAIL {block.where()} ({label}, {seconds})\n{block.text}"
                          f"--- output:\n{output}", flush=True)
                elif status == "skip":
                    print(f"skip {block.where()} ({label}): {output}", flush=True)
                else:
                    print(f"{'ok  ' if status == 'pass' else 'shown'} {block.where()} ({label}"
                          + (f", {seconds})" if status == "pass" else ")"), flush=True)
    print(f"doc examples: {counts['pass'] + counts['fail']} run, {counts['skip']} skipped, "
          f"{counts['shown']} shown only")
    print(f"{counts['pass']} passed, {counts['fail']} failed")
    if failures:
        print("failed: " + ", ".join(b.where() for b in failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
