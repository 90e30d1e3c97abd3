#!/usr/bin/env bash
# Grades N copies of the bundled correct sample with --jobs 1 and with --jobs 2 and prints the wall
# time of each run and per submission. Needs the grader built (README: mvn -B -q install -DskipTests).
# Usage: bench/copies.sh [N] [extra grade options...]; GRADER_JAR=path runs another build (a copy, so
# rebuilding meanwhile cannot disturb the measurement).
set -euo pipefail
jar=${GRADER_JAR:-grader/target/racecourse-grader.jar}
cd "$(dirname "$0")/.."
n=${1:-20}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for i in $(seq -w 1 "$n"); do
  cp -r examples/submissions/alice-correct "$work/in/student-$i"
done
for jobs in 1 2; do
  start=$(date +%s.%N)
  java -jar "$jar" grade "$work/in" --out "$work/out-$jobs" --jobs "$jobs" "$@" > "$work/log-$jobs"
  end=$(date +%s.%N)
  wrong=$(grep -vc ',100$' "$work/out-$jobs/grades.csv" || true)
  awk -v n="$n" -v j="$jobs" -v s="$start" -v e="$end" -v w="$((wrong - 1))" \
    'BEGIN { t = e - s; printf "%d copies, --jobs %d: %.1f s wall, %.1f s per submission, %d not 100/100\n", n, j, t, t / n, w }'
done
