#!/usr/bin/env bash
# End-to-end load test of the sample app: for each variant, starts the sample, fetches a token for
# the demo client, warms up, then drives GET /api/read (the whole Spring Security chain and MVC)
# over loopback with wrk (2 threads, 64 connections, 30 s by default), and reports requests/s,
# latency p50/p90/p99, the count of non-2xx responses (must be 0), socket errors, the process's
# peak and current RSS (VmHWM, VmRSS from /proc/<pid>/status) and the load average around the run.
#
#   benchmarks/load-test.sh [duration, default 30s] [port, default 18080]
#   LOAD_TEST_VARIANTS='joat-platform spring-platform' benchmarks/load-test.sh 10s
#
# Variants (all by default; the virtual-thread ones need JDK 21+ and are skipped on older JDKs):
#   joat-platform     the sample as shipped: joat's decoder, request handling on Tomcat's platform threads
#   joat-virtual      the same with spring.threads.virtual.enabled=true (a fresh virtual thread per request)
#   spring-platform   the same app with Spring Security's stock NimbusJwtDecoder (same secret and issuer,
#                     the profile spring-decoder-reference), the reference
#   spring-virtual    the reference on virtual threads
# The java on PATH runs the app (set JAVA_HOME and PATH for JDK 25); JAVA_OPTS is passed to it.
# Writes the summary table to benchmarks/results/load-<UTC time>.md. It is a measurement: run it
# alone, e.g. under `flock /work/wt/bench.lock benchmarks/load-test.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
port="${2:-18080}"
management_port=$((port + 1))
connections=64
threads=2
warmup="${LOAD_TEST_WARMUP:-10s}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..." >&2
  apt-get update -qq >/dev/null
  apt-get install -y -qq wrk >/dev/null
fi

jar=joat-sample-app/target/joat-sample-app-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ]; then
  nice -n 19 ./mvnw -B -q -pl joat-sample-app -am package -DskipTests
fi

java_feature=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
variants="${LOAD_TEST_VARIANTS:-joat-platform joat-virtual spring-platform spring-virtual}"

mkdir -p benchmarks/results
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
summary="benchmarks/results/load-${stamp}.md"
rows=()
failed=0
pid=""
log=$(mktemp)
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -f "$log"' EXIT

stop_app() {
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}

# The value of one percentile line ("     99%   68.10ms") of wrk --latency, in ms.
percentile_ms() {
  echo "$1" | awk -v p="$2" '$1 == p {
    v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; else if (unit == "m") v *= 60000
    printf "%.1f", v }'
}

for variant in $variants; do
  args=(--server.port="$port" --management.server.port="$management_port")
  case "$variant" in
    joat-platform) ;;
    joat-virtual) args+=(--spring.threads.virtual.enabled=true) ;;
    spring-platform) args+=(--spring.profiles.active=spring-decoder-reference) ;;
    spring-virtual) args+=(--spring.profiles.active=spring-decoder-reference --spring.threads.virtual.enabled=true) ;;
    *) echo "Unknown variant $variant" >&2; exit 2 ;;
  esac
  if [[ "$variant" == *-virtual ]] && [ "$java_feature" -lt 21 ]; then
    echo "== $variant: SKIPPED (virtual threads need JDK 21+, this java is $java_feature)"
    rows+=("| $variant | skipped: JDK $java_feature | | | | | | | |")
    continue
  fi

  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  JOAT_SECRET="load-test-secret-of-at-least-32-bytes" java ${JAVA_OPTS:-} -jar "$jar" "${args[@]}" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/api/read"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
    sleep 1
  done

  token=$(curl -s -u demo-client:demo-secret -d grant_type=client_credentials "http://127.0.0.1:$port/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/read")
  [ "$status" = 200 ] || { echo "$variant: GET /api/read answered $status before the run" >&2; cat "$log" >&2; exit 1; }
  # The same token with the first character of its signature changed (6 whole bits: no lenient decoder
  # can read it as the original) must be refused.
  signature="${token##*.}"
  if [ "${signature:0:1}" = A ]; then swapped=B; else swapped=A; fi
  bad=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token%.*}.${swapped}${signature:1}" \
    "http://127.0.0.1:$port/api/read")
  [ "$bad" = 401 ] || { echo "$variant: a token with a changed signature got $bad, not 401" >&2; exit 1; }

  # A warm-up so that the JIT has compiled the hot path, then the measured run.
  wrk -t"$threads" -c"$connections" -d"$warmup" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/read" >/dev/null
  load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "== $variant: wrk -t$threads -c$connections -d$duration --latency GET /api/read ($(java -version 2>&1 | head -1), $(nproc) cores)"
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/read")
  load_after="$(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "$out"
  non2xx=$(echo "$out" | sed -nE 's/.*Non-2xx or 3xx responses: ([0-9]+).*/\1/p')
  non2xx=${non2xx:-0}
  errors=$(echo "$out" | sed -nE 's/.*Socket errors: (.*)/\1/p' | sed -E 's/(connect|read|write) 0(, )?//g')
  rps=$(echo "$out" | sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p')
  p50=$(percentile_ms "$out" 50%)
  p90=$(percentile_ms "$out" 90%)
  p99=$(percentile_ms "$out" 99%)
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  echo "== $variant: non-2xx responses: $non2xx${errors:+; socket errors: $errors}; VmHWM $hwm MiB, VmRSS $rss MiB;" \
    "load average $load_before -> $load_after"
  rows+=("| $variant | $(printf "%'.0f" "$rps") | $p50 | $p90 | $p99 | $non2xx | ${errors:-none} | $hwm / $rss | $load_before → $load_after |")
  [ "$non2xx" = 0 ] || { echo "FAIL: $variant: $non2xx non-2xx responses" >&2; failed=1; }
  stop_app
done

{
  echo "Load test ${stamp}: \`benchmarks/load-test.sh $duration\`, wrk -t$threads -c$connections -d$duration --latency" \
    "GET /api/read after a $warmup warm-up, each variant a fresh JVM"
  echo
  echo "- JDK: $(java -version 2>&1 | head -n 2 | tr '\n' ' ')${JAVA_OPTS:+ with JAVA_OPTS=$JAVA_OPTS}"
  echo "- CPU: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(nproc) processors (wrk and the app share them)"
  echo
  echo "| variant | requests/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors | RSS peak / after, MiB | load average (1, 5, 15 min) before → after |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |"
  printf '%s\n' "${rows[@]}"
} | tee "$summary"
exit "$failed"
