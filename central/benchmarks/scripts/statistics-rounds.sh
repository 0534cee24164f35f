#!/usr/bin/env bash
# StatisticsBenchmark interleaved on a shared, noisy machine: ROUNDS rounds; in each, for every history size,
# the ledger path and the per-build baseline run back to back (one fork each) in a random order, so both
# variants see the same load. One JMH result file per fork in OUT; summarise with statistics-summary.py.
#
#   central/benchmarks/scripts/statistics-rounds.sh [OUT]   (ROUNDS, SIZES, JMH_OPTS, JAVA may be set)
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=${1:-/tmp/statistics-rounds}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-"1000 10000 100000"}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 2 -i 3 -w 1 -r 2 -prof gc"}
JAVA=${JAVA:-java}
JAR=central/benchmarks/target/benchmarks.jar
mkdir -p "$OUT"
for round in $(seq 1 "$ROUNDS"); do
    for size in $SIZES; do
        for benchmark in $(printf '%s\n' statisticsFromLedger statisticsFromBuildsNewestFirst | shuf); do
            echo "$(date -u +%H:%M:%S) round $round, $size records: $benchmark (load $(cut -d' ' -f1 /proc/loadavg))"
            # shellcheck disable=SC2086 # JMH_OPTS is a list of options
            "$JAVA" -jar "$JAR" "StatisticsBenchmark.$benchmark\$" -p records="$size" $JMH_OPTS \
                -rf json -rff "$OUT/round$round-$size-$benchmark.json" > "$OUT/round$round-$size-$benchmark.log" 2>&1
        done
    done
done
