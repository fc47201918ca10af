#!/usr/bin/env bash
# Measures the Redis revocation store (joat-revocation-redis) against a real redis-server it starts
# on a free port and stops: revocations/s through RedisRevocationStore (1 to 64 threads on one node),
# propagation delay node A -> node B (p50/p90/p99), Redis used_memory per entry, a new node's start-up
# load time, and the local replica's heap per entry. Then raw redis-benchmark SET and PUBLISH beside it.
#
#   joat-benchmarks/scripts/redis-revocation.sh   # 100,000 entries, 2,000 propagation samples
#   ENTRIES=300000 SAMPLES=5000 joat-benchmarks/scripts/redis-revocation.sh
#
# Needs redis-server and redis-benchmark (Debian package redis-server). On a shared machine, build
# first and measure under the benchmark lock:
#   nice -n 19 joat-benchmarks/scripts/redis-revocation.sh build
#   SKIP_BUILD=1 flock /work/wt/bench.lock joat-benchmarks/scripts/redis-revocation.sh
set -euo pipefail
cd "$(dirname "$0")/../.."  # the repository root: every path below is relative to it

# Build first (outside the lock: nice -n 19 joat-benchmarks/scripts/redis-revocation.sh build), or here unless SKIP_BUILD is set.
if [ "${1:-}" = build ] || [ -z "${SKIP_BUILD:-}" ]; then
	./mvnw -B -q -pl joat-revocation-redis -am test-compile dependency:build-classpath \
		-Dmdep.outputFile=target/measurement.classpath -Dmdep.includeScope=test >/dev/null
	[ "${1:-}" = build ] && exit 0
fi
cp="joat-revocation-redis/target/test-classes:joat-revocation-redis/target/classes:$(cat joat-revocation-redis/target/measurement.classpath)"

echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
java -Xmx2g -Dentries="${ENTRIES:-100000}" -Dsamples="${SAMPLES:-2000}" -Dseconds="${SECONDS_PER_RUN:-5}" \
	-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogging.level.root=WARN \
	-cp "$cp" dev.joat.revocation.redis.RedisRevocationMeasurement 2>&1 | grep -v -e ' INFO ' -e ' DEBUG ' -e ' WARN '

# The raw commands beside it: SET with a TTL and PUBLISH, 50 clients, no pipelining.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" >"$dir/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.05; done
echo "redis-benchmark (50 clients, 100000 requests each):"
# Only the final line of each (redis-benchmark rewrites a progress line with carriage returns).
quiet() { tr '\r' '\n' | grep -v -e 'rps=' -e '^ *$'; }
redis-benchmark -p "$port" -q -n 100000 -c 50 -r 1000000 SET 'joat:revocation:t:1999999999000:__rand_int__' 1 PX 300000 | quiet
redis-benchmark -p "$port" -q -n 100000 -c 50 PUBLISH joat:revocation:changes 'joat:revocation:t:1999999999000:abcdefghijklmnopqrstuv' | quiet
# The store's own command: the script that sets the key and publishes it (no subscriber here).
redis-benchmark -p "$port" -q -n 100000 -c 50 -r 1000000 EVAL \
	"redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) return redis.call('PUBLISH', ARGV[2], KEYS[1])" \
	1 'joat:revocation:t:1999999999000:__rand_int__' 300000 joat:revocation:changes | quiet
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
