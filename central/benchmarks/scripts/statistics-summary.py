#!/usr/bin/env python3
"""Summarises statistics-rounds.sh: per history size, the median time per operation of each variant over all
measured iterations (with min-max), the ratio of the medians, the min-max of the per-round ratio (each round's
baseline fork median over the ledger fork median run next to it), and the allocation per operation.

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


print("| records | ledger ms/op: median (min-max, n) | baseline ms/op: median (min-max, n) | ratio of medians"
      " | per-round ratio min-max | ledger alloc/op | baseline alloc/op |")
print("|---:|---:|---:|---:|---:|---:|---:|")
for size in sorted({s for s, _ in forks}):
    if (size, LEDGER) not in forks or (size, BASELINE) not in forks:
        continue
    lm, llo, lhi, ln = median_of(size, LEDGER)
    bm, blo, bhi, bn = median_of(size, BASELINE)
    ledger_rounds = {r: statistics.median(f) for r, f, _ in forks[(size, LEDGER)]}
    baseline_rounds = {r: statistics.median(f) for r, f, _ in forks[(size, BASELINE)]}
    ratios = [baseline_rounds[r] / ledger_rounds[r] for r in sorted(ledger_rounds) if r in baseline_rounds]
    la = statistics.median(a for _, _, a in forks[(size, LEDGER)]) / 1e6
    ba = statistics.median(a for _, _, a in forks[(size, BASELINE)]) / 1e6
    print(f"| {size:,} | {lm:.2f} ({llo:.2f}-{lhi:.2f}, {ln}) | {bm:.1f} ({blo:.1f}-{bhi:.1f}, {bn}) | {bm / lm:.0f}x"
          f" | {min(ratios):.0f}-{max(ratios):.0f}x ({len(ratios)} rounds) | {la:.2f} MB | {ba:.1f} MB |")

sizes = sorted({s for s, _ in forks})
for benchmark in (LEDGER, BASELINE):
    present = [s for s in sizes if (s, benchmark) in forks]
    if len(present) > 1:
        smallest = median_of(present[0], benchmark)[0]
        print(f"history ratio {benchmark}: "
              + ", ".join(f"{s:,} vs {present[0]:,}: {median_of(s, benchmark)[0] / smallest:.2f}" for s in present[1:]))
