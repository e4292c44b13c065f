#!/usr/bin/env bash
# Container smoke test: builds the real image from ./Dockerfile, as `docker build .` would from a
# fresh clone (the jar is built inside, by Maven in the JDK build stage; nothing from the host's
# target/), and runs it, on a machine without a Docker engine or image registry access (podman, and
# Debian JDK and JRE base images made locally with debootstrap for the BUILDER and BASE arguments).
#
#   bash scripts/container-smoke.sh
#
# Checks: without MONGODB_URI and without TACHI_DEMO=true the image refuses to start, saying what
# to set (fail closed); against a MongoDB wire-protocol server on the host: demo data loads through
# the one-shot opt-in; GET of an unknown session is the 404 envelope, of a seeded one 200; the
# image's HEALTHCHECK passes; the process is PID 1 and not root; the JVM sizes its heap from the
# container memory limit; JSON logs carry the request ID; SIGTERM lets an in-flight request finish
# and the JVM exits 143 (its own status after a clean SIGTERM stop) within 10 s. Also validates
# docker-compose.yml offline. Prints the image build time, the image
# size and the measured cold-start-to-ready time. Exits non-zero with "SMOKE FAILED: ..." on the
# first problem.
#
# Needs root (apt-get, podman) and Maven Central (the build stage). Cached outside the repo under
# $TACHI_SMOKE_CACHE (default /var/cache/tachi-sessions-base): the base images, keyed by recipe,
# podman's storage (layer cache) and the build's Maven repository (RUN --mount=type=cache).
# Env: TACHI_SMOKE_KEEP=1 keeps the work dir; TACHI_SMOKE_REBUILD_BASE=1 rebuilds both bases.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TACHI_SMOKE_CACHE:-/var/cache/tachi-sessions-base}"
IMAGE="localhost/tachi-sessions:smoke"
APP="tachi-smoke-app"
SEED="tachi-smoke-seed"
START_SECONDS=$SECONDS

say() { printf '[smoke %3ds] %s\n' "$((SECONDS - START_SECONDS))" "$*"; }
fail() {
	printf '\nSMOKE FAILED: %s\n' "$*" >&2
	if [ -n "${PODMAN_READY:-}" ] && podman container exists "$APP" 2>/dev/null; then
		echo "---- last log lines of $APP ----" >&2
		podman logs --tail 60 "$APP" >&2 2>&1 || true
	fi
	exit 1
}

[ "$(id -u)" = 0 ] || fail "run as root (apt-get, podman)"

# ---------------------------------------------------------------- tools
need=()
for tool in podman:podman runc:runc debootstrap:debootstrap docker-compose:docker-compose curl:curl javac:openjdk-17-jdk-headless; do
	command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool#*:}")
done
if [ "${#need[@]}" -gt 0 ]; then
	say "installing ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null || fail "apt-get update failed"
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || fail "apt-get install ${need[*]} failed"
fi

# ---------------------------------------------------------------- compose file, offline
(cd "$ROOT" && docker-compose -f docker-compose.yml config -q) || fail "docker-compose.yml is invalid"
(cd "$ROOT" && docker-compose -f docker-compose.yml --profile demo-data config -q) || fail "docker-compose.yml (demo-data profile) is invalid"
say "docker-compose.yml valid (docker-compose config -q)"

