#!/usr/bin/env python3
"""Turns a JMH JSON result file into Markdown tables and, on request, SVG bar charts.

Usage: python3 joat-benchmarks/scripts/table.py RESULTS.json [--svg]

For each benchmark class run in average-time mode (Verify, Sign): ns/op with its 99.9% error,
B/op (gc.alloc.rate.norm, present when the run used -prof gc) and the ratio to that class's floor,
the benchmark whose method name ends in "Floor" (Verify.rawHmacFloor, Sign.rawHmacSignFloor).
A dagger marks an error wider than 20% of the score.
A parameterised class (VerifyPublicKey, SignAsymmetric) gets a block of rows per parameter value,
each compared with the floor of the same value (params named "...Algorithm" count as "algorithm",
as SignAsymmetric's nimbusAlgorithm), then, where GOALS names targets (VerifyPublicKey, issue 26),
a line per value saying whether joat met them and which other library came closest.
For each class run in sample-time mode (VerifyDuringRefresh): the mean and the percentiles of the
time per operation (p50, p90, p99, p99.9, max), the number of samples, and, for a row whose
parameter is not "idle", its p99 and p99.9 as multiples of the "idle" row with the other
parameters equal.
For each class run in throughput mode (Scaling): ops/s over all threads, B/op, the speed-up of
each "...AllThreads" benchmark over its "...OneThread" twin, and how many times slower than the
floor at the same thread count each benchmark is.
With --svg, each average-time class with a floor (Verify, Sign) is also drawn as a bar chart of
ns/op (with its error) and B/op per benchmark, written beside the JSON as RESULTS-<Class>.svg and
linked below its table. The SVG is written by hand (no plotting library needed): joat's rows in
blue, the floor in grey, the other libraries in orange, every bar labelled with its value.
"""

import json
import os
import sys
from collections import OrderedDict
from xml.sax.saxutils import escape


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


# Issue 26's goals for the public-key benchmarks: joat's rows as at most these multiples of the floor,
# and ahead of every other library.
GOALS = {"VerifyPublicKey": {"joatParseToken": 1.1, "joatJwtDecoder": 1.2}}


def axis(name):
    """One name for one axis: SignAsymmetric's nimbusAlgorithm is an algorithm like the others."""
    return "algorithm" if name.lower().endswith("algorithm") else name


def ratio_cell(ratio):
    return f"{ratio:.2f}" if ratio < 10 else f"{ratio:.1f}"


def load(path):
    with open(path) as file:
        entries = json.load(file)
    classes = OrderedDict()
    for entry in entries:
        qualified = entry["benchmark"]
        class_name, method = qualified.split(".")[-2:]
        # A parameterised benchmark has a row per parameter value: the label says which.
        params = entry.get("params") or {}
        entry["_name"] = method
        entry["_params"] = tuple((axis(name), value) for name, value in params.items())
        if params:
            method += " (" + ", ".join(f"{name}={value}" for name, value in params.items()) + ")"
        entry["_method"] = method
        classes.setdefault(class_name, []).append(entry)
    return entries, classes


def floor_first(entries):
    """The floor benchmarks first, then the others from fastest to slowest."""
    floors = [e for e in entries if e["_name"].endswith("Floor")]
    return floors, floors + sorted((e for e in entries if e not in floors), key=lambda e: e["primaryMetric"]["score"])


def average_time_table(class_name, entries):
    groups = OrderedDict()
    for entry in entries:
        groups.setdefault(entry["_params"], []).append(entry)
    if len(groups) > 1 or any(entry["_params"] for entry in entries):
        return parameterised_table(class_name, groups)
    floors, ordered = floor_first(entries)
    floor = floors[0]["primaryMetric"]["score"] if floors else None
    unit = entries[0]["primaryMetric"]["scoreUnit"]
    floor_name = f"`{floors[0]['_method']}`" if floors else "floor"
    lines = [f"| {class_name} | {unit} | B/op | × {floor_name} |", "| --- | ---: | ---: | ---: |"]
    for entry in ordered:
        metric = entry["primaryMetric"]
        ratio = ratio_cell(metric['score'] / floor) if floor else "–"
        lines.append(f"| `{entry['_method']}` | {time_cell(metric['score'], metric['scoreError'])} "
                     f"| {bytes_cell(entry)} | {ratio} |")
    return lines


