#!/usr/bin/env python3
"""Where the CPU of a profile went, from async-profiler's collapsed stacks (joat-benchmarks/scripts/profile.sh).

    python3 joat-benchmarks/scripts/profile-summary.py PROFILE.collapsed [CPU_US_PER_REQUEST] [--prune OUT.collapsed]

Prints a Markdown table: each sample is charged to the code that was running, that is the deepest
frame that is not the JDK's or the JVM's own (a HashMap look-up made by Micrometer is Micrometer's),
grouped by project; samples without any Java frame (GC, the JIT compilers, the kernel's network
stack under no Java frame) are the JVM's. With CPU_US_PER_REQUEST (the app's CPU time per request
of the same run), each share is also given in microseconds per request.

--prune writes the stacks again with every frame whose subtree holds under 0.2% of the samples
cut off (its samples stay with its caller), which the flame graph needs: a request's stacks are
deep and mostly unique below that width, and the full file is tens of megabytes.
"""
import collections
import sys

# (category, prefixes of a frame); the first match of the deepest owned frame wins.
CATEGORIES = [
    ("Micrometer: observations and meters (incl. Spring's observation filters and decorators)",
     ("io/micrometer/", "org/springframework/security/web/ObservationFilterChainDecorator",
      "org/springframework/security/authorization/ObservationAuthorizationManager",
      "org/springframework/security/authentication/ObservationAuthenticationManager",
      "org/springframework/web/filter/ServerHttpObservationFilter", "io/prometheus/")),
    ("application code (controllers, configuration)", ("dev/joat/sample/", "dev/joat/benchmarks/")),
    ("joat: decoder, parser, revocation check, joat's meters", ("dev/joat/",)),
    ("Nimbus JOSE+JWT (the stock decoder)", ("com/nimbusds/",)),
    ("Spring Security: filters, authentication, authorization", ("org/springframework/security/",)),
    ("Spring MVC, HTTP messages, Jackson", ("org/springframework/web/", "org/springframework/http/", "tools/jackson/",
                                            "com/fasterxml/")),
    ("Spring Framework core, AOP, expressions", ("org/springframework/",)),
    ("Tomcat: HTTP parsing, connections, threads", ("org/apache/",)),
    ("other libraries", ("dev/", "com/", "org/", "io/", "net/", "tools/")),
]
JDK_PREFIXES = ("java/", "jdk/", "javax/", "sun/", "com/sun/", "jakarta/")


def owner(frames):
    for frame in reversed(frames):
        if frame.endswith("_[k]") or "/" not in frame or frame.startswith(JDK_PREFIXES):
            continue
        for category, prefixes in CATEGORIES:
            if frame.startswith(prefixes):
                return category
    if any(frame.startswith(JDK_PREFIXES) for frame in frames):
        return "JDK only (threads, NIO, no other code on the stack)"
    return "JVM: GC, JIT compilers, VM threads, kernel"


def read(path):
    for line in open(path):
        stack, count = line.rstrip("\n").rsplit(" ", 1)
        yield stack.split(";"), int(count)


def prune(path, out, share=0.002):
    totals = collections.Counter()
    total = 0
    for frames, count in read(path):
        total += count
        key = ()
        for frame in frames:
            key = key + (frame,)
            totals[hash(key)] += count
    kept = collections.Counter()
    for frames, count in read(path):
        key = ()
        for frame in frames:
            if totals[hash(key + (frame,))] < share * total:
                break
            key = key + (frame,)
        kept[";".join(key) or "(pruned)"] += count
    with open(out, "w") as file:
        for stack, count in sorted(kept.items()):
            file.write(f"{stack} {count}\n")


def main(argv):
    path = argv[1]
    rest = argv[2:]
    if "--prune" in rest:
        index = rest.index("--prune")
        prune(path, rest[index + 1])
        del rest[index:index + 2]
    cpu_us = float(rest[0]) if rest else None
    shares = collections.Counter()
    total = 0
    for frames, count in read(path):
        shares[owner(frames)] += count
        total += count
    print(f"{total:,} samples")
    print()
    print("| running code | share of the app's CPU |" + (" µs per request |" if cpu_us else ""))
    print("| --- | ---: |" + (" ---: |" if cpu_us else ""))
    for category, count in shares.most_common():
        row = f"| {category} | {100 * count / total:.1f}% |"
        if cpu_us:
            row += f" {cpu_us * count / total:.0f} |"
        print(row)


if __name__ == "__main__":
    main(sys.argv)
