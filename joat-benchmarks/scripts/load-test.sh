#!/usr/bin/env bash
# End-to-end load test: for each variant, starts the application in a fresh JVM, gets a token for
# the demo client, checks that GET /api/read answers 200 with it and 401 with its signature changed,
# warms up, then drives GET /api/read (the whole filter chain, Spring Security and MVC) over
# loopback with wrk (2 threads, 64 connections, 30 s by default), and reports requests/s, latency
# p50/p90/p99, the count of non-2xx responses (must be 0: the script fails otherwise), socket
# errors, the application's CPU time per request (utime + stime of /proc/<pid>/stat over the run,
# divided by the requests), its peak and current RSS (VmHWM, VmRSS) and the load average around
# the run.
#
#   joat-benchmarks/scripts/load-test.sh [duration, default 30s] [port, default 18080]
#   LOAD_TEST_VARIANTS='joat-platform stock-platform' LOAD_TEST_ROUNDS=3 joat-benchmarks/scripts/load-test.sh 20s 19080
#
# Variants (the virtual-thread ones need JDK 21+ and are skipped on older JDKs):
#   joat-platform     the sample as shipped: joat's decoder, Tomcat's platform threads
#   joat-virtual      the same with spring.threads.virtual.enabled=true (a fresh virtual thread per request)
#   stock-platform    the stock Spring Boot resource server (joat-benchmarks' StockResourceServer:
#                     Spring Security's NimbusJwtDecoder, the sample's actuator, metrics and
#                     management port, Boot's defaults otherwise), the reference
#   stock-virtual     the stock server on virtual threads
#   spring-platform   the sample with Spring Security's NimbusJwtDecoder instead of joat's (the
#                     profile spring-decoder-reference): only the decoder differs from joat-platform
#   spring-virtual    the same on virtual threads
#   joat-observed     the sample with Spring Security's observations and the long-task timer back on
#                     (the sample's defaults before issue 24), platform threads
#   joat-no-metrics   the sample without joat's meters (JoatMetricsAutoConfiguration excluded), platform threads
#   joat-no-revocation  the sample without revocation (joat.revocation.store=none), platform threads
# Default: joat-platform stock-platform joat-virtual stock-virtual. LOAD_TEST_ROUNDS (1) repeats the
# list, each round in the reverse order of the one before (A B, B A, ...), so that a drift of the
# machine falls on every variant alike.
# The java on PATH runs the apps (set JAVA_HOME and PATH for JDK 25), and LOAD_TEST_VIRTUAL_JAVA, when
# set, the *-virtual variants (e.g. JDK 17 for platform threads and JDK 25 for virtual threads in one
# run); JAVA_OPTS is passed to them.
# LOAD_TEST_WARMUP (10s) is the warm-up; LOAD_TEST_SUMMARY the table's file (default
# joat-benchmarks/results/load-<UTC time>.md). It is a measurement: run it alone, or record the load.
set -euo pipefail
cd "$(dirname "$0")/../.."  # the repository root: every path below is relative to it
duration="${1:-30s}"
port="${2:-18080}"
connections=64
threads=2
warmup="${LOAD_TEST_WARMUP:-10s}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..." >&2
  apt-get update -qq >/dev/null
  apt-get install -y -qq wrk >/dev/null
fi

java_feature=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
variants="${LOAD_TEST_VARIANTS:-joat-platform stock-platform joat-virtual stock-virtual}"
rounds="${LOAD_TEST_ROUNDS:-1}"

source joat-benchmarks/scripts/apps.sh
mkdir -p joat-benchmarks/results
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
summary="${LOAD_TEST_SUMMARY:-benchmarks/results/load-${stamp}.md}"
rows=()
failed=0
trap 'stop_app; rm -f "$app_log"' EXIT
ticks=$(getconf CLK_TCK)

# The value of one percentile line ("     99%   68.10ms") of wrk --latency, in ms.
percentile_ms() {
  echo "$1" | awk -v p="$2" '$1 == p {
    v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
    if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; else if (unit == "m") v *= 60000
    printf "%.1f", v }'
}

# The CPU time the process has used (user + system), in clock ticks.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