def parameterised_table(class_name, groups):
    """A block of rows per parameter value, each compared with the floor of the same value."""
    unit = next(iter(groups.values()))[0]["primaryMetric"]["scoreUnit"]
    lines = [f"| {class_name} | | {unit} | B/op | × floor |", "| --- | --- | ---: | ---: | ---: |"]
    verdicts = []
    for params, entries in groups.items():
        label = ", ".join(value for _, value in params)
        floors, ordered = floor_first(entries)
        floor = floors[0]["primaryMetric"]["score"] if floors else None
        for entry in ordered:
            metric = entry["primaryMetric"]
            ratio = ratio_cell(metric["score"] / floor) if floor else "–"
            lines.append(f"| {label} | `{entry['_name']}` | {time_cell(metric['score'], metric['scoreError'])} "
                         f"| {bytes_cell(entry)} | {ratio} |")
        if floor and class_name in GOALS:
            verdicts.append(verdict(label, entries, floor, GOALS[class_name]))
    if verdicts:
        lines.append("")
        lines.extend(verdicts)
    return lines


def verdict(label, entries, floor, goals):
    """Whether joat's rows met their goals for one parameter value, and which other library came closest."""
    by_name = {entry["_name"]: entry["primaryMetric"]["score"] for entry in entries}
    parts = []
    for name, goal in goals.items():
        if name in by_name:
            ratio = by_name[name] / floor
            parts.append(f"`{name}` {ratio_cell(ratio)} × floor (goal ≤ {goal}: {'met' if ratio <= goal else 'MISSED'})")
    others = [(score, name) for name, score in by_name.items()
              if not name.startswith("joat") and not name.startswith("jdk") and not name.endswith("Floor")]
    joat = [score for name, score in by_name.items() if name.startswith("joat")]
    if others and joat:
        score, name = min(others)
        ahead = "joat ahead" if max(joat) < score else "joat NOT ahead of it"
        parts.append(f"closest other library `{name}` {ratio_cell(score / floor)} × floor ({ahead})")
    return f"- {label}: " + "; ".join(parts)


