#!/usr/bin/env python3
"""Summarises statistics-rounds.sh: per history size, the median time per operation of each variant over all
measured iterations (with min-max), the ratio of the medians, the min-max of the per-round ratio (each round's
baseline fork median over the ledger fork median run next to it), and the allocation per operation; then the
ledger-only sizes and the always-green variant, and the history ratios (each size's median over the smallest
size's, and per round).

    python3 central/benchmarks/scripts/statistics-summary.py [OUT]
"""
import glob
import json
import os
import re
import statistics
import sys

LEDGER = "statisticsFromLedger"
BASELINE = "statisticsFromBuildsNewestFirst"
GREEN = "statisticsFromLedgerAlwaysGreen"

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/statistics-rounds"
forks = {}  # (size, benchmark) -> list of (round, [iteration ms], alloc B/op)
for path in sorted(glob.glob(os.path.join(out, "round*-*-*.json"))):
    round_number = int(re.match(r"round(\d+)-", os.path.basename(path)).group(1))
    try:
        results = json.load(open(path))
    except ValueError:  # a fork still running, or one that failed: see its .log
        continue
    for result in results:
        benchmark = result["benchmark"].rsplit(".", 1)[1]
        size = int(result["params"]["records"])
        unit = result["primaryMetric"]["scoreUnit"]
        scale = {"ms/op": 1.0, "us/op": 1e-3, "s/op": 1e3}[unit]
        for fork in result["primaryMetric"]["rawData"]:
            alloc = result["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
            forks.setdefault((size, benchmark), []).append((round_number, [v * scale for v in fork], alloc))


def median_of(size, benchmark):
    values = [v for _, fork, _ in forks[(size, benchmark)] for v in fork]
    return statistics.median(values), min(values), max(values), len(values)


def rounds_of(size, benchmark):
    return {r: statistics.median(f) for r, f, _ in forks[(size, benchmark)]}


def alloc_of(size, benchmark):
    return statistics.median(a for _, _, a in forks[(size, benchmark)])


def us(ms):
    return f"{ms * 1000:.1f}"


print("| records | ledger µs/op: median (min-max, n) | baseline ms/op: median (min-max, n) | ratio of medians"
      " | per-round ratio min-max | ledger alloc/op | baseline alloc/op |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for size in sorted({s for s, _ in forks}):
    if (size, LEDGER) not in forks or (size, BASELINE) not in forks:
        continue
    lm, llo, lhi, ln = median_of(size, LEDGER)
    bm, blo, bhi, bn = median_of(size, BASELINE)
    ledger_rounds = rounds_of(size, LEDGER)
    baseline_rounds = rounds_of(size, BASELINE)
    ratios = [baseline_rounds[r] / ledger_rounds[r] for r in sorted(ledger_rounds) if r in baseline_rounds]
    print(f"| {size:,} | {us(lm)} ({us(llo)}-{us(lhi)}, {ln}) | {bm:.1f} ({blo:.1f}-{bhi:.1f}, {bn}) | {bm / lm:,.0f}x"
          f" | {min(ratios):,.0f}-{max(ratios):,.0f}x ({len(ratios)} rounds) | {alloc_of(size, LEDGER) / 1e3:.1f} KB"
          f" | {alloc_of(size, BASELINE) / 1e6:.1f} MB |")

print()
print("| variant | records | µs/op: median (min-max, n) | alloc/op |")
print("|---|---:|---:|---:|")
for benchmark in (LEDGER, GREEN):
    for size in sorted(s for s, b in forks if b == benchmark):
        m, lo, hi, n = median_of(size, benchmark)
        print(f"| {benchmark} | {size:,} | {us(m)} ({us(lo)}-{us(hi)}, {n}) | {alloc_of(size, benchmark) / 1e3:.1f} KB |")

print()
sizes = sorted({s for s, _ in forks})
for benchmark in (LEDGER, BASELINE, GREEN):
    present = [s for s in sizes if (s, benchmark) in forks]
    if len(present) > 1:
        smallest = present[0]
        base = median_of(smallest, benchmark)[0]
        parts = []
        for s in present[1:]:
            per_round = [rounds_of(s, benchmark)[r] / rounds_of(smallest, benchmark)[r]
                         for r in sorted(rounds_of(s, benchmark)) if r in rounds_of(smallest, benchmark)]
            parts.append(f"{s:,} vs {smallest:,}: {median_of(s, benchmark)[0] / base:.2f}"
                         f" (per round {min(per_round):.2f}-{max(per_round):.2f})")
        print(f"history ratio {benchmark}: " + ", ".join(parts))
