#!/usr/bin/env bash
# Issue 15's benchmark: the bundled correct sample graded as a whole process with all nine exercises
# against the same with the first five only (--only counter,handoff,workqueue,pool,gather), in
# alternating pairs (nine, five, nine, five, ...) so that a slow minute of the machine hits both.
# The first pair is a warm-up (it builds the class-data archive after a new jar) and is not counted.
# Prints each pair's wall times and ratio, then the median of each. Needs the grader built.
# Usage: bench/nine-vs-five.sh [PAIRS] [extra grade options...]   (default 3 pairs; GRADER_JAR=path
# runs another build). Run it with nothing else on the machine.
set -euo pipefail
jar=${GRADER_JAR:-grader/target/racecourse-grader.jar}
cd "$(dirname "$0")/.."
pairs=${1:-3}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
cp -r examples/submissions/alice-correct "$work/in/alice-correct"
first_five=counter,handoff,workqueue,pool,gather

# Prints the wall seconds of one grading; stops the script if the sample did not get full marks.
grade() {
  local out=$1
  shift
  rm -rf "$out"
  local start end
  start=$(date +%s.%N)
  java -jar "$jar" grade "$work/in" --out "$out" --jobs 1 --no-similarity "$@" > "$out.log" 2>&1
  end=$(date +%s.%N)
  # Full marks: the student's score equals its maximum in summary.json (grades.csv's total is in points).
  if ! python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["students"][0]; sys.exit(s["score"] != s["max"])' \
      "$out/summary.json"; then
    echo "the correct sample lost points; see $out.log" >&2
    exit 1
  fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }'
}

nines=()
fives=()
for i in $(seq 0 "$pairs"); do
  nine=$(grade "$work/nine" "$@")
  five=$(grade "$work/five" --only "$first_five" "$@")
  if [ "$i" -eq 0 ]; then
    echo "warm-up pair: nine $nine s, five $five s (not counted)"
    continue
  fi
  nines+=("$nine")
  fives+=("$five")
  awk -v n="$nine" -v f="$five" -v i="$i" 'BEGIN { printf "pair %d: nine %.1f s, five %.1f s, ratio %.2f\n", i, n, f, n / f }'
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mn=$(median "${nines[@]}")
mf=$(median "${fives[@]}")
awk -v n="$mn" -v f="$mf" 'BEGIN { printf "median: nine %.1f s, five %.1f s, ratio %.2f (issue 15 asks at most 1.60)\n", n, f, n / f }'
