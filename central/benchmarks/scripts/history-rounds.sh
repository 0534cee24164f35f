#!/usr/bin/env bash
# HistoryScalingBenchmark interleaved on a shared, noisy machine: ROUNDS rounds; in each, every (benchmark, history
# size) pair runs as its own short fork, all the round's pairs in one random order (shuf), so every variant and size
# sees the machine's load of the whole round rather than one stretch of it. One JMH result file (and log) per fork
# in OUT; summarise with history-summary.py. A fork whose log shows a JMH <failure> (a setup's check, a tear-down's
# check, an exception) keeps its results as .json.failed, which the summary leaves out and lists.
#
#   central/benchmarks/scripts/history-rounds.sh [OUT]   (ROUNDS, SIZES, BENCHMARKS, JMH_OPTS, JAVA may be set)
#
# About 25 to 30 minutes with the defaults on the shared two-core machine: 3 rounds of 28 forks; each fork of
# 1,000,000 records spends 30 to 70 s writing its 470 MB ledger and building the ledger summary (and needs about
# 700 MB free in the temporary directory, deleted again at the end of the fork).
set -uo pipefail
cd "$(dirname "$0")/../../.."
OUT=${1:-/tmp/history-rounds}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-"1000 10000 100000 1000000"}
BENCHMARKS=${BENCHMARKS:-"statistics statisticsAlwaysGreen gateCandidateDeployed gateCandidateNeverDeployed badgeCold environmentStatus firstReadAfterRestart"}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc"}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
JAR=central/benchmarks/target/benchmarks.jar
if [ ! -f "$JAR" ]; then
    echo "no $JAR: mvn -B -ntp -f central/pom.xml -pl benchmarks -am package -DskipTests" >&2
    exit 1
fi
mkdir -p "$OUT"
started=$(date +%s)
failed=0
for round in $(seq 1 "$ROUNDS"); do
    pairs=$(for size in $SIZES; do for benchmark in $BENCHMARKS; do echo "$size $benchmark"; done; done | shuf)
    while read -r size benchmark; do
        echo "$(date -u +%H:%M:%S) round $round, $size records: $benchmark (load $(cut -d' ' -f1 /proc/loadavg))"
        # shellcheck disable=SC2086 # JMH_OPTS is a list of options
        if ! "$JAVA" -jar "$JAR" "HistoryScalingBenchmark\.$benchmark\$" -p records="$size" $JMH_OPTS \
            -rf json -rff "$OUT/round$round-$size-$benchmark.json" > "$OUT/round$round-$size-$benchmark.log" 2>&1 \
            || ! grep -q '"primaryMetric"' "$OUT/round$round-$size-$benchmark.json" 2>/dev/null \
            || grep -q '<failure>' "$OUT/round$round-$size-$benchmark.log"; then
            # a failed setup, check or tear-down: JMH may still have written the other iterations' results
            [ -f "$OUT/round$round-$size-$benchmark.json" ] && mv "$OUT/round$round-$size-$benchmark.json" "$OUT/round$round-$size-$benchmark.json.failed"
            echo "  FAILED: see $OUT/round$round-$size-$benchmark.log"
            failed=$((failed + 1))
        fi
    done <<< "$pairs"
done
echo "$(date -u +%H:%M:%S) done in $((($(date +%s) - started) / 60)) min; $failed fork(s) failed"
[ "$failed" -eq 0 ]
