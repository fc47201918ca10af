#!/usr/bin/env bash
# Denial-of-service check of the sample's token endpoint (about 70 s, loopback only): starts the
# sample, measures a legitimate client (demo-client, right secret, 5 requests/s) idle, then while
# 8 connections send wrong secrets for demo-client back to back — first from one address, then
# from a random address per request — and prints the legitimate client's p99 in each phase with
# its ratio to the idle p99 (the goal: at most 3x, and every legitimate request answered 200).
# Usage: benchmarks/token-dos.sh [port, default 18081] [phase duration, default 15s]
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18081}"
phase="${2:-15s}"
url="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..." >&2
  apt-get update -qq >/dev/null
  apt-get install -y -qq wrk >/dev/null
fi

# TOKEN_DOS_JAR measures another build of the sample (e.g. a copy of an earlier commit's jar).
jar="${TOKEN_DOS_JAR:-joat-sample-app/target/joat-sample-app-0.1.0-SNAPSHOT.jar}"
if [ ! -f "$jar" ]; then
  ./mvnw -B -q package -DskipTests
fi

log=$(mktemp)
# Forwarded headers are trusted here only so that wrk, which cannot pick its source address, can
# stand for clients at many addresses; Tomcat's RemoteIpValve trusts them from loopback only.
JOAT_SECRET="token-dos-secret-of-at-least-32-bytes" java -jar "$jar" --server.address=127.0.0.1 \
  --server.port="$port" --server.forward-headers-strategy=native >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  if curl -s -o /dev/null "$url/.well-known/oauth-authorization-server"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 1
done

# The clients run in sessions of their own (setsid): with the kernel's autogroup scheduling, a
# session shares one slice of CPU, and an attacker's client does not run on the server's slice in
# real life. The server keeps the slice of this script's session.
legit() {
  setsid wrk -t1 -c1 -d"$phase" --timeout 30s -s benchmarks/token-dos/legit.lua "$url/oauth2/token" | grep '^legitimate'
}
p99() {
  sed -nE 's/^legitimate p50 .* p99 ([0-9.]+) ms.*/\1/p'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs, $(java -version 2>&1 | head -1)"
# Warm-up, so that the JIT has compiled every path before anything is measured: the legitimate
# requests (which also makes the legitimate address known for demo-client), then an attack on
# reader-client from many addresses (401, 429 and 503 answers; demo-client's count stays at 0).
setsid wrk -t1 -c1 -d5s --timeout 30s -s benchmarks/token-dos/legit.lua "$url/oauth2/token" >/dev/null
ATTACK_FROM=many ATTACK_CLIENT=reader-client setsid wrk -t1 -c8 -d5s --timeout 30s -s benchmarks/token-dos/attack.lua \
  "$url/oauth2/token" >/dev/null

idle=$(legit)
echo "idle:                 $idle" | tr '\n' ' '; echo
idle_p99=$(echo "$idle" | p99)

for from in one many; do
  ATTACK_FROM=$from setsid wrk -t1 -c8 -d"$phase" --timeout 30s -s benchmarks/token-dos/attack.lua "$url/oauth2/token" \
    > "$log.attack" 2>&1 &
  attack=$!
  sleep 1
  under=$(legit)
  wait "$attack" || true
  under_p99=$(echo "$under" | p99)
  echo "attack from $from address(es): $under" | tr '\n' ' '; echo
  echo "  $(grep -E '^attack responses|Requests/sec' "$log.attack" | tr -s ' ' | tr '\n' ' ')"
  echo "  p99 under attack / idle p99 = $(awk -v a="$under_p99" -v b="$idle_p99" 'BEGIN { printf "%.2f", a / b }')"
done
rm -f "$log.attack"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -E ' WARN | ERROR ' "$log" >/dev/null; then
  echo "WARN/ERROR lines in the sample's log:" >&2
  grep -E ' WARN | ERROR ' "$log" >&2
fi
