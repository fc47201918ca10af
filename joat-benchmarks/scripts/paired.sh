#!/usr/bin/env bash
# Compares two JMH benchmarks with paired, interleaved forks in the order A B, B A, A B, ... one
# fork each, so that slow drifts of the machine (other VMs on the host, frequency changes) and any
# effect of running first fall on both alike. Prints
# each pair's ratio B / A of the forks' median iterations, and the median and range of those ratios
# (and the same for the forks' fastest iterations).
#
#   joat-benchmarks/scripts/paired.sh JAR 'DecoderMetrics.decoderWithoutMetrics$' 'DecoderMetrics.decoderWithMetrics$' [PAIRS]
#
# PAIRS defaults to 6; each fork runs 4 x 2 s of warm-up and 8 x 2 s measured (override with JMH_OPTS).
# Writes joat-benchmarks/results/<UTC time>-paired.txt and the forks' JMH JSON beside it.
set -euo pipefail

cd "$(dirname "$0")/../.."  # the repository root: every path below is relative to it
jar="$1"
a="$2"
b="$3"
pairs="${4:-6}"
JMH_OPTS="${JMH_OPTS:--f 1 -wi 4 -w 2s -i 8 -r 2s}"

stamp="$(date -u +%Y-%m-%dT%H%MZ)"
dir="joat-benchmarks/results/${stamp}-paired"
mkdir -p "$dir"
out="joat-benchmarks/results/${stamp}-paired.txt"
{
	echo "Run ${stamp}: joat-benchmarks/scripts/paired.sh ${jar##*/} '$a' '$b' $pairs, JMH_OPTS='${JMH_OPTS}'"
	echo "JDK: $(java -version 2>&1 | head -n 1); $(nproc) processors"
	echo "Load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
} | tee "$out"
for i in $(seq 1 "$pairs"); do
	order="a b"
	if [ $((i % 2)) -eq 0 ]; then order="b a"; fi
	for which in $order; do
		if [ "$which" = a ]; then pattern="$a"; else pattern="$b"; fi
		# shellcheck disable=SC2086 # JMH_OPTS is a list of options
		java -jar "$jar" $JMH_OPTS -prof gc -rf json -rff "$dir/$i-$which.json" "$pattern" >"$dir/$i-$which.log" 2>&1
	done
	echo "pair $i done, load $(cut -d ' ' -f 1-3 /proc/loadavg)" | tee -a "$out"
done
python3 - "$dir" "$pairs" <<'PY' | tee -a "$out"
import json, statistics, sys
directory, pairs = sys.argv[1], int(sys.argv[2])
def fork(i, which):
    [result] = json.load(open(f"{directory}/{i}-{which}.json"))
    scores = result["primaryMetric"]["rawData"][0]
    alloc = result["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
    return result["benchmark"], statistics.median(scores), alloc, min(scores), result["primaryMetric"]["scoreUnit"]
ratios = []
minimum_ratios = []
for i in range(1, pairs + 1):
    name_a, median_a, alloc_a, min_a, unit = fork(i, "a")
    name_b, median_b, alloc_b, min_b, _ = fork(i, "b")
    unit = unit.removesuffix("/op")
    ratios.append(median_b / median_a)
    minimum_ratios.append(min_b / min_a)
    print(f"pair {i}: {name_a.split('.')[-1]} {median_a:,.0f} {unit} ({alloc_a:,.0f} B/op), "
          f"{name_b.split('.')[-1]} {median_b:,.0f} {unit} ({alloc_b:,.0f} B/op), B / A = {ratios[-1]:.3f}")
print(f"B / A over {pairs} pairs: median {statistics.median(ratios):.3f}, "
      f"range {min(ratios):.3f} to {max(ratios):.3f}")
# Noise only ever adds time, so each fork's fastest iteration is a second, noise-robust estimate.
print(f"B / A of the forks' fastest iterations: median {statistics.median(minimum_ratios):.3f}, "
      f"range {min(minimum_ratios):.3f} to {max(minimum_ratios):.3f}")
PY
echo "Load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)" | tee -a "$out"
