#!/usr/bin/env bash
# Steady-state own CPU per request, thread by thread (issue 9): the service and the floor each answer
# one client (one request at a time) after a warm-up, and the CPU of every thread of their
# process is read from /proc/<pid>/task/*/stat before and after. Unlike scripts/benchmark.sh, whose
# DB-bound runs see only tens of requests (so the JIT compiler is a large share of "own CPU"), this runs
# enough requests for the JIT to settle, and shows the compiler's share on a line of its own.
# Usage: scripts/thread-cpu.sh [SESSION [REQUESTS]]   e.g. Qb1 2000, Qb200 200, Qb1000 60, PATCH 2000,
#   or /api/v1/none 2000: a path no route answers, so both answer 404 with no database work (the web
#   stack's own cost: the service's filters, security and MVC against the JDK's bare HttpServer).
#   BENCH_JAR=target/tachi-sessions.jar  BENCH_JAVA=/path/to/java (the service's JVM)  BENCH_JVM_OPTS=".."
#   BENCH_ARGS="--spring.threads.virtual.enabled=true" (the service's arguments)
# Needs bash, curl, python3 and a build: scripts/benchmark.sh builds it (or BENCH_SKIP_BUILD=1).
set -euo pipefail
cd "$(dirname "$0")/.."
session=${1:-Qb1}; requests=${2:-1000}; warm=$(( requests / 2 ))
jar=${BENCH_JAR:-target/tachi-sessions.jar}; java=${BENCH_JAVA:-$(command -v java)}
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -q -B -ntp package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
fi
classpath="target/test-classes:target/classes:$(cat target/benchmark.classpath)"
work=$(mktemp -d); pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
java -Xmx3g -cp "$classpath" org.tachi.sessions.benchmark.BenchmarkDatabase > "$work/db.out" 2>&1 & pids+=($!)
until grep -qs READY "$work/db.out"; do sleep 1; done
uri=$(awk '/READY/ {print $2}' "$work/db.out")
MONGODB_URI=$uri "$java" -Xmx512m ${BENCH_JVM_OPTS:-} -jar "$jar" --server.port=18555 --logging.level.root=WARN \
  --tachi.rate-limit.requests=1000000000 ${BENCH_ARGS:-} > "$work/service.out" 2>&1 & service=$!; pids+=($service)
until curl -s -o /dev/null http://127.0.0.1:18555/actuator/health; do sleep 1; done
mkdir "$work/bodies"
for s in Qb1 Qb50 Qb200 Qb1000; do curl -s -o "$work/bodies/$s.json" "http://127.0.0.1:18555/api/v1/sessions/$s"; done
patch=(-X PATCH -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
  --data '{"name":"Benchmark patch"}')
curl -s -o "$work/bodies/patch.json" "${patch[@]}" http://127.0.0.1:18555/api/v1/sessions/Qpatch
# nodelay: without it the JDK's HttpServer waits on Nagle's algorithm (about 40 ms a PATCH).
java -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "$classpath" org.tachi.sessions.benchmark.BenchmarkFloor "$uri" 18556 "$work/bodies" \
  > "$work/floor.out" 2>&1 & floor=$!; pids+=($floor)
until grep -qs READY "$work/floor.out"; do sleep 1; done

threads() { for t in /proc/"$1"/task/*; do echo "$(tr ' ' _ < "$t/comm") $(sed 's/.*) //' "$t/stat" | cut -d' ' -f12,13)"; done; }
# One client on one keep-alive connection (as the benchmark's clients), so the figures are per
# request, not per TCP connection.
load() { java -cp "$classpath" org.tachi.sessions.benchmark.SteadyLoad "$1" "$2" "$session"; }
echo "session $session, $requests requests after $warm, load $(cut -d' ' -f1-3 /proc/loadavg)"
for target in service:18555:$service floor:18556:$floor; do
  IFS=: read -r name port pid <<< "$target"
  load "$port" "$warm"
  threads "$pid" > "$work/before"; load "$port" "$requests"; threads "$pid" > "$work/after"
  python3 - "$name" "$requests" "$(getconf CLK_TCK)" "$work/before" "$work/after" <<'PY'
import collections, re, sys
name, n, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def groups(path):
    total = collections.Counter()
    for line in open(path):
        thread, user, system = line.split()
        total[re.sub(r"\d+", "#", thread)] += int(user) + int(system)
    return total
delta = groups(sys.argv[5]) - groups(sys.argv[4])
ms = lambda ticks: ticks * 1000 / hz / n
jit = sum(v for k, v in delta.items() if "Compiler" in k)
print(f"{name}: own CPU {ms(sum(delta.values())):.2f} ms/req, without the JIT compiler {ms(sum(delta.values()) - jit):.2f}")
for thread, ticks in delta.most_common(6):
    print(f"  {ms(ticks):8.2f} ms/req  {thread}")
PY
done
