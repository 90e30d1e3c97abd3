#!/usr/bin/env bash
# Grades the correct designs in solutions/contract-only/ (written from the exercise contract alone, by
# sessions that never read the suites) as an instructor would, with the grader's `grade` command, and
# fails when any of them lost a point. Each folder there is one student who wrote one exercise; the
# exercises a student did not write are graded "missing" and do not count.
#
#   scripts/contract-only.sh              # once, on every core, two students at a time
#   scripts/contract-only.sh --cpus 1     # pinned to one CPU (taskset), two students sharing it
#   scripts/contract-only.sh --runs 3     # three gradings in turn
#
# Prints one line per student and run that lost a point (its report is kept), then a count. Needs the grader built
# (mvn -B -q install -DskipTests) and python3; GRADER_JAR=path grades with another build, DESIGNS_DIR=path
# another folder of students (to see it fail: a folder with a broken one).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${GRADER_JAR:-grader/target/racecourse-grader.jar}
designs=${DESIGNS_DIR:-solutions/contract-only}
runs=1
pin=()
while [ $# -gt 0 ]; do
  case "$1" in
    --cpus) pin=(taskset -c "0-$(( $2 - 1 ))"); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
lost=0
graded=0
for run in $(seq 1 "$runs"); do
  "${pin[@]}" java -jar "$jar" grade "$designs" --out "$work/out-$run" --jobs 2 --no-similarity \
    --seed "$((20260126 + run))" > "$work/log-$run" 2>&1 || { cat "$work/log-$run" >&2; exit 1; }
  # One line per student: the exercises that were graded (the one the student wrote), score and maximum.
  while IFS=$'\t' read -r student exercise score max; do
    graded=$((graded + 1))
    if [ "$score" != "$max" ]; then
      lost=$((lost + 1))
      echo "run $run: $student lost points in $exercise: $score of $max (see $work/out-$run/$student/index.html)"
    fi
  done < <(python3 - "$work/out-$run/summary.json" <<'EOF'
import json, sys
for s in json.load(open(sys.argv[1]))["students"]:
    for name, e in s["exercises"].items():
        if e["status"] == "graded":
            print(f"{s['id']}\t{name}\t{e['score']:g}\t{e['max']:g}")
EOF
  )
done
echo "$graded gradings of correct designs, $lost lost points"
if [ "$lost" -gt 0 ]; then
  echo "reports kept in $work" >&2
  exit 1
fi
rm -rf "$work"
