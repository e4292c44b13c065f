#!/usr/bin/env bash
# GET latency of a 1-score and a 300-score session (median/p90/p99 over loopback HTTP);
# with FolderRaisesBenchmark, queries and latency of folder-raises for a 200-score session.
# Usage: scripts/benchmark.sh [FolderRaisesBenchmark]    (numbers and how to read them: docs/benchmark.md)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
exec java -Xms512m -Xmx512m -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  "org.tachi.sessions.benchmark.${1:-SessionLatencyBenchmark}"
