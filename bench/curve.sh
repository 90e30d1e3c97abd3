#!/usr/bin/env bash
# Detection against test budget: grades the bug variants (and the solutions) with Lincheck's budgets
# scaled to each given percentage of the first version's (model checking 10 x 100, stress 5 x 200,
# concurrent tests at the invocations their call sites name; today's defaults are its 25 %), and prints per budget how many variants were caught in their expected categories, how
# many solutions lost points, and the summed median seconds. The defaults should sit where detection
# stops growing.
#   bench/curve.sh [--runs R] [--only NAMES] 25 50 100 200
set -euo pipefail
cd "$(dirname "$0")/.."
runs=1
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --only) only=(--only "$2"); shift 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || set -- 25 50 100
printf '%-8s %-12s %-18s %-16s %s\n' budget mc stress "variants caught" "solutions ok   seconds (sum of medians)"
for pct in "$@"; do
  mci=$(( (10 * pct + 99) / 100 )); mcn=$(( (100 * pct + 99) / 100 ))
  sti=$(( (5 * pct + 99) / 100 )); stn=$(( (200 * pct + 99) / 100 ))
  out=$(scripts/stability.sh --runs "$runs" --jobs 1 "${only[@]}" \
    --jvm -Dracecourse.lincheck.mc.iterations=$mci --jvm -Dracecourse.lincheck.mc.invocations=$mcn \
    --jvm -Dracecourse.lincheck.stress.iterations=$sti --jvm -Dracecourse.lincheck.stress.invocations=$stn \
    --jvm -Dracecourse.lincheck.concurrent.percent=$pct)
  # Keep each budget's full table: which variant was missed is the interesting part.
  mkdir -p target/curve && echo "$out" > "target/curve/budget-$pct.txt"
  # Stability's columns: subject, expected, x/runs, ok|caught, median seconds, categories ...
  caught=$(echo "$out" | awk '$4 == "caught" && $2 != "(best-effort)" { split($3, r, "/"); c += r[1]; t += r[2] } END { print c "/" t }')
  solved=$(echo "$out" | awk '$4 == "ok" { split($3, r, "/"); c += r[1]; t += r[2] } END { print c "/" t }')
  secs=$(echo "$out" | awk '$4 == "ok" || $4 == "caught" { s += $5 } END { printf "%.1f", s }')
  printf '%-8s %-12s %-18s %-16s %s %s\n' "$pct%" "${mci}x${mcn}" "${sti}x${stn}" "$caught" "$solved" "$secs"
done
