#!/usr/bin/env bash
# StatisticsBenchmark interleaved on a shared, noisy machine: ROUNDS rounds; in each, for every history size,
# the ledger path, the per-build baseline and the ledger path on an always-green history run back to back (one
# fork each) in a random order, so all variants see the same load; for the sizes in LEDGER_ONLY_SIZES (too large
# for the baseline's build directories) only the two ledger variants run. One JMH result file per fork in OUT;
# summarise with statistics-summary.py.
#
#   central/benchmarks/scripts/statistics-rounds.sh [OUT]
#   (ROUNDS, SIZES, LEDGER_ONLY_SIZES, GREEN_SIZES, JMH_OPTS, JAVA may be set; KEEP_LEDGERS=DIR keeps the ledgers
#   in DIR between forks, so each is written once and forks of different sizes run close together)
set -euo pipefail
cd "$(dirname "$0")/../../.."
OUT=${1:-/tmp/statistics-rounds}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES-"1000 10000 100000"}
LEDGER_ONLY_SIZES=${LEDGER_ONLY_SIZES-"1000000"}
# the always-green variant runs at these sizes only, in whichever list they are
GREEN_SIZES=${GREEN_SIZES-"1000 1000000"}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 4 -i 3 -w 2 -r 2 -prof gc"}
JAVA=${JAVA:-java}
KEEP=()
if [ -n "${KEEP_LEDGERS:-}" ]; then KEEP=(-jvmArgsPrepend "-Ddeployoften.ledgers=$KEEP_LEDGERS"); fi
JAR=central/benchmarks/target/benchmarks.jar
mkdir -p "$OUT"

variants() { # size, with or without the baseline
    echo statisticsFromLedger
    if [ "$2" = with-baseline ]; then echo statisticsFromBuildsNewestFirst; fi
    case " $GREEN_SIZES " in *" $1 "*) echo statisticsFromLedgerAlwaysGreen ;; esac
}

run() { # round, size, benchmark
    echo "$(date -u +%H:%M:%S) round $1, $2 records: $3 (load $(cut -d' ' -f1 /proc/loadavg))"
    # shellcheck disable=SC2086 # JMH_OPTS is a list of options
    "$JAVA" -jar "$JAR" "StatisticsBenchmark.$3\$" -p records="$2" $JMH_OPTS "${KEEP[@]}" \
        -rf json -rff "$OUT/round$1-$2-$3.json" > "$OUT/round$1-$2-$3.log" 2>&1
}

for round in $(seq 1 "$ROUNDS"); do
    for size in $SIZES; do
        for benchmark in $(variants "$size" with-baseline | shuf); do
            run "$round" "$size" "$benchmark"
        done
    done
    for size in $LEDGER_ONLY_SIZES; do
        for benchmark in $(variants "$size" ledger-only | shuf); do
            run "$round" "$size" "$benchmark"
        done
    done
done