# ---------------------------------------------------------------- podman, configured for this sandbox
WORK="$(mktemp -d /tmp/tachi-smoke.XXXXXX)"
MONGO_PID=""
cleanup() {
	set +e
	if [ -n "${PODMAN_READY:-}" ]; then
		podman rm -f -i -t 0 "$APP" >/dev/null 2>&1
		podman rm -f -i -t 0 "$SEED" >/dev/null 2>&1
		podman image prune -f >/dev/null 2>&1
	fi
	[ -n "$MONGO_PID" ] && kill "$MONGO_PID" 2>/dev/null && wait "$MONGO_PID" 2>/dev/null
	[ -n "${TACHI_SMOKE_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

nofile="$(ulimit -Hn)"
[ "$nofile" = unlimited ] && nofile=1048576
nproc="$(ulimit -Hu)"
{ [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; } && nproc=32768
mkdir -p "$CACHE/podman"
# runc + cgroupfs: crun fails on this machine's hybrid cgroups. Ulimits no higher than the hard limits.
cat >"$WORK/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
cat >"$WORK/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$CACHE/podman/storage"
runroot = "$CACHE/podman/run"
EOF
export CONTAINERS_CONF="$WORK/containers.conf" CONTAINERS_STORAGE_CONF="$WORK/storage.conf"
podman info >/dev/null 2>&1 || fail "podman does not work here: $(podman info 2>&1 | tail -3)"
PODMAN_READY=1
for name in "$APP" "$SEED"; do
	podman rm -f -i -t 0 "$name" >/dev/null 2>&1 || true
	! podman container exists "$name" || fail "cannot remove the old container $name"
done

# ---------------------------------------------------------------- base images: Debian bookworm + OpenJDK 17
mirror="$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null \
	| grep -v security | head -1 || true)"
if [ -z "$mirror" ]; then
	mirror="$(awk '$1 == "deb" && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"
# make_base VAR PACKAGE: a local image with Debian's PACKAGE (the JRE for the runtime, the JDK for the
# Dockerfile's build stage), its name stored in VAR. The recipe is what the cache is keyed by: change
# any of it and that base is rebuilt.
make_base() {
	local var="$1" package="$2"
	local recipe="debootstrap --variant=minbase --include=$package bookworm $mirror
cleanup: apt caches, lists, docs, man pages
env: JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 LANG=C.UTF-8
v1"
	local key dir image rootfs
	key="$(printf '%s' "$recipe" | sha256sum | cut -c1-16)"
	image="localhost/tachi-sessions-base:$key"
	dir="$CACHE/$key"
	[ -n "${TACHI_SMOKE_REBUILD_BASE:-}" ] && { podman rmi -f "$image" >/dev/null 2>&1 || true; rm -rf "$dir"; }
	if ! podman image exists "$image"; then
		if [ ! -s "$dir/rootfs.tar" ]; then
			say "building the $package base image (debootstrap from $mirror; once per recipe, ~2 min)"
			rm -rf "$dir" && mkdir -p "$dir"
			rootfs="$dir/rootfs"
			debootstrap --variant=minbase --include="$package" bookworm "$rootfs" "$mirror" \
				>"$dir/debootstrap.log" 2>&1 || fail "debootstrap failed, see $dir/debootstrap.log"
			mountpoint -q "$rootfs/proc" || mount -t proc proc "$rootfs/proc"
			chroot "$rootfs" java -version >/dev/null 2>&1 || { umount "$rootfs/proc"; fail "no working java in the $package base"; }
			chroot "$rootfs" bash -c 'exit 0' || { umount "$rootfs/proc"; fail "no bash in the $package base"; }
			umount "$rootfs/proc"
			rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
				"$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
			tar -C "$rootfs" --numeric-owner -cf "$dir/rootfs.tar.tmp" . && mv "$dir/rootfs.tar.tmp" "$dir/rootfs.tar"
			rm -rf "$rootfs"
			printf '%s\n' "$recipe" >"$dir/recipe.txt"
		fi
		say "importing the base image $image ($package)"
		podman import -q \
			--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
			--change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
			--change 'ENV LANG=C.UTF-8' \
			--change 'CMD ["bash"]' \
			"$dir/rootfs.tar" "$image" >/dev/null || fail "podman import of the $package base failed"
	fi
	printf -v "$var" '%s' "$image"
}
make_base BASE openjdk-17-jre-headless
make_base BUILDER openjdk-17-jdk-headless
say "base images: BASE=$BASE BUILDER=$BUILDER"

# ---------------------------------------------------------------- the image, from the project's Dockerfile
# The Dockerfile builds the jar itself (Maven in the BUILDER stage, dependencies from Maven Central
# through --network host). Its RUN --mount=type=cache keeps ~/.m2 between builds: buildah puts cache
# mounts under $TMPDIR, pointed here at $CACHE so warm runs download nothing.
# The build stage trusts what the host's Java trusts: the host's trust store is bind-mounted for the
# RUN steps only (a TLS-inspecting egress proxy, as on this machine, needs its CA; never in an image).
mkdir -p "$CACHE/tmp"
trust=()
host_cacerts="/etc/ssl/certs/java/cacerts"
[ -s "$host_cacerts" ] && trust=(--volume "$host_cacerts:/etc/ssl/certs/java/cacerts:ro")
say "building $IMAGE from the Dockerfile (BUILDER=$BUILDER, BASE=$BASE)"
build_start=$SECONDS
# docker format: the OCI format has no HEALTHCHECK.
TMPDIR="$CACHE/tmp" podman build --format docker --network host "${trust[@]}" \
	--build-arg "BUILDER=$BUILDER" --build-arg "BASE=$BASE" -t "$IMAGE" -f "$ROOT/Dockerfile" "$ROOT" \
	>"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; fail "podman build failed"; }
BUILD_SECONDS=$((SECONDS - build_start))
say "image built in ${BUILD_SECONDS}s"
IMAGE_BYTES="$(podman image inspect "$IMAGE" --format '{{.Size}}')"
BASE_BYTES="$(podman image inspect "$BASE" --format '{{.Size}}')"
healthcheck="$(podman image inspect "$IMAGE" --format '{{json .Config.Healthcheck}}')"
case "$healthcheck" in *healthcheck.sh*) ;; *) fail "the image has no HEALTHCHECK ($healthcheck)" ;; esac
user="$(podman image inspect "$IMAGE" --format '{{.Config.User}}')"
case "$user" in "" | 0 | 0:* | root | root:*) fail "the image runs as root (User=$user)" ;; esac
# The image holds the jar built from this context, unpacked: dependencies in BOOT-INF/lib, and no
# commit in git.properties (.git stays out of the context, see .dockerignore).
mkdir -p "$WORK/boot-inf"
cid="$(podman create "$IMAGE" 2>/dev/null)" || fail "podman create failed"
podman cp "$cid:/app/BOOT-INF/." "$WORK/boot-inf/" 2>/dev/null || { podman rm -f "$cid" >/dev/null 2>&1; fail "podman cp of /app/BOOT-INF failed"; }
podman rm -f "$cid" >/dev/null 2>&1
[ -n "$(ls "$WORK/boot-inf/lib" 2>/dev/null)" ] || fail "the image has no /app/BOOT-INF/lib"
! grep -q '^git.commit.id' "$WORK/boot-inf/classes/git.properties" 2>/dev/null || fail ".git was in the build context (git.properties has a commit)"

