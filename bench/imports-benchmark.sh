#!/bin/sh
# The import benchmark of issue #5 (see docs/benchmarks.md, section "Import").
# Usage: bench/imports-benchmark.sh [rows]   (default 1000000). Heap is capped at 512 MB.
set -e
cd "$(dirname "$0")/.."
# SKIP_BUILD=1 runs what is built (bench/imports-ab.sh builds each side once, then runs it several times).
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f target/bench-classpath.txt ]; then
    # clean first: a withdrawn migration left in target/classes would otherwise still be applied
    ./mvnw -B -q clean test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
exec java -Xmx512m $BENCH_JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.kervan.bench.imports.ContactImportBenchmark "${1:-1000000}"
