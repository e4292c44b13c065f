#!/bin/bash
# Container health check without curl/wget: GET /actuator/health/readiness over bash's /dev/tcp,
# healthy only on HTTP 200 (the readiness group is UP: serving, and MongoDB answers a ping).
set -u
port="${SERVER_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
exec 3<&-
[ "${status}" = "200" ]
