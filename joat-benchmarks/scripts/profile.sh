#!/usr/bin/env bash
# Profiles GET /api/read end to end: starts one application (the sample as shipped, or with extra
# arguments, or the stock resource server), warms it up with wrk, then samples every thread's CPU
# with async-profiler (attached with jcmd, so the warm-up is not in the profile) while wrk drives
# the same load as joat-benchmarks/scripts/load-test.sh, and draws the flame graph as SVG.
#
#   joat-benchmarks/scripts/profile.sh NAME [app arguments ...]
#   joat-benchmarks/scripts/profile.sh sample
#   joat-benchmarks/scripts/profile.sh sample-observed --management.observations.enable.spring.security=true
#   PROFILE_APP=stock joat-benchmarks/scripts/profile.sh stock
#
# Writes joat-benchmarks/results/<UTC time>-profile-NAME.md (requests/s, the app's CPU per request, the
# load average, and where the CPU went: joat-benchmarks/scripts/profile-summary.py), -NAME.collapsed (the stacks,
# one line each: frames separated by ';', then the sample count; branches under 0.2% cut off) and
# -NAME.svg (the flame graph of those stacks).
# PROFILE_DURATION (20s), PROFILE_WARMUP (15s), PROFILE_PORT (19080; the management port is the
# next one), PROFILE_EVENT (cpu; wall or alloc also work) and JAVA_OPTS change the run.
# async-profiler comes from Maven Central (tools.profiler:async-profiler, through ./mvnw) and the
# SVG from the npm package stackvis (collapsed stacks in, SVG out); both are fetched when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."  # the repository root: every path below is relative to it
name="$1"
shift
duration="${PROFILE_DURATION:-20s}"
warmup="${PROFILE_WARMUP:-15s}"
port="${PROFILE_PORT:-19080}"
event="${PROFILE_EVENT:-cpu}"
tools="${PROFILE_TOOLS:-/tmp/joat-profile-tools}"

profiler="$tools/async-profiler/linux-x64/libasyncProfiler.so"
if [ ! -f "$profiler" ]; then
	./mvnw -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 \
		-DoutputDirectory="$tools/async-profiler"
	(cd "$tools/async-profiler" && unzip -q -o async-profiler-4.1-linux-x64.jar)
fi
stackvis="$tools/node/node_modules/.bin/stackvis"
if [ ! -x "$stackvis" ]; then
	npm install --silent --no-audit --no-fund --prefix "$tools/node" stackvis@0.5.0 >/dev/null
fi

source joat-benchmarks/scripts/apps.sh

mkdir -p joat-benchmarks/results
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
full="$(mktemp --suffix=.collapsed)"
collapsed="joat-benchmarks/results/${stamp}-profile-${name}.collapsed"
svg="joat-benchmarks/results/${stamp}-profile-${name}.svg"
summary="joat-benchmarks/results/${stamp}-profile-${name}.md"

start_app "${PROFILE_APP:-sample}" "$port" "$@"
trap 'stop_app; rm -f "$app_log" "$full"' EXIT
token=$(app_token "${PROFILE_APP:-sample}" "$port")

wrk -t2 -c64 -d"$warmup" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/read" >/dev/null
# jcmd reads name=value pairs: the agent's options go quoted, as one value.
jcmd "$app_pid" JVMTI.agent_load "$profiler" "\"start,event=$event,interval=1ms\"" >/dev/null
load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
cpu_before=$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat")
out=$(wrk -t2 -c64 -d"$duration" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/read")
cpu_after=$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat")
load_after="$(cut -d ' ' -f 1-3 /proc/loadavg)"
jcmd "$app_pid" JVMTI.agent_load "$profiler" "\"stop,collapsed,file=$full\"" >/dev/null
requests=$(echo "$out" | sed -nE 's/^ *([0-9]+) requests in .*/\1/p')
cpu_us=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')
# The SVG is drawn from the stacks without their thinnest branches (profile-summary.py --prune);
# stackvis reads frames separated by commas.
{
	echo "Profile ${stamp} of GET /api/read: \`joat-benchmarks/scripts/profile.sh $name $*\`${PROFILE_APP:+ (PROFILE_APP=$PROFILE_APP)}," \
		"async-profiler event=$event, wrk -t2 -c64 -d$duration after a $warmup warm-up"
	echo
	echo "- JDK: $(java -version 2>&1 | head -n 1)${JAVA_OPTS:+ with JAVA_OPTS=$JAVA_OPTS}; $(nproc) processors shared by wrk and the app"
	echo "- $(echo "$out" | sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p') requests/s," \
		"$(echo "$out" | sed -nE 's/.*Non-2xx or 3xx responses: ([0-9]+).*/\1/p' | grep . || echo 0) non-2xx;" \
		"app CPU $cpu_us µs per request; load average $load_before → $load_after"
	echo
	python3 joat-benchmarks/scripts/profile-summary.py "$full" "$cpu_us" --prune "$collapsed"
} | tee "$summary"
sed 's/,/./g; s/;/,/g' "$collapsed" | "$stackvis" collapsed flamegraph-svg >"$svg"
echo "$summary, $collapsed, $svg"
