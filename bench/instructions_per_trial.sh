#!/bin/bash
# Instructions one trial executes, counted by callgrind: deterministic, unlike the clock of a
# shared host, so it shows a change of a few per cent that timings on such a host cannot.
#
#   bench/instructions_per_trial.sh [BUILD_DIR] [BENCHMARK]
#   bench/instructions_per_trial.sh build BM_KoreaSma11YamlTrial
#
# BENCHMARK is one of engine_bench's per-trial benchmarks (default BM_Sma11Trial/fast; also
# BM_Sma11Trial/stepwise, BM_KoreaSma11YamlTrial). Needs valgrind (apt-get install valgrind).
set -euo pipefail
build=${1:-build}
benchmark=${2:-BM_Sma11Trial/fast}
command -v valgrind >/dev/null || { echo "error: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
cmake --build "$build" --target engine_bench >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" "$build/bench/engine_bench" \
  --benchmark_filter="^${benchmark}\$" --benchmark_min_time=0.2 >/dev/null 2>&1
# In the caller tree, the lines "<" before the "*" line of Simulator::run_trial (or of
# run_trial_stepwise) are its callers, each with the instructions of its calls (inclusive) and
# their number. Between runs the count moves by a few instructions in 4,000 (the time given
# decides how many trials, so which ones, callgrind gets through); a change of 0.5 % shows.
callgrind_annotate --inclusive=yes --tree=caller "$out" | awk -v b="${benchmark%%/*}" '
  /^ *[0-9,]+ .* < / { if (index($0, b "<") || index($0, b "(")) caller = $0; next }
  /^ *[0-9,]+ .* \* .*parley::Simulator::run_trial(_stepwise)?\(/ {
    if (caller != "") {
      n = caller; sub(/^ */, "", n); sub(/ .*/, "", n); gsub(",", "", n)
      calls = caller; sub(/.*\(/, "", calls); sub(/x\).*/, "", calls); gsub(",", "", calls)
      printf "%.0f instructions a trial (%s trials)\n", n / calls, calls
      found = 1; exit
    }
  }
  /^$/ { caller = "" }
  END { if (!found) { print "error: no calls to Simulator::run_trial found" > "/dev/stderr"; exit 1 } }'
