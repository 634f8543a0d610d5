#!/usr/bin/env bash
# Peak memory of `parley run` against the number of trials, one fresh process per count.
#   bench/analysis_peak_rss.sh [BUILD_DIR] [SCENARIO]
# Prints trials, wall seconds and peak RSS (KB) from /usr/bin/time -v.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
scenario="${2:-$root/scenarios/korea_sma11.yaml}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
printf '%10s %10s %14s\n' trials seconds peak_rss_KB
# Trial counts: PARLEY_RSS_TRIALS="100000 1000000" measures those; default 10^5 to 10^8.
for trials in ${PARLEY_RSS_TRIALS:-100000 1000000 10000000 100000000}; do
  report="$( { /usr/bin/time -v "$build/parley" run "$scenario" --trials "$trials" \
                 --out "$out/run" --quiet; } 2>&1 )"
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
                        for (i = 1; i <= n; ++i) s = s * 60 + t[i]; print s }' <<<"$report")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' <<<"$report")
  printf '%10s %10s %14s\n' "$trials" "$seconds" "$rss"
done