def sample_time_table(class_name, entries):
    """Percentiles of the time per operation, and each non-idle row's tail against its idle twin."""
    unit = entries[0]["primaryMetric"]["scoreUnit"]

    def percentile(entry, key):
        return entry["primaryMetric"].get("scorePercentiles", {}).get(key)

    def idle_twin(entry):
        for position, (name, value) in enumerate(entry["_params"]):
            if value == "idle":
                continue
            wanted = entry["_params"][:position] + ((name, "idle"),) + entry["_params"][position + 1:]
            for other in entries:
                if other["_name"] == entry["_name"] and other["_params"] == wanted:
                    return other
        return None

    def samples(entry):
        histogram = entry["primaryMetric"].get("rawDataHistogram") or []
        return sum(count for fork in histogram for iteration in fork for _, count in iteration)

    lines = [f"| {class_name} | {unit}: mean | p50 | p90 | p99 | p99.9 | max | samples | p99 × idle | p99.9 × idle |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for entry in entries:
        metric = entry["primaryMetric"]
        cells = [time_cell(metric["score"], metric["scoreError"])]
        for key in ("50.0", "90.0", "99.0", "99.9", "100.0"):
            value = percentile(entry, key)
            cells.append("–" if value is None else number(value, 1 if value < 100 else 0))
        cells.append(number(samples(entry), 0))
        twin = idle_twin(entry)
        for key in ("99.0", "99.9"):
            if twin is None or not percentile(twin, key):
                cells.append("–")
            else:
                cells.append(f"{percentile(entry, key) / percentile(twin, key):.2f}")
        lines.append(f"| `{entry['_method']}` | " + " | ".join(cells) + " |")
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


def bar_color(method):
    if method.endswith("Floor"):
        return "#a0aec0"
    return "#2b6cb0" if method.startswith("joat") else "#dd6b20"


def svg_chart(class_name, entries, subtitle):
    """An SVG bar chart of one average-time class: ns/op (with the 99.9% error) and B/op per benchmark."""
    _, ordered = floor_first(entries)
    unit = entries[0]["primaryMetric"]["scoreUnit"]
    label_width, panel_width, gap, value_room = 250, 300, 40, 90
    row, top = 24, 64
    width = label_width + 2 * (panel_width + value_room) + gap
    height = top + row * len(ordered) + 34
    times = [(e["primaryMetric"]["score"], float(e["primaryMetric"]["scoreError"])) for e in ordered]
    allocations = [e.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score") for e in ordered]
    max_time = max(score + (error if error == error else 0) for score, error in times) or 1
    max_bytes = max((b for b in allocations if b is not None), default=0) or 1
    left_x = label_width
    right_x = label_width + panel_width + value_room + gap
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
           f'<text x="10" y="20" font-size="15" font-weight="bold">{escape(class_name)}: time and allocation '
           f'per operation (shorter is better)</text>',
           f'<text x="10" y="38" fill="#4a5568">{escape(subtitle)}</text>',
           f'<text x="{left_x}" y="{top - 8}" font-weight="bold">{escape(unit)} (± 99.9% interval)</text>',
           f'<text x="{right_x}" y="{top - 8}" font-weight="bold">B/op (gc.alloc.rate.norm)</text>']
    for index, entry in enumerate(ordered):
        y = top + index * row
        method = entry["_method"]
        color = bar_color(method)
        weight = ' font-weight="bold"' if method.startswith("joat") else ""
        out.append(f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end"{weight}>{escape(method)}</text>')
        score, error = times[index]
        bar = max(1.0, panel_width * score / max_time)
        out.append(f'<rect x="{left_x}" y="{y + 4}" width="{bar:.1f}" height="{row - 8}" fill="{color}"/>')
        label_x = left_x + bar
        if error == error and error > 0:
            low = left_x + panel_width * max(0.0, score - error) / max_time
            high = left_x + panel_width * (score + error) / max_time
            middle = y + row / 2
            out.append(f'<line x1="{low:.1f}" y1="{middle}" x2="{high:.1f}" y2="{middle}" stroke="#1a202c"/>')
            out.append(f'<line x1="{high:.1f}" y1="{middle - 4}" x2="{high:.1f}" y2="{middle + 4}" stroke="#1a202c"/>')
            label_x = max(label_x, high)
        out.append(f'<text x="{label_x + 4:.1f}" y="{y + 16}">{number(score, 1 if score < 100 else 0)}</text>')
        allocated = allocations[index]
        if allocated is None:
            out.append(f'<text x="{right_x}" y="{y + 16}" fill="#4a5568">–</text>')
            continue
        bar = max(1.0, panel_width * allocated / max_bytes)
        out.append(f'<rect x="{right_x}" y="{y + 4}" width="{bar:.1f}" height="{row - 8}" fill="{color}"/>')
        text = "≈ 0" if allocated < 1 else number(allocated, 0)
        out.append(f'<text x="{right_x + bar + 4:.1f}" y="{y + 16}">{text}</text>')
    legend_y = height - 12
    out.append(f'<rect x="10" y="{legend_y - 10}" width="12" height="12" fill="#2b6cb0"/>'
               f'<text x="26" y="{legend_y}">joat</text>'
               f'<rect x="70" y="{legend_y - 10}" width="12" height="12" fill="#dd6b20"/>'
               f'<text x="86" y="{legend_y}">other libraries</text>'
               f'<rect x="190" y="{legend_y - 10}" width="12" height="12" fill="#a0aec0"/>'
               f'<text x="206" y="{legend_y}">raw-HMAC floor (the JDK\'s Mac alone)</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    arguments = [a for a in sys.argv[1:] if a != "--svg"]
    charts = "--svg" in sys.argv[1:]
    if len(arguments) != 1:
        sys.exit(__doc__)
    path = arguments[0]
    entries, classes = load(path)
    if not entries:
        sys.exit("No results in " + path)
    first = entries[0]
    print(f"JMH {first.get('jmhVersion', '?')}, {first.get('vmName', '?')} {first.get('vmVersion', '?')}, "
          f"{first['forks']} fork, {first['warmupIterations']} × {first['warmupTime']} warm-up, "
          f"{first['measurementIterations']} × {first['measurementTime']} measurement; ± is the 99.9% "
          "confidence interval; † marks one wider than 20% of the score, a result to re-run.")
    for class_name, class_entries in classes.items():
        print()
        mode = class_entries[0]["mode"]
        table = {"avgt": average_time_table, "sample": sample_time_table}.get(mode, throughput_table)
        print("\n".join(table(class_name, class_entries)))
        # The chart is of one HS256 token: a parameterised class (one block per algorithm) is not charted.
        if (charts and mode == "avgt" and not any(e["_params"] for e in class_entries)
                and any(e["_method"].endswith("Floor") for e in class_entries)):
            stem = os.path.splitext(path)[0]
            svg = f"{stem}-{class_name}.svg"
            subtitle = (f"{os.path.basename(stem)}: {first.get('vmName', '?')} {first.get('vmVersion', '?')}; "
                        "one HS256 token, one thread")
            with open(svg, "w", encoding="utf-8") as file:
                file.write(svg_chart(class_name, class_entries, subtitle))
            print()
            print(f"![{class_name} chart]({os.path.basename(svg)})")


if __name__ == "__main__":
    main()
