#!/usr/bin/env bash
# Renders the figures of one `parley run` output folder with gnuplot:
#
#   analysis/results/plot.sh out/korea_sma11
#     -> out/korea_sma11/amount_<table>.png    amount density per group (one panel per group),
#                                              dashed line at the median, dotted at p05 and p95
#     -> out/korea_sma11/outcomes_<table>.png  outcome shares per group, bars of +- 1.96 se
#
# Reads histograms.csv, summary.csv and outcomes.csv only (the v1 contract, docs/outputs.md).
# Needs gnuplot (tools/setup.sh installs gnuplot-nox); uses the pngcairo terminal, or png.
set -euo pipefail

dir="${1:?usage: analysis/results/plot.sh OUTDIR}"
command -v gnuplot >/dev/null ||
  { echo "plot.sh: gnuplot not found (tools/setup.sh installs gnuplot-nox)" >&2; exit 1; }
for file in histograms.csv summary.csv outcomes.csv; do
  [ -f "$dir/$file" ] || { echo "plot.sh: $dir/$file is missing" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
terminal="pngcairo"
gnuplot -e "set terminal" 2>&1 | grep -qw pngcairo || terminal="png"

# Distinct values of column $2 of CSV $1 (rows where column $3 equals $4, if given), in order.
distinct() {
  awk -F, -v c="$2" -v k="${3:-0}" -v v="${4:-}" \
    'NR > 1 && (k == 0 || $k == v) && !seen[$c]++ { print $c }' "$1"
}

for table in $(distinct "$dir/outcomes.csv" 1); do
  safe_table="${table//[^A-Za-z0-9_.-]/_}"

  # Amount: one panel per group, finite bins only; a group without trials has no density.
  if grep -q "^$table,amount," "$dir/histograms.csv"; then
    groups=($(distinct "$dir/histograms.csv" 3 1 "$table"))
    count=${#groups[@]}
    columns=$((count < 3 ? count : 3))
    rows=$(((count + columns - 1) / columns))
    script="$work/amount_$safe_table.gp"
    {
      echo "set terminal $terminal size $((420 * columns)),$((300 * rows + 40)) noenhanced font ',9'"
      echo "set output '$dir/amount_$safe_table.png'"
      echo "set datafile separator '\t'"
      echo "set style fill solid 0.6 border -1"
      echo "set multiplot layout $rows,$columns title '$table: amount of settled trials (density per trial of the group)'"
      echo "set xlabel 'amount'; set ylabel 'density'; set key off; set grid ytics"
    } >"$script"
    index=0
    for group in "${groups[@]}"; do
      data="$work/amount_${safe_table}_$index.dat"
      awk -F, -v t="$table" -v g="$group" -v OFS='\t' \
        'NR > 1 && $1 == t && $2 == "amount" && $3 == g && $4 != "-inf" && $5 != "inf" {
           print $4, $5, ($7 == "" ? 0 : $7), $6 }' "$dir/histograms.csv" >"$data"
      # n and quantiles of this group from summary.csv: n p05 p50 p95
      read -r n p05 p50 p95 < <(awk -F, -v t="$table" -v g="$group" \
        'NR > 1 && $1 == t && $2 == "amount" && $3 == g { print $4, $9, $11, $13 }' \
        "$dir/summary.csv")
      {
        echo "unset arrow"
        if [ -n "${p50:-}" ]; then
          echo "set arrow from $p50, graph 0 to $p50, graph 1 nohead dt 2 lw 1.5"
          echo "set arrow from $p05, graph 0 to $p05, graph 1 nohead dt 3"
          echo "set arrow from $p95, graph 0 to $p95, graph 1 nohead dt 3"
        fi
        echo "set title '$group (n = ${n:-0})'"
        if [ "${n:-0}" = 0 ]; then
          echo "set yrange [0:1]; set label 1 'no settled trials' at graph 0.5, 0.5 center"
        else
          echo "set yrange [0:*]; unset label 1"
        fi
        echo "plot '$data' using ((\$1 + \$2) / 2):3:(\$2 - \$1) with boxes lc rgb '#3b6ea5'"
      } >>"$script"
      index=$((index + 1))
    done
    echo "unset multiplot" >>"$script"
    gnuplot "$script"
  fi

  # Outcome shares per group with +- 1.96 standard errors.
  data="$work/outcomes_$safe_table.dat"
  awk -F, -v t="$table" -v OFS='\t' '
    NR > 1 && $1 == t {
      if (!($2 in row)) { order[++n] = $2 }
      row[$2] = row[$2] OFS ($5 == "" ? 0 : $5) OFS ($6 == "" ? 0 : 1.96 * $6)
    }
    END { for (i = 1; i <= n; ++i) print order[i] row[order[i]] }' "$dir/outcomes.csv" >"$data"
  groups=$(wc -l <"$data")
  gnuplot <<GNUPLOT
set terminal $terminal size $((300 + 110 * groups)),420 noenhanced font ',9'
set output '$dir/outcomes_$safe_table.png'
set datafile separator '\t'
set title '$table: outcome shares (bars: +- 1.96 se)'
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.7 border -1
set yrange [0:1.05]
set ylabel 'share of trials'
set grid ytics
set key top right
set xtics rotate by -30
plot '$data' using 2:3:xtic(1) title 'agreed' lc rgb '#2e7d32', \
     '' using 4:5 title 'extended' lc rgb '#f9a825', \
     '' using 6:7 title 'no_deal' lc rgb '#c62828'
GNUPLOT
done
