#!/usr/bin/env python3
"""Turns a JMH JSON result file into Markdown tables.

Usage: python3 benchmarks/table.py RESULTS.json

For each benchmark class run in average-time mode (Verify, Sign): ns/op with its 99.9% error,
B/op (gc.alloc.rate.norm, present when the run used -prof gc) and the ratio to that class's floor,
the benchmark whose method name ends in "Floor" (Verify.rawHmacFloor, Sign.rawHmacSignFloor).
A dagger marks an error wider than 20% of the score.
For each class run in throughput mode (Scaling): ops/s over all threads, B/op, the speed-up of
each "...AllThreads" benchmark over its "...OneThread" twin, and how many times slower than the
floor at the same thread count each benchmark is.
"""

import json
import sys
from collections import OrderedDict


def number(value, decimals):
    return f"{value:,.{decimals}f}"


def time_cell(score, error):
    decimals = 1 if score < 100 else 0
    error = float(error)  # JMH writes "NaN" when it has no error estimate
    if error != error:
        return number(score, decimals)
    # An interval wider than a fifth of the score means the iterations disagree: usually other
    # work on the machine, or a library still warming up.
    noisy = " †" if error > 0.2 * score else ""
    return f"{number(score, decimals)} ± {number(error, decimals)}{noisy}"


def bytes_cell(entry):
    metric = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    if metric is None:
        return "–"
    score = metric["score"]
    return "≈ 0" if score < 1 else number(score, 0)


def load(path):
    with open(path) as file:
        entries = json.load(file)
    classes = OrderedDict()
    for entry in entries:
        qualified = entry["benchmark"]
        class_name, method = qualified.split(".")[-2:]
        entry["_method"] = method
        classes.setdefault(class_name, []).append(entry)
    return entries, classes


def average_time_table(class_name, entries):
    floors = [e for e in entries if e["_method"].endswith("Floor")]
    floor = floors[0]["primaryMetric"]["score"] if floors else None
    ordered = floors + sorted((e for e in entries if e not in floors), key=lambda e: e["primaryMetric"]["score"])
    unit = entries[0]["primaryMetric"]["scoreUnit"]
    floor_name = f"`{floors[0]['_method']}`" if floors else "floor"
    lines = [f"| {class_name} | {unit} | B/op | × {floor_name} |", "| --- | ---: | ---: | ---: |"]
    for entry in ordered:
        metric = entry["primaryMetric"]
        ratio = f"{metric['score'] / floor:.1f}" if floor else "–"
        lines.append(f"| `{entry['_method']}` | {time_cell(metric['score'], metric['scoreError'])} "
                     f"| {bytes_cell(entry)} | {ratio} |")
    return lines


def throughput_table(class_name, entries):
    by_method = {e["_method"]: e for e in entries}

    def floor_for(entry):
        for other in entries:
            if other["threads"] == entry["threads"] and other["_method"].startswith("rawHmac"):
                return other["primaryMetric"]["score"]
        return None

    unit = entries[0]["primaryMetric"]["scoreUnit"]
    lines = [f"| {class_name} | threads | {unit} (all threads) | B/op | × one thread | × slower than floor |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for entry in entries:
        metric = entry["primaryMetric"]
        method = entry["_method"]
        speedup = "–"
        if method.endswith("AllThreads"):
            single = by_method.get(method[: -len("AllThreads")] + "OneThread")
            if single:
                speedup = f"{metric['score'] / single['primaryMetric']['score']:.2f}"
        floor = floor_for(entry)
        slower = f"{floor / metric['score']:.1f}" if floor else "–"
        lines.append(f"| `{method}` | {entry['threads']} | {time_cell(metric['score'], metric['scoreError'])} "
                     f"| {bytes_cell(entry)} | {speedup} | {slower} |")
    return lines


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    entries, classes = load(sys.argv[1])
    if not entries:
        sys.exit("No results in " + sys.argv[1])
    first = entries[0]
    print(f"JMH {first.get('jmhVersion', '?')}, {first.get('vmName', '?')} {first.get('vmVersion', '?')}, "
          f"{first['forks']} fork, {first['warmupIterations']} × {first['warmupTime']} warm-up, "
          f"{first['measurementIterations']} × {first['measurementTime']} measurement; ± is the 99.9% "
          "confidence interval; † marks one wider than 20% of the score, a result to re-run.")
    for class_name, class_entries in classes.items():
        print()
        mode = class_entries[0]["mode"]
        table = average_time_table if mode == "avgt" else throughput_table
        print("\n".join(table(class_name, class_entries)))


if __name__ == "__main__":
    main()