# ---------------------------------------------------------------- a MongoDB wire-protocol server on the host
# Its classpath is the image's own dependencies (mongo-java-server is a runtime dependency).
java -cp "$WORK/boot-inf/lib/*" "$ROOT/scripts/smoke/MongoWireServer.java" 0 >"$WORK/mongo.log" 2>&1 &
MONGO_PID=$!
for _ in $(seq 1 100); do
	grep -q '^listening on ' "$WORK/mongo.log" && break
	kill -0 "$MONGO_PID" 2>/dev/null || fail "the MongoDB wire server did not start: $(cat "$WORK/mongo.log")"
	sleep 0.2
done
MONGO_PORT="$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$WORK/mongo.log")"
[ -n "$MONGO_PORT" ] || fail "the MongoDB wire server did not start: $(cat "$WORK/mongo.log")"
MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/tachi"
say "MongoDB wire server (mongo-java-server) on 127.0.0.1:$MONGO_PORT"

# ---------------------------------------------------------------- fail closed: no database, no demo switch
say "starting the image without MONGODB_URI and without TACHI_DEMO (must refuse to start)"
set +e
timeout 120 podman run --rm --name "$SEED" --network host -e SERVER_PORT=0 "$IMAGE" >"$WORK/closed.log" 2>&1
closed_status=$?
set -e
[ "$closed_status" != 0 ] && [ "$closed_status" != 124 ] || { tail -40 "$WORK/closed.log" >&2; fail "without a database the image exited $closed_status, expected a refusal"; }
grep -q 'No database: set MONGODB_URI' "$WORK/closed.log" || { tail -40 "$WORK/closed.log" >&2; fail "the refusal does not say what to set"; }
! grep -q 'Tomcat started on port' "$WORK/closed.log" || fail "a port opened without a database"
say "no database: refused to start (exit $closed_status) with: $(grep -o 'No database: set MONGODB_URI[^.]*' "$WORK/closed.log" | head -1)"

