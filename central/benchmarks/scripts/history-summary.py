#!/usr/bin/env python3
"""Summarises history-rounds.sh: per benchmark and history size, the median time per operation over all measured
iterations of all rounds (with their min-max and count); the ratio of the largest size's median to the smallest's
(1,000,000 : 1,000 with the defaults; the target is at most 1.5) with the min-max of the same ratio taken round by
round (each round's fork median at the largest size over its fork median at the smallest); and the bytes allocated
per operation (gc.alloc.rate.norm, median of the forks). Results without a `records` parameter (page-rounds.sh)
get one row each: median (min-max, n), per-round medians min-max, allocation per operation.

    python3 central/benchmarks/scripts/history-summary.py [OUT]
"""
import glob
import json
import os
import re
import statistics
import sys

ORDER = ["statistics", "statisticsAlwaysGreen", "gateCandidateDeployed", "gateCandidateNeverDeployed",
         "badgeCold", "environmentStatus", "firstReadAfterRestart"]
TARGET = 1.5

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/history-rounds"
forks = {}  # (benchmark, size) -> list of (round, [iteration microseconds], alloc bytes per op or None)
others = {}  # (benchmark, parameters) -> the same, for results without a records parameter
missing = []
for path in sorted(glob.glob(os.path.join(out, "round*-*.json"))):
    round_number = int(re.match(r"round(\d+)-", os.path.basename(path)).group(1))
    try:
        results = json.load(open(path))
    except ValueError:  # a fork still running, or one that failed: see its .log
        results = []
    if not results:
        missing.append(os.path.basename(path))
    for result in results:
        benchmark = result["benchmark"].rsplit(".", 1)[1]
        params = result.get("params", {})
        if "records" in params:
            key, into = (benchmark, int(params["records"])), forks
        else:
            key, into = (benchmark, ", ".join(f"{k}={v}" for k, v in sorted(params.items()))), others
        unit = result["primaryMetric"]["scoreUnit"]
        scale = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}[unit]
        alloc = result["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
        for fork in result["primaryMetric"]["rawData"]:
            into.setdefault(key, []).append((round_number, [v * scale for v in fork], alloc))


def unit_for(us):
    if us >= 1e6:
        return "s", 1e6
    if us >= 1e3:
        return "ms", 1e3
    return "µs", 1.0


def number(value):
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}" if value < 10 else f"{value:,.1f}"


def durations(median, low, high):
    """The median with its unit, min and max in the same unit: '2.38 ms (1.90–4.12)'."""
    unit, scale = unit_for(median)
    return f"{number(median / scale)} {unit} ({number(low / scale)}–{number(high / scale)})"


def size_of(b):
    if b is None:
        return "n/a"
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if b >= scale:
            return f"{b / scale:,.1f} {unit}" if b < 100 * scale else f"{b / scale:,.0f} {unit}"
    return f"{b:,.0f} B"


def iterations(key, results=None):
    return [v for _, fork, _ in (forks if results is None else results)[key] for v in fork]


def per_round_medians(key, results=None):
    by_round = {}
    for round_number, fork, _ in (forks if results is None else results)[key]:
        by_round.setdefault(round_number, []).extend(fork)
    return {r: statistics.median(v) for r, v in by_round.items()}


def print_others():
    if not others:
        return
    print("| benchmark | parameters | median (min–max), n | per-round medians (min–max) | allocated per op |")
    print("|---|---|---:|---:|---:|")
    for (benchmark, params) in sorted(others):
        values = iterations((benchmark, params), others)
        rounds = per_round_medians((benchmark, params), others)
        unit, scale = unit_for(statistics.median(values))
        allocs = [a for _, _, a in others[(benchmark, params)] if a is not None]
        print(f"| `{benchmark}` | {params} | {durations(statistics.median(values), min(values), max(values))},"
              f" n={len(values)} | {number(min(rounds.values()) / scale)}–{number(max(rounds.values()) / scale)} {unit}"
              f" ({len(rounds)} round{'s' if len(rounds) != 1 else ''}) | {size_of(statistics.median(allocs)) if allocs else 'n/a'} |")


def print_history(sizes):
    benchmarks = [b for b in ORDER if any((b, s) in forks for s in sizes)]
    benchmarks += sorted({b for b, _ in forks} - set(benchmarks))
    smallest, largest = sizes[0], sizes[-1]
    ratio_name = f"{largest:,} : {smallest:,}"

    print(f"Time per operation: median of all measured iterations (min–max, n iterations); rounds: "
          f"{len({r for v in forks.values() for r, _, _ in v})}")
    print()
    print("| benchmark | " + " | ".join(f"{s:,} records" for s in sizes)
          + f" | ratio of medians {ratio_name} | per-round ratio (min–max) |")
    print("|---|" + "---:|" * len(sizes) + "---:|---:|")
    for benchmark in benchmarks:
        cells = []
        for size in sizes:
            if (benchmark, size) in forks:
                values = iterations((benchmark, size))
                cells.append(durations(statistics.median(values), min(values), max(values)) + f", n={len(values)}")
            else:
                cells.append("-")
        ratio, per_round = "-", "-"
        if (benchmark, smallest) in forks and (benchmark, largest) in forks and smallest != largest:
            r = statistics.median(iterations((benchmark, largest))) / statistics.median(iterations((benchmark, smallest)))
            ratio = f"**{r:,.2f}**" + ("" if r <= TARGET else " (over 1.5)")
            small_rounds = per_round_medians((benchmark, smallest))
            large_rounds = per_round_medians((benchmark, largest))
            ratios = [large_rounds[x] / small_rounds[x] for x in sorted(small_rounds) if x in large_rounds]
            if ratios:
                per_round = f"{min(ratios):,.2f}–{max(ratios):,.2f} ({len(ratios)} round{'s' if len(ratios) != 1 else ''})"
        print(f"| `{benchmark}` | " + " | ".join(cells) + f" | {ratio} | {per_round} |")

    print()
    print("Allocated per operation (gc.alloc.rate.norm, median of the forks)")
    print()
    print("| benchmark | " + " | ".join(f"{s:,} records" for s in sizes) + f" | {ratio_name} |")
    print("|---|" + "---:|" * len(sizes) + "---:|")
    for benchmark in benchmarks:
        allocs = {}
        for size in sizes:
            values = [a for _, _, a in forks.get((benchmark, size), []) if a is not None]
            if values:
                allocs[size] = statistics.median(values)
        ratio = "-"
        if smallest in allocs and largest in allocs and allocs[smallest] > 0 and smallest != largest:
            ratio = f"{allocs[largest] / allocs[smallest]:,.2f}"
        print(f"| `{benchmark}` | " + " | ".join(size_of(allocs.get(s)) for s in sizes) + f" | {ratio} |")


sizes = sorted({s for _, s in forks})
if not sizes and not others:
    sys.exit(f"no results in {out}")
if sizes:
    print_history(sizes)

if others:
    if sizes:
        print()
    print_others()

failed = sorted(os.path.basename(p) for p in glob.glob(os.path.join(out, "round*-*.json.failed")))
if missing or failed:
    print()
    print("Left out (see the .log next to each): " + ", ".join(missing + failed))
