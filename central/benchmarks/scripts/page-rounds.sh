#!/usr/bin/env bash
# The Deploy health page benchmarks (ReleaseManagerPageBenchmark, 5,000 jobs x 1,000 records) interleaved on a
# shared, noisy machine: ROUNDS rounds, each running every benchmark as its own fork in a random order (shuf). One
# JMH result file (and log) per fork in OUT; summarise with history-summary.py. A fork whose log shows a JMH
# <failure> keeps its results as .json.failed, which the summary leaves out and lists.
#
#   central/benchmarks/scripts/page-rounds.sh [OUT]   (ROUNDS, BENCHMARKS, JMH_OPTS, JAVA may be set)
#
# Not timed at 5,000 jobs; expect 30 to 60 minutes with the defaults on the shared two-core machine: every fork
# writes the 5,000 ledgers (2.2 GB in the temporary directory, 12 to 40 s, deleted again), and firstPageAfterRestart
# decodes 5,000 summary files per operation (one to two minutes a page). Every benchmark measures the plugin's own
# DeployHealthService (through HealthServicePage); coldPage's set-up runs two more pages, one of them cold. Iterations
# and warm-ups are the benchmarks' own (see ReleaseManagerPageBenchmark) unless JMH_OPTS says otherwise; -p jobs=500
# for a quick look.
set -uo pipefail
cd "$(dirname "$0")/../../.."
OUT=${1:-/tmp/page-rounds}
ROUNDS=${ROUNDS:-3}
BENCHMARKS=${BENCHMARKS:-"coldPage warmPageFromService firstPageAfterMidnight firstPageAfterRestart"}
JMH_OPTS=${JMH_OPTS:-"-f 1 -prof gc"}
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
    for benchmark in $(printf '%s\n' $BENCHMARKS | shuf); do
        echo "$(date -u +%H:%M:%S) round $round: $benchmark (load $(cut -d' ' -f1 /proc/loadavg))"
        # shellcheck disable=SC2086 # JMH_OPTS is a list of options
        if ! "$JAVA" -jar "$JAR" "ReleaseManagerPageBenchmark\.$benchmark\$" $JMH_OPTS \
            -rf json -rff "$OUT/round$round-$benchmark.json" > "$OUT/round$round-$benchmark.log" 2>&1 \
            || ! grep -q '"primaryMetric"' "$OUT/round$round-$benchmark.json" 2>/dev/null \
            || grep -q '<failure>' "$OUT/round$round-$benchmark.log"; then
            # a failed setup, check or tear-down: JMH may still have written the other iterations' results
            [ -f "$OUT/round$round-$benchmark.json" ] && mv "$OUT/round$round-$benchmark.json" "$OUT/round$round-$benchmark.json.failed"
            echo "  FAILED: see $OUT/round$round-$benchmark.log"
            failed=$((failed + 1))
        fi
    done
done
echo "$(date -u +%H:%M:%S) done in $((($(date +%s) - started) / 60)) min; $failed fork(s) failed"
[ "$failed" -eq 0 ]
