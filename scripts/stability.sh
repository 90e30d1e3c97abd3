#!/usr/bin/env bash
# Proof of stability: grades every reference solution and every bug variant N times, each in a fresh
# JVM, and prints how often each solution lost points (target: never) and how often each variant was
# caught in its expected categories (target: at least 49 of 50).
#
#   scripts/stability.sh --runs 50 --jobs 2                  # everything
#   scripts/stability.sh --runs 50 --only solution:counter   # one subject (or an exercise name: all of it)
#   scripts/stability.sh --runs 20 --vary-seed               # run k uses seed default+k
#   scripts/stability.sh --runs 20 --cpus 1 --jobs 2 --only solutions,alternatives
#                                # pinned to one CPU (taskset), two gradings sharing it
#   --only takes subjects (solution:pool, Pool_Alt_LazyOnDemand, Counter_01_Unsynchronized), exercises
#   (pool), or the groups solutions, alternatives, variants.
#
# Every grading is appended to docs/stability/ledger.tsv as it finishes (--ledger FILE for another), and
# the runs already there for the same sources, CPUs and jobs count: stop it any time, run the same
# command again later, and it grades only the runs still missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f grader/target/racecourse-grader.jar ] || [ -n "$(find exercises solutions grader -newer grader/target/racecourse-grader.jar -name '*.java' -print -quit)" ]; then
  mvn -B -q -DskipTests install
fi
# --cpus N pins the whole run (and so every child JVM) to the first N CPUs, as a small grading container would.
pin=()
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--cpus" ]; then
    pin=(taskset -c "0-$(( $2 - 1 ))")
    shift 2
  else
    args+=("$1")
    shift
  fi
done
exec "${pin[@]}" java -cp grader/target/racecourse-grader.jar racecourse.grader.variants.Stability --repo . \
  --ledger docs/stability/ledger.tsv "${args[@]}"
