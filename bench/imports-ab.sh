#!/usr/bin/env bash
# Compares the import benchmark of two commits by alternating them, run after run, on this machine.
#
# On the 2-core machine the same import varies by up to ±10 % within a day (docs/benchmarks.md, "Session 12"),
# so a change of a few per cent only shows when its runs sit between the runs of the code before it.
#
# Usage: bench/imports-ab.sh BASE CHANGED [pairs] [rows]
#   BASE, CHANGED  commits, branches or tags (e.g. main~1 main)
#   pairs          runs of each, alternated: BASE, CHANGED, BASE, CHANGED, … (default 3)
#   rows           contacts per import (default 300000)
# Extra JVM options for both sides: BENCH_JAVA_OPTS (read by bench/imports-benchmark.sh). Prints one line per run and the median of each side.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${1:?usage: bench/imports-ab.sh BASE CHANGED [pairs] [rows]}"
CHANGED="${2:?usage: bench/imports-ab.sh BASE CHANGED [pairs] [rows]}"
PAIRS="${3:-3}"
ROWS="${4:-300000}"
WORK="$(mktemp -d /tmp/kervan-imports-ab.XXXXXX)"

cleanup() {
  for side in base changed; do
    [[ -d "$WORK/$side" ]] && git -C "$ROOT" worktree remove --force "$WORK/$side" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

for side in base changed; do
  ref="$BASE"; [[ "$side" == changed ]] && ref="$CHANGED"
  echo "building $side ($ref)"
  git -C "$ROOT" worktree add --detach "$WORK/$side" "$ref" >/dev/null
  (cd "$WORK/$side" && ./mvnw -B -q test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
done

run() { # side, run number
  # each side's own benchmark script, so that heap cap and options are the ones of its commit
  (cd "$WORK/$1" && SKIP_BUILD=1 bench/imports-benchmark.sh "$ROWS" > "$WORK/$1-$2.log" 2>&1)
  local rate
  rate="$(grep -o '[0-9]* rows/s in the job' "$WORK/$1-$2.log" | grep -o '^[0-9]*' || echo failed)"
  echo "$1 run $2: $rate rows/s in the job; $(grep -o 'ratio import/COPY: .*' "$WORK/$1-$2.log" || true);" \
       "$(grep -o 'peak heap in use.*' "$WORK/$1-$2.log" || true)"
  echo "$rate" >> "$WORK/$1.rates"
}

for i in $(seq 1 "$PAIRS"); do
  run base "$i"
  run changed "$i"
done

median() { grep -v failed "$WORK/$1.rates" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "median: base $(median base), changed $(median changed) rows/s in the job ($ROWS rows, $PAIRS pairs)"
