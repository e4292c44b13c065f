#!/usr/bin/env bash
# Issue 9's benchmark: the service vs the floor (bare driver + same bytes), own CPU and DB CPU per
# request from /proc, allocation, heap, GC; three JVMs besides the load client (docs/benchmark.md).
# Usage: scripts/benchmark.sh [cpu|memory|folder-raises]
#   BENCH_SECONDS=8          measured seconds per run (plus a quarter of it as warm-up)
#   BENCH_JAVA=/path/to/java the service's JVM (e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
#   BENCH_JVM_OPTS="..."     extra service JVM flags;  BENCH_ARGS="--x=y" extra service arguments
#   MONGODB_URI=...          seed and use that database (its tachi_benchmark database is dropped!)
# folder-raises: queries and latency of folder-raises on a 200-score session (FolderRaisesBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -q -B -ntp package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
fi
classpath="target/test-classes:target/classes:$(cat target/benchmark.classpath)"
if [[ "${1:-cpu}" == folder-raises ]]; then
  exec java -Xms512m -Xmx512m -cp "$classpath" org.tachi.sessions.benchmark.FolderRaisesBenchmark
fi
exec java -Xmx1g -Dbench.seconds="${BENCH_SECONDS:-8}" -Dbench.java="${BENCH_JAVA:-$(command -v java)}" \
  -Dbench.jvm.opts="${BENCH_JVM_OPTS:-}" -Dbench.service.args="${BENCH_ARGS:-}" \
  -cp "$classpath" org.tachi.sessions.benchmark.SessionBenchmark "${1:-cpu}"