order="$variants"
for round in $(seq 1 "$rounds"); do
for variant in $order; do
  args=()
  app=sample
  case "$variant" in
    joat-platform) ;;
    joat-virtual) args+=(--spring.threads.virtual.enabled=true) ;;
    stock-platform) app=stock ;;
    stock-virtual) app=stock; args+=(--spring.threads.virtual.enabled=true) ;;
    spring-platform) args+=(--spring.profiles.active=spring-decoder-reference) ;;
    spring-virtual) args+=(--spring.profiles.active=spring-decoder-reference --spring.threads.virtual.enabled=true) ;;
    joat-observed) args+=(--management.observations.enable.spring.security=true --management.metrics.observations.ignored-meters=) ;;
    joat-no-metrics) args+=(--spring.autoconfigure.exclude=dev.joat.spring.boot.JoatMetricsAutoConfiguration) ;;
    joat-no-revocation) args+=(--joat.revocation.store=none) ;;
    *) echo "Unknown variant $variant" >&2; exit 2 ;;
  esac
  APP_JAVA=java
  feature="$java_feature"
  if [[ "$variant" == *-virtual ]] && [ -n "${LOAD_TEST_VIRTUAL_JAVA:-}" ]; then
    APP_JAVA="$LOAD_TEST_VIRTUAL_JAVA"
    feature=$("$APP_JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  if [[ "$variant" == *-virtual ]] && [ "$feature" -lt 21 ]; then
    echo "== $variant: SKIPPED (virtual threads need JDK 21+, this java is $feature)"
    rows+=("| $variant | | skipped: JDK $feature | | | | | | | | | |")
    continue
  fi

  start_app "$app" "$port" "${args[@]}"
  token=$(app_token "$app" "$port")
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/read")
  [ "$status" = 200 ] || { echo "$variant: GET /api/read answered $status before the run" >&2; cat "$app_log" >&2; exit 1; }
  # The same token with the first character of its signature changed (6 whole bits: no lenient decoder
  # can read it as the original) must be refused.
  signature="${token##*.}"
  if [ "${signature:0:1}" = A ]; then swapped=B; else swapped=A; fi
  bad=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token%.*}.${swapped}${signature:1}" \
    "http://127.0.0.1:$port/api/read")
  [ "$bad" = 401 ] || { echo "$variant: a token with a changed signature got $bad, not 401" >&2; exit 1; }

  # A warm-up so that the JIT has compiled the hot path, then the measured run.
  wrk -t"$threads" -c"$connections" -d"$warmup" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/read" >/dev/null
  started="$(app_started)"
  load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
  cpu_before=$(cpu_ticks "$app_pid")
  echo "== $variant (round $round): wrk -t$threads -c$connections -d$duration --latency GET /api/read ($("$APP_JAVA" -version 2>&1 | head -1), $(nproc) cores)"
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/read")
  cpu_after=$(cpu_ticks "$app_pid")
  load_after="$(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "$out"
  non2xx=$(echo "$out" | sed -nE 's/.*Non-2xx or 3xx responses: ([0-9]+).*/\1/p')
  non2xx=${non2xx:-0}
  errors=$(echo "$out" | sed -nE 's/.*Socket errors: (.*)/\1/p' | sed -E 's/(connect|read|write) 0(, )?//g')
  rps=$(echo "$out" | sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p')
  requests=$(echo "$out" | sed -nE 's/^ *([0-9]+) requests in .*/\1/p')
  cpu_us=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$ticks" -v n="$requests" 'BEGIN { printf "%.0f", (n > 0) ? t / hz * 1e6 / n : 0 }')
  p50=$(percentile_ms "$out" 50%)
  p90=$(percentile_ms "$out" 90%)
  p99=$(percentile_ms "$out" 99%)
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status")
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status")
  echo "== $variant: non-2xx responses: $non2xx${errors:+; socket errors: $errors}; app CPU $cpu_us µs/request;" \
    "VmHWM $hwm MiB, VmRSS $rss MiB; load average $load_before -> $load_after; $started"
  rows+=("| $variant | $round | $feature | $(printf "%'.0f" "$rps") | $p50 | $p90 | $p99 | $non2xx | ${errors:-none} | $cpu_us | $hwm / $rss | $load_before → $load_after |")
  [ "$non2xx" = 0 ] || { echo "FAIL: $variant: $non2xx non-2xx responses" >&2; failed=1; }
  [ "${requests:-0}" -gt 0 ] || { echo "FAIL: $variant: no request completed" >&2; failed=1; }
  stop_app
done
order=$(echo "$order" | tr ' ' '\n' | tac | tr '\n' ' ')
done

{
  echo "Load test ${stamp}: \`joat-benchmarks/scripts/load-test.sh $duration\`, wrk -t$threads -c$connections -d$duration --latency" \
    "GET /api/read after a $warmup warm-up, each variant a fresh JVM, $rounds round(s) in alternating order"
  echo
  echo "- JDK: $(java -version 2>&1 | head -n 2 | tr '\n' ' ')${LOAD_TEST_VIRTUAL_JAVA:+; virtual-thread variants: $("$LOAD_TEST_VIRTUAL_JAVA" -version 2>&1 | head -n 1)}${JAVA_OPTS:+; JAVA_OPTS=$JAVA_OPTS}"
  echo "- CPU: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(nproc) processors (wrk and the app share them)"
  echo
  echo "| variant | round | JDK | requests/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors | app CPU µs/request | RSS peak / after, MiB | load average (1, 5, 15 min) before → after |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |"
  printf '%s\n' "${rows[@]}"
} | tee "$summary"
exit "$failed"