# ---------------------------------------------------------------- seed through the one-shot demo-data opt-in
say "seeding demo data (one-shot container, tachi.demo-data.load-into-external)"
set +e
timeout 120 podman run --rm --name "$SEED" --network host \
	-e MONGODB_URI="$MONGODB_URI" -e SERVER_PORT=0 \
	-e TACHI_DEMO_DATA_LOAD_INTO_EXTERNAL=true -e TACHI_DEMO_DATA_EXIT_AFTER_LOAD=true \
	"$IMAGE" >"$WORK/seed.log" 2>&1
seed_status=$?
set -e
[ "$seed_status" = 0 ] || { tail -40 "$WORK/seed.log" >&2; fail "the demo-data one-shot exited $seed_status"; }
grep -q 'Demo data loaded into the EXTERNAL database tachi' "$WORK/seed.log" \
	|| { tail -40 "$WORK/seed.log" >&2; fail "the demo-data one-shot did not load anything"; }

# ---------------------------------------------------------------- start the service, time it to ready
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
APP_PORT=""
for candidate in $(shuf -i 20000-45000 -n 20); do
	if port_free "$candidate"; then APP_PORT="$candidate"; break; fi
done
[ -n "$APP_PORT" ] || fail "no free port"
BASE_URL="http://127.0.0.1:$APP_PORT"

say "starting $APP on port $APP_PORT (memory limit 512m, JSON logs)"
t0="$(date +%s%N)"
# No health timer (it needs systemd, absent here): the check is run by hand below.
podman run -d --name "$APP" --network host --memory 512m --health-interval disable \
	-e MONGODB_URI="$MONGODB_URI" -e SERVER_PORT="$APP_PORT" -e LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
	"$IMAGE" >/dev/null 2>"$WORK/run.err" || { cat "$WORK/run.err" >&2; fail "podman run failed"; }
ready=""
# Poll cheaply (curl every 0.1 s, podman only every 2 s): the machine has 2 cores, and a podman
# call per poll would slow the very start-up being measured.
for i in $(seq 1 600); do
	code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE_URL/actuator/health/readiness" || true)"
	if [ "$code" = 200 ]; then ready=1; break; fi
	if [ $((i % 20)) = 0 ] && [ "$(podman inspect "$APP" --format '{{.State.Running}}')" != true ]; then
		fail "the container exited while starting"
	fi
	sleep 0.1
done
t1="$(date +%s%N)"
[ -n "$ready" ] || fail "not ready within 60 s"
READY_MS=$(((t1 - t0) / 1000000))
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
JVM_STARTED="$(podman logs "$APP" 2>&1 | sed -n 's/.*"message":"Started TachiSessionsApplication in \([0-9.]*\) seconds.*/\1/p' | head -1)"
say "ready after ${READY_MS} ms (podman run to readiness 200; Spring Boot reports started in ${JVM_STARTED:-?} s; load average $LOAD_AT_START on $(nproc) cores)"

# ---------------------------------------------------------------- checks
body="$(curl -s -w '\n%{http_code}' "$BASE_URL/api/v1/sessions/Qno-such-session")"
[ "${body##*$'\n'}" = 404 ] || fail "unknown session: expected 404, got ${body##*$'\n'}"
case "$body" in *'"success":false'*) ;; *) fail "unknown session: no JSON error envelope: $body" ;; esac
say "GET unknown session -> 404 envelope"

DEMO_SESSION="Q887e24ce0ea4be0bb99b9206d310bda8f16859f7"
body="$(curl -s -w '\n%{http_code}' -H 'X-Request-Id: smoke-get-1' "$BASE_URL/api/v1/sessions/$DEMO_SESSION")"
[ "${body##*$'\n'}" = 200 ] || fail "seeded session: expected 200, got ${body##*$'\n'}"
case "$body" in *'"success":true'*'"sessionID":"'"$DEMO_SESSION"'"'*) ;; *) fail "seeded session: unexpected body" ;; esac
say "GET seeded session -> 200"

