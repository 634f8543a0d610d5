#!/bin/bash
# Instructions the engine executes per trial, counted by callgrind over a fixed run: exact and
# repeatable, unlike the clock of a shared host, so it shows a change of a tenth of a per cent
# that timings on such a host cannot.
#
#   bench/instructions_per_trial.sh [BUILD_DIR] [SCENARIO] [TRIALS]
#   bench/instructions_per_trial.sh build scenarios/korea_sma11.yaml 20000
#
# Runs `parley run SCENARIO --trials TRIALS --threads 1` (the scenario's seed) under callgrind,
# counting only inside Simulator::run_trial: YAML, statistics and output are left out. Needs
# valgrind (apt-get install valgrind).
set -euo pipefail
build=${1:-build}
scenario=${2:-scenarios/korea_sma11.yaml}
trials=${3:-20000}
command -v valgrind >/dev/null || { echo "error: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
cmake --build "$build" --target parley >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
valgrind --tool=callgrind --toggle-collect='parley::Simulator::run_trial(*' \
  --callgrind-out-file="$work/callgrind.out" "$build/parley" run "$scenario" --trials "$trials" \
  --threads 1 --quiet --out "$work/out" 2>"$work/log" >/dev/null
collected=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/log")
[ -n "$collected" ] || { cat "$work/log" >&2; exit 1; }
awk -v n="$collected" -v t="$trials" -v s="$scenario" \
  'BEGIN { printf "%.0f instructions a trial (%s, %d trials)\n", n / t, s, t }'
