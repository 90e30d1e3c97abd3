#!/usr/bin/env bash
# Proof of stability: grades every reference solution and every bug variant N times, each in a fresh
# JVM, and prints how often each solution lost points (target: never) and how often each variant was
# caught in its expected categories (target: at least 49 of 50).
#
#   scripts/stability.sh --runs 50 --jobs 2                  # everything
#   scripts/stability.sh --runs 50 --only solution:counter   # one subject (or an exercise name: all of it)
#   scripts/stability.sh --runs 20 --vary-seed               # run k uses seed default+k
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f grader/target/racecourse-grader.jar ] || [ -n "$(find exercises solutions grader -newer grader/target/racecourse-grader.jar -name '*.java' -print -quit)" ]; then
  mvn -B -q -DskipTests install
fi
exec java -cp grader/target/racecourse-grader.jar racecourse.grader.variants.Stability --repo . "$@"
