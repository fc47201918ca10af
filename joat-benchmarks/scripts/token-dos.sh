#!/usr/bin/env bash
# Denial-of-service check of the sample's token endpoint (about 2 minutes, loopback only): starts
# the sample, measures a legitimate client (demo-client, right secret, 5 requests/s, at an address
# that authenticated before) idle, then while 8 connections send wrong secrets for demo-client and
# reader-client in turn, back to back, in three cases — from one address; from a random
# 127.0.0.x address per request; from the legitimate client's own address (a shared NAT or
# proxy) — and prints the legitimate client's p99 in each case with its ratio to the idle p99 (the
# goal: at most 3x, and every legitimate request answered 200), and how long reader-client's right
# secret from an address new to it took during the attack (the goal: a token within 5 s). A last
# phase opens ATTACK_CONNECTIONS (default 1400) connections from one address, more than
# max-delayed-refusals (1000), and counts the answers per second.
# Usage: joat-benchmarks/scripts/token-dos.sh [port, default 18081; the management port is the next one]
#        [phase duration, default 15s]
set -euo pipefail
cd "$(dirname "$0")/../.."  # the repository root: every path below is relative to it
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
# stand for clients at many addresses; Tomcat's RemoteIpValve trusts them from 127.0.0.1 only.
# A proven secret is remembered 10 s here (5 minutes by default), so that each case's probe finds
# reader-client's secret not proven, as a client's first request does; demo-client then pays one
# bcrypt check every 10 s, in every phase alike.
JOAT_SECRET="token-dos-secret-of-at-least-32-bytes" java -jar "$jar" --server.address=127.0.0.1 \
  --server.port="$port" --management.server.port="$((port + 1))" --server.forward-headers-strategy=native \
  --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' \
  --joat.sample.client-authentication.proven-secret-lifetime=10s >"$log" 2>&1 &
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
  setsid wrk -t1 -c1 -d"$phase" --timeout 30s -s joat-benchmarks/scripts/token-dos/legit.lua "$url/oauth2/token" | grep '^legitimate'
}
p99() {
  sed -nE 's/^legitimate p50 .* p99 ([0-9.]+) ms.*/\1/p'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs, $(java -version 2>&1 | head -1)"
# Warm-up, so that the JIT has compiled every path before anything is measured: the legitimate
# requests (which also makes the legitimate address known for demo-client), then an attack on
# reader-client from many addresses (401, 429 and 503 answers; demo-client's count stays at 0).
setsid wrk -t1 -c1 -d5s --timeout 30s -s joat-benchmarks/scripts/token-dos/legit.lua "$url/oauth2/token" >/dev/null
ATTACK_FROM=many ATTACK_CLIENT=reader-client setsid wrk -t1 -c8 -d5s --timeout 30s -s joat-benchmarks/scripts/token-dos/attack.lua \
  "$url/oauth2/token" >/dev/null

idle=$(legit)
echo "idle:                 $idle" | tr '\n' ' '; echo
idle_p99=$(echo "$idle" | p99)

# reader-client's right secret from an address new to it, once the attack has run 5 s: the time
# to its answer and the status.
probe() {
  sleep 5
  curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -u reader-client:reader-secret \
    -H "X-Forwarded-For: $1" -d grant_type=client_credentials "$url/oauth2/token"
}

for from in one many shared; do
  ATTACK_FROM=$from ATTACK_CLIENT=both setsid wrk -t1 -c8 -d"$phase" --timeout 30s -s joat-benchmarks/scripts/token-dos/attack.lua \
    "$url/oauth2/token" > "$log.attack" 2>&1 &
  attack=$!
  sleep 1
  # From the shared address reader-client is new there; otherwise from an address new to everyone.
  probe_from=$([ "$from" = shared ] && echo 203.0.113.10 || echo "203.0.113.$((RANDOM % 200 + 20))")
  probe "$probe_from" > "$log.probe" &
  under=$(legit)
  wait "$attack" || true
  under_p99=$(echo "$under" | p99)
  echo "attack from $from: $under" | tr '\n' ' '; echo
  echo "  $(grep -E '^attack responses|Requests/sec' "$log.attack" | tr -s ' ' | tr '\n' ' ')"
  echo "  p99 under attack / idle p99 = $(awk -v a="$under_p99" -v b="$idle_p99" 'BEGIN { printf "%.2f", a / b }')"
  echo "  reader-client's right secret from $probe_from, new to it: $(cat "$log.probe")"
done

connections="${ATTACK_CONNECTIONS:-1400}"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((connections + 100)) ]; then
  ulimit -n $((connections + 100)) 2>/dev/null || echo "ulimit -n is $(ulimit -n): fewer connections open" >&2
fi
ATTACK_FROM=one ATTACK_CLIENT=demo-client setsid wrk -t2 -c"$connections" -d"$phase" --timeout 60s \
  -s joat-benchmarks/scripts/token-dos/attack.lua "$url/oauth2/token" > "$log.attack" 2>&1 || true
echo "attack from one address over $connections connections:"
echo "  $(grep -E '^attack responses|Requests/sec|Socket errors' "$log.attack" | tr -s ' ' | tr '\n' ' ')"
rm -f "$log.probe"
rm -f "$log.attack"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -E ' WARN | ERROR ' "$log" >/dev/null; then
  echo "WARN/ERROR lines in the sample's log:" >&2
  grep -E ' WARN | ERROR ' "$log" >&2
fi
