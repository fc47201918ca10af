#!/usr/bin/env bash
# Start-up time of the sample beside the stock Spring Boot resource server, in one run: each variant
# in turn, ROUNDS times (each round in the reverse order of the one before), each a fresh JVM,
# recording Spring Boot's own "Started ... in X seconds (process running for Y)" (X: from
# SpringApplication.run to the context refreshed and the web servers started; Y: since the JVM
# started) and the load average.
#
#   joat-benchmarks/scripts/startup.sh [rounds, default 3] [port, default 19280]
#   STARTUP_VARIANTS='sample stock' joat-benchmarks/scripts/startup.sh 5
#
# Variants:
#   sample             the sample as shipped (java -jar)
#   sample-repos       the sample with Spring Data Redis repository scanning back on
#                      (spring.data.redis.repositories.enabled=true, Boot's default)
#   stock              the stock resource server (joat-benchmarks' StockResourceServer)
#   sample-cds, stock-cds  the same, extracted (java -Djarmode=tools -jar APP.jar extract) and
#                      started with a class data sharing archive made by a training run
#                      (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh), as Spring
#                      Boot's documentation describes; the archive is made once, before the rounds
# Default: sample stock sample-cds stock-cds. Writes joat-benchmarks/results/startup-<UTC time>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."  # the repository root: every path below is relative to it
rounds="${1:-3}"
port="${2:-19280}"
variants="${STARTUP_VARIANTS:-sample stock sample-cds stock-cds}"

source joat-benchmarks/scripts/apps.sh
trap 'stop_app; rm -f "$app_log"' EXIT
cds=$(mktemp -d)
plain_sample_jar="$sample_jar"
plain_stock_jar="$stock_jar"

# extract KIND JAR: the extracted application and its CDS archive, made by a training run.
extract() {
	java -Djarmode=tools -jar "$2" extract --destination "$cds/$1" >/dev/null
	(cd "$cds/$1" && JOAT_SECRET="$app_secret" java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh \
		-jar "$(basename "$2")" --server.port="$port" --management.server.port=$((port + 1)) >/dev/null 2>&1)
}
for variant in $variants; do
	case "$variant" in
		sample-cds) extract sample "$plain_sample_jar" ;;
		stock-cds) extract stock "$plain_stock_jar" ;;
	esac
done

stamp="$(date -u +%Y-%m-%dT%H%MZ)"
summary="joat-benchmarks/results/startup-${stamp}.md"
rows=()
order="$variants"
for round in $(seq 1 "$rounds"); do
	for variant in $order; do
		sample_jar="$plain_sample_jar"
		stock_jar="$plain_stock_jar"
		opts="${JAVA_OPTS:-}"
		args=()
		case "$variant" in
			sample) kind=sample ;;
			sample-repos) kind=sample; args+=(--spring.data.redis.repositories.enabled=true) ;;
			stock) kind=stock ;;
			sample-cds) kind=sample; sample_jar="$cds/sample/$(basename "$plain_sample_jar")"; opts="$opts -XX:SharedArchiveFile=$cds/sample/app.jsa" ;;
			stock-cds) kind=stock; stock_jar="$cds/stock/$(basename "$plain_stock_jar")"; opts="$opts -XX:SharedArchiveFile=$cds/stock/app.jsa" ;;
			*) echo "Unknown variant $variant" >&2; exit 2 ;;
		esac
		load="$(cut -d ' ' -f 1-3 /proc/loadavg)"
		JAVA_OPTS="$opts" start_app "$kind" "$port" "${args[@]}"
		for _ in $(seq 1 10); do
			started="$(app_started)"
			[ -n "$started" ] && break
			sleep 1
		done
		stop_app
		seconds=$(echo "$started" | sed -nE 's/.* in ([0-9.]+) seconds \(process running for ([0-9.]+)\)/\1 | \2/p')
		echo "$variant (round $round): $started; load average before $load"
		rows+=("| $variant | $round | $seconds | $load |")
	done
	order=$(echo "$order" | tr ' ' '\n' | tac | tr '\n' ' ')
done

{
	echo "Start-up ${stamp}: \`joat-benchmarks/scripts/startup.sh $rounds\`, each variant a fresh JVM, $rounds round(s) in alternating order"
	echo
	echo "- JDK: $(java -version 2>&1 | head -n 1)${JAVA_OPTS:+ with JAVA_OPTS=$JAVA_OPTS}; $(nproc) processors"
	echo
	echo "| variant | round | started in, s | JVM running for, s | load average (1, 5, 15 min) before |"
	echo "| --- | ---: | ---: | ---: | --- |"
	printf '%s\n' "${rows[@]}"
} | tee "$summary"
rm -rf "$cds"
