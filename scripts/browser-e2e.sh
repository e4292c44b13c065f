#!/usr/bin/env bash
# End-to-end test in a real browser: Debian's Chromium, driven by playwright-core, loads a plain-DOM
# page from one origin that reads a session from the service on another origin, renders its score
# table from scoreInfo and renames the session with a preflighted PATCH. See src/test/browser/.
#
# Installs what it needs (apt: chromium and a Japanese font; npm ci in src/test/browser), builds
# the jar when it is missing or older than the sources, starts the service on a free loopback port
# on its embedded demo database, and always stops it. Ends with "browser-e2e: N passed, M failed".
#
# Environment (all optional):
#   TACHI_JAR        a prebuilt jar to test instead of target/tachi-sessions.jar (never rebuilt)
#   SESSION_IDS      comma-separated demo sessions of user 1; the first gets the screenshot
#   CHROMIUM         the browser binary (default /usr/bin/chromium, installed from apt if absent)
set -euo pipefail
cd "$(dirname "$0")/.."

BROWSER_DIR=src/test/browser
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
JAR=${TACHI_JAR:-target/tachi-sessions.jar}
# Q58db…: user 1's SDVX session with a first play and five improvements (NEW and delta rows);
# Q887e…: the demo session the service's banner names (all first plays).
SESSION_IDS=${SESSION_IDS:-Q58db2763c14dce9097729d88d9410ecdfc92d6d0,Q887e24ce0ea4be0bb99b9206d310bda8f16859f7}
READY_SESSION=${SESSION_IDS%%,*}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/browser-e2e.XXXXXX")
SERVICE_PID=
TESTS_RAN=false

say() { echo "browser-e2e: $*"; }

fail() {
	say "FAILED: $*" >&2
	exit 1
}

cleanup() {
	local rc=$?
	if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
		kill "$SERVICE_PID" 2>/dev/null || true
		for _ in $(seq 50); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$SERVICE_PID" 2>/dev/null || true
		wait "$SERVICE_PID" 2>/dev/null || true
	fi
	if [[ -f $WORK/service.log ]]; then
		mkdir -p target && cp "$WORK/service.log" target/browser-e2e-service.log
		if (( rc != 0 )); then
			say "last lines of the service log (all of it: target/browser-e2e-service.log):" >&2
			tail -n 30 "$WORK/service.log" >&2
		fi
	fi
	rm -rf "$WORK"
	# A failure before the browser ran still gets a closing line CI can read.
	if (( rc != 0 )) && ! $TESTS_RAN; then
		echo "browser-e2e: 0 passed, 1 failed"
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_root() {
	if (( EUID == 0 )); then "$@"; else sudo "$@"; fi
}

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# 1. Debian's Chromium, and a font for the Japanese song titles in the screenshot.
install_browser() {
	local packages=(chromium fonts-ipafont-gothic) missing=() p
	for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
	if [[ $CHROMIUM != /usr/bin/chromium ]] && [[ -x $CHROMIUM ]]; then
		missing=()
	fi
	(( ${#missing[@]} == 0 )) && return
	say "installing ${missing[*]} with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	local install=(apt-get install -y -q --no-install-recommends "${missing[@]}")
	# The package lists are refreshed only when an install from the present ones fails (none yet,
	# or stale ones pointing at superseded versions).
	if ! as_root "${install[@]}" >"$WORK/apt.log" 2>&1; then
		as_root apt-get update -q >>"$WORK/apt.log" 2>&1 || true
		as_root "${install[@]}" >>"$WORK/apt.log" 2>&1 || { tail -n 20 "$WORK/apt.log" >&2; fail "apt-get install ${missing[*]}"; }
	fi
	[[ -x $CHROMIUM ]] || fail "no browser at $CHROMIUM after installing chromium"
}

# 2. playwright-core, as locked in src/test/browser/package-lock.json (it downloads no browser).
install_node_modules() {
	local stamp=$BROWSER_DIR/node_modules/.lock-sha256 sum
	sum=$(sha256sum "$BROWSER_DIR/package-lock.json" | cut -d' ' -f1)
	[[ -f $stamp && $(cat "$stamp") == "$sum" ]] && return
	say "npm ci in $BROWSER_DIR"
	(cd "$BROWSER_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >"$WORK/npm.log" 2>&1) \
		|| { tail -n 20 "$WORK/npm.log" >&2; fail "npm ci in $BROWSER_DIR"; }
	echo "$sum" >"$stamp"
}

# 3. The jar: built when missing or older than the sources, unless TACHI_JAR names one.
build_jar() {
	if [[ -n ${TACHI_JAR:-} ]]; then
		[[ -f $JAR ]] || fail "TACHI_JAR=$JAR does not exist"
		return
	fi
	if [[ -f $JAR ]] && [[ -z $(find pom.xml src/main -newer "$JAR" -print -quit) ]]; then
		return
	fi
	say "building $JAR"
	./mvnw -q -B -ntp -DskipTests package >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; fail "./mvnw package"; }
	[[ -f $JAR ]] || fail "the build made no $JAR"
}

free_port() {
	node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# 4. The service, on its embedded in-memory database with demo data, on loopback only.
start_service() {
	local port url
	port=$(free_port)
	API_BASE=http://127.0.0.1:$port
	mkdir -p "$WORK/access"
	# Whatever the caller's environment says, use the embedded database and open CORS.
	env -u MONGODB_URI -u SPRING_MONGODB_URI -u TACHI_CORS_ALLOWED_ORIGIN -u SERVER_PORT \
		java -Xmx512m -XX:TieredStopAtLevel=1 -jar "$JAR" \
		--server.address=127.0.0.1 --server.port="$port" --demo \
		--server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$WORK/access" \
		--server.tomcat.accesslog.buffered=false '--server.tomcat.accesslog.pattern=%m %U %s %{Origin}i %{If-None-Match}i' \
		</dev/null >"$WORK/service.log" 2>&1 &
	SERVICE_PID=$!
	url=$API_BASE/api/v1/sessions/$READY_SESSION
	say "started the service (pid $SERVICE_PID) on $API_BASE; waiting for $url"
	# Ready once the port answers: the demo data is loaded before it opens.
	for _ in $(seq 240); do
		kill -0 "$SERVICE_PID" 2>/dev/null || fail "the service exited before answering"
		if curl -sf -o /dev/null --max-time 2 "$url"; then
			say "service answers (${SECONDS}s since this script started)"
			return
		fi
		sleep 0.5
	done
	fail "the service did not answer $url within 120 s"
}

install_browser
install_node_modules
build_jar
start_service

TESTS_RAN=true
say "running the browser test"
rc=0
API_BASE=$API_BASE SESSION_IDS=$SESSION_IDS CHROMIUM=$CHROMIUM ACCESS_LOG_DIR=$WORK/access \
	SCREENSHOT=target/browser-e2e.png timeout 300 node "$BROWSER_DIR/e2e.mjs" || rc=$?
if (( rc == 124 )); then
	say "FAILED: the browser test did not end within 300 s" >&2
	echo "browser-e2e: 0 passed, 1 failed"
fi
exit "$rc"
