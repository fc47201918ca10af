#!/usr/bin/env bash
# End-to-end load check of the sample app: starts it, fetches a token for the demo client, drives
# GET /api/read over loopback with wrk (64 connections, bounded duration), and reports
# requests/s, latency percentiles, the count of non-2xx responses (must be 0) and the process's
# RSS after the run. Usage: benchmarks/load-test.sh [duration, default 30s] [port, default 18080]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
port="${2:-18080}"
connections=64
threads=2

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..." >&2
  apt-get update -qq >/dev/null
  apt-get install -y -qq wrk >/dev/null
fi

jar=joat-sample-app/target/joat-sample-app-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ]; then
  ./mvnw -B -q package -DskipTests
fi

log=$(mktemp)
JOAT_SECRET="load-test-secret-of-at-least-32-bytes" SERVER_PORT="$port" java -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/api/read"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 1
done

token=$(curl -s -u demo-client:demo-secret -d grant_type=client_credentials "http://127.0.0.1:$port/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/read")
[ "$status" = 200 ] || { echo "GET /api/read answered $status before the run" >&2; exit 1; }

# A short warm-up so the JIT has compiled the hot path, then the measured run.
wrk -t"$threads" -c"$connections" -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/read" >/dev/null
echo "== wrk -t$threads -c$connections -d$duration --latency GET /api/read (JDK $(java -version 2>&1 | head -1), $(nproc) cores)"
out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/read")
echo "$out"
non2xx=$(echo "$out" | sed -nE 's/.*Non-2xx or 3xx responses: ([0-9]+).*/\1/p')
non2xx=${non2xx:-0}
errors=$(echo "$out" | sed -nE 's/.*Socket errors: (.*)/\1/p')
rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")
echo "== non-2xx responses: $non2xx"
[ -n "$errors" ] && echo "== socket errors: $errors"
echo "== RSS after the run: $rss"
[ "$non2xx" = 0 ] || { echo "FAIL: $non2xx non-2xx responses" >&2; exit 1; }