podman healthcheck run "$APP" >/dev/null 2>&1 || fail "podman healthcheck run: unhealthy"
say "HEALTHCHECK (podman healthcheck run) -> healthy"

pid1="$(podman exec "$APP" cat /proc/1/comm)"
[ "$pid1" = java ] || fail "PID 1 is '$pid1', not java (no SIGTERM for the JVM)"
uid="$(podman exec "$APP" awk '/^Uid:/ { print $2 }' /proc/1/status)"
[ -n "$uid" ] && [ "$uid" != 0 ] || fail "the JVM runs as uid '$uid'"
say "PID 1 is java, uid $uid (not root)"

heap="$(podman exec "$APP" java -XX:MaxRAMPercentage=75.0 -XshowSettings:vm -version 2>&1 | sed -n 's/.*Max\. Heap Size (Estimated): *//p')"
case "$heap" in 3[0-9][0-9].*M) ;; *) fail "the JVM does not see the 512m limit (max heap '$heap', expected ~384M)" ;; esac
say "JVM inside the 512m container: max heap $heap"

metrics="$(curl -s "$BASE_URL/actuator/prometheus")"
grep -q 'uri="/api/v1/sessions/{sessionID}"' <<<"$metrics" || fail "prometheus: no templated uri tag"
! grep -q "$DEMO_SESSION" <<<"$metrics" || fail "prometheus: the raw session ID appears"
env_code="$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/actuator/env")"
[ "$env_code" = 404 ] || fail "/actuator/env answered $env_code"
say "prometheus uses the route template; /actuator/env is 404"

sleep 0.3
podman logs "$APP" 2>&1 | grep '"requestId":"smoke-get-1"' | grep -q '"route":"/api/v1/sessions/{sessionID}"' \
	|| fail "no JSON request log line with the request ID"
say "JSON request log line carries requestId and route"

# ---------------------------------------------------------------- SIGTERM with a request in flight
# A PATCH whose 150 kB body trickles in at 50 kB/s is still being read when SIGTERM arrives.
head -c 150000 /dev/zero | tr '\0' 'a' | sed 's/^/{"desc":"/; s/$/"}/' >"$WORK/slow-body.json"
curl -s -o "$WORK/slow.out" -w '%{http_code}' --limit-rate 50k -X PATCH \
	-H 'Authorization: Bearer demo-token-customise' -H 'Content-Type: application/json' \
	--data-binary "@$WORK/slow-body.json" "$BASE_URL/api/v1/sessions/$DEMO_SESSION" >"$WORK/slow.code" 2>/dev/null &
slow_pid=$!
sleep 1
kill -0 "$slow_pid" 2>/dev/null || fail "the slow request finished before SIGTERM; cannot test graceful shutdown"
term_at=$SECONDS
podman kill --signal TERM "$APP" >/dev/null
exit_code="$(timeout 10 podman wait "$APP" 2>/dev/null || echo timeout)"
stop_seconds=$((SECONDS - term_at))
wait "$slow_pid" || true
slow_code="$(cat "$WORK/slow.code")"
[ "$exit_code" != timeout ] || fail "still running 10 s after SIGTERM"
[ "$exit_code" = 143 ] || fail "exit code after SIGTERM is $exit_code, expected 143 (the JVM's clean SIGTERM exit)"
case "$slow_code" in 2?? | 4??) ;; *) fail "the in-flight request did not complete (HTTP '$slow_code')" ;; esac
podman logs "$APP" 2>&1 | grep -q 'Graceful shutdown complete' || fail "no 'Graceful shutdown complete' in the log"
say "SIGTERM: in-flight PATCH answered $slow_code, graceful shutdown complete, exit 143 after ${stop_seconds}s"

printf '\nSMOKE PASSED in %ss (image build %ss): image %s MB (base %s MB, app layers %s MB), cold start to ready %s ms (Spring Boot: started in %s s; load average %s)\n' \
	"$((SECONDS - START_SECONDS))" "$BUILD_SECONDS" "$((IMAGE_BYTES / 1000000))" "$((BASE_BYTES / 1000000))" \
	"$(((IMAGE_BYTES - BASE_BYTES) / 1000000))" "$READY_MS" "${JVM_STARTED:-?}" "$LOAD_AT_START"
