#!/usr/bin/env bash
# Builds joat-benchmarks and runs the JMH suite, then prints the results as Markdown tables.
#
#   joat-benchmarks/scripts/run.sh            # the whole suite, about 13 minutes on 2 cores
#   joat-benchmarks/scripts/run.sh 'Verify'   # only the benchmarks matching a JMH regex
#   JMH_OPTS='-f 1 -wi 5 -i 10' joat-benchmarks/scripts/run.sh   # other iteration settings
#
# Writes joat-benchmarks/results/<UTC time>.json (JMH's JSON) and .md (the tables, the JDK and the CPU),
# and <UTC time>-Verify.svg / -Sign.svg (bar charts of ns/op and B/op, linked from the .md) when
# those classes ran.
set -euo pipefail

cd "$(dirname "$0")/../.."  # the repository root: every path below is relative to it

# Fits a 2-core machine: one fork per benchmark, 5 x 3 s of warm-up (jjwt and jose4j need about
# 10 s to reach steady state here), 5 x 2 s measured.
JMH_OPTS="${JMH_OPTS:--f 1 -wi 5 -w 3s -i 5 -r 2s}"

./mvnw -B -q -pl joat-benchmarks -am package -DskipTests 2>&1 \
	| grep -v -e 'overlapping resource' -e '^\[WARNING\]   - ' -e 'maven-shade-plugin has detected' \
		-e 'present in two or more JARs' -e 'single version of the file' -e 'you can skip these warnings' \
		-e 'manually exclude artifacts' -e 'dependency:tree -Ddetail' -e 'plugins/maven-shade-plugin' || true
test -f joat-benchmarks/target/benchmarks.jar

mkdir -p joat-benchmarks/results
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
json="joat-benchmarks/results/${stamp}.json"

load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -jar joat-benchmarks/target/benchmarks.jar $JMH_OPTS -prof gc -rf json -rff "$json" "$@"

{
	echo "Run ${stamp}: \`joat-benchmarks/scripts/run.sh $*\` with JMH_OPTS='${JMH_OPTS}'"
	echo
	echo "- JDK: $(java -version 2>&1 | head -n 2 | tr '\n' ' ')"
	echo "- CPU: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(nproc) processors"
	# Other work on the machine skews every number: the load average says whether there was any.
	echo "- Load average (1, 5, 15 min) before: ${load_before}; after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
	echo
	python3 joat-benchmarks/scripts/table.py "$json" --svg
} | tee "joat-benchmarks/results/${stamp}.md"
