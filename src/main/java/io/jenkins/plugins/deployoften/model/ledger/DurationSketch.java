package io.jenkins.plugins.deployoften.model.ledger;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fixed-accuracy histogram of deploy durations (a log-bucketed sketch, as DDSketch does it), so a summary can
 * answer nearest-rank percentiles of any number of durations in bounded space. Immutable.
 *
 * <p><b>Buckets.</b> Durations are counted in whole milliseconds, as the ledger stores them. 0 ms has its own
 * bucket; a duration of {@code x ≥ 1} ms goes to bucket {@code i = ceil(log(x) / log(γ))} with {@code γ = (1 +
 * α) / (1 − α)} and {@code α = }{@value #RELATIVE_ACCURACY}; the logarithm is {@link StrictMath}'s, so every
 * JVM files a duration in the same bucket. Ten days in milliseconds need under 1,030 buckets, and only the
 * buckets hit are kept.
 *
 * <p><b>Error.</b> {@link #nearestRank(int)} picks the bucket that holds the value of rank {@code ceil(p × n /
 * 100)} and returns the bucket's representative {@code 2γ^i / (γ + 1)}, rounded to a millisecond. It is within
 * {@value #RELATIVE_ACCURACY} × 100 % (1 %) of the exact nearest-rank value, plus at most half a millisecond of
 * rounding; 0 ms is exact.
 */
public final class DurationSketch {
    /** The relative accuracy α of every percentile. */
    public static final double RELATIVE_ACCURACY = 0.01;

    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = StrictMath.log(GAMMA);

    private static final DurationSketch EMPTY = new DurationSketch(0, new TreeMap<>());

    private final long zeros;
    private final SortedMap<Integer, Long> buckets;
    private final long count;

    private DurationSketch(long zeros, SortedMap<Integer, Long> buckets) {
        this.zeros = zeros;
        this.buckets = buckets;
        long total = zeros;
        for (long c : buckets.values()) {
            total += c;
        }
        this.count = total;
    }

    /** @return a sketch of no durations */
    public static DurationSketch empty() {
        return EMPTY;
    }

    /**
     * @param zeros how many durations were 0 ms
     * @param buckets bucket index to count, every count at least 1
     * @return the sketch
     * @throws IllegalArgumentException when a count is out of range
     */
    static DurationSketch of(long zeros, Map<Integer, Long> buckets) {
        if (zeros < 0) {
            throw new IllegalArgumentException("zeros: must be 0 or more, was " + zeros);
        }
        TreeMap<Integer, Long> copy = new TreeMap<>();
        for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
            if (bucket.getKey() < 0 || bucket.getValue() < 1) {
                throw new IllegalArgumentException("bucket " + bucket.getKey() + ": count " + bucket.getValue());
            }
            copy.put(bucket.getKey(), bucket.getValue());
        }
        return zeros == 0 && copy.isEmpty() ? EMPTY : new DurationSketch(zeros, copy);
    }

    /**
     * @param sketches sketches to combine
     * @return one sketch of all their durations, as if every duration had been added to it
     */
    public static DurationSketch merge(Collection<DurationSketch> sketches) {
        Mutable merged = new Mutable();
        for (DurationSketch sketch : sketches) {
            merged.addAll(sketch);
        }
        return merged.toSketch();
    }

    /**
     * @param duration a duration, not negative
     * @return the bucket the duration is counted in, -1 for 0 ms
     */
    static int bucketOf(Duration duration) {
        long millis = duration.toMillis();
        if (millis <= 0) {
            return -1;
        }
        return (int) Math.ceil(StrictMath.log(millis) / LOG_GAMMA);
    }

    /** @return the value a bucket stands for, in whole milliseconds */
    static long representativeMillis(int bucket) {
        if (bucket < 0) {
            return 0;
        }
        return Math.round(2 * StrictMath.pow(GAMMA, bucket) / (GAMMA + 1));
    }

    /** @return how many durations the sketch holds */
    public long count() {
        return count;
    }

    /** @return how many durations of 0 ms */
    long zeros() {
        return zeros;
    }

    /** @return bucket index to count, ascending */
    SortedMap<Integer, Long> buckets() {
        return java.util.Collections.unmodifiableSortedMap(buckets);
    }

    /**
     * @param percent 1 to 100
     * @return the nearest-rank percentile within the documented error, or empty when the sketch is empty
     */
    public Optional<Duration> nearestRank(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent: must be between 1 and 100, was " + percent);
        }
        if (count == 0) {
            return Optional.empty();
        }
        long rank = (percent * count + 99) / 100;
        if (rank <= zeros) {
            return Optional.of(Duration.ZERO);
        }
        long seen = zeros;
        for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return Optional.of(Duration.ofMillis(representativeMillis(bucket.getKey())));
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond count " + count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationSketch
                && ((DurationSketch) o).zeros == zeros
                && ((DurationSketch) o).buckets.equals(buckets);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(zeros) * 31 + buckets.hashCode();
    }

    @Override
    public String toString() {
        return count + " durations, " + zeros + " of 0 ms, buckets " + buckets;
    }

    /** A sketch being filled, for folds. */
    static final class Mutable {
        private long zeros;
        private final TreeMap<Integer, Long> buckets = new TreeMap<>();

        Mutable() {}

        Mutable(DurationSketch from) {
            addAll(from);
        }

        void add(Duration duration) {
            int bucket = bucketOf(duration);
            if (bucket < 0) {
                zeros++;
            } else {
                buckets.merge(bucket, 1L, Long::sum);
            }
        }

        void addAll(DurationSketch sketch) {
            zeros += sketch.zeros;
            for (Map.Entry<Integer, Long> bucket : sketch.buckets.entrySet()) {
                buckets.merge(bucket.getKey(), bucket.getValue(), Long::sum);
            }
        }

        DurationSketch toSketch() {
            return zeros == 0 && buckets.isEmpty() ? EMPTY : new DurationSketch(zeros, new TreeMap<>(buckets));
        }
    }
}
