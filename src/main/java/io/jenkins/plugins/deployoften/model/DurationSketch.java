package io.jenkins.plugins.deployoften.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fixed-accuracy histogram of durations (a log-bucketed sketch, as DDSketch does it): the one definition of
 * every duration percentile the statistics show (deploy durations, lead times, recovery times), whether they
 * are computed from the records or from a ledger's summary. Immutable; fill a {@link Mutable}.
 *
 * <p><b>Buckets.</b> Durations are counted in whole milliseconds ({@link Duration#toMillis()}, so anything under
 * a millisecond is 0 ms), as the ledger stores them. 0 ms has its own bucket; a duration of {@code x ≥ 1} ms goes
 * to bucket {@code i = ceil(log(x) / log(γ))} with {@code γ = (1 + α) / (1 − α)} and {@code α = }{@value
 * #RELATIVE_ACCURACY}; the logarithm is {@link StrictMath}'s, so every JVM files a duration in the same bucket.
 * Ten days in milliseconds need under 1,030 buckets, and only the buckets hit are kept.
 *
 * <p><b>Percentiles.</b> {@link #nearestRank(int)} finds the bucket that holds the value of nearest rank {@code
 * ceil(p × n / 100)} (ranks counted from 1 over the values sorted ascending) and returns the bucket's
 * representative {@code 2γ^i / (γ + 1)}, rounded to a millisecond. That is within {@value #RELATIVE_ACCURACY} ×
 * 100 % (1 %) of the exact nearest-rank value, plus at most half a millisecond of rounding; 0 ms is exact. The
 * answer depends only on the multiset of durations, never on the order they were added in or how sketches were
 * merged.
 */
public final class DurationSketch {
    /** The relative accuracy α of every percentile. */
    public static final double RELATIVE_ACCURACY = 0.01;

    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = StrictMath.log(GAMMA);

    /** The representatives of every bucket a duration in milliseconds can fall in, computed once. */
    private static final long[] REPRESENTATIVES = new long[bucketOf(Duration.ofMillis(Long.MAX_VALUE)) + 1];

    static {
        for (int bucket = 0; bucket < REPRESENTATIVES.length; bucket++) {
            REPRESENTATIVES[bucket] = Math.round(2 * StrictMath.pow(GAMMA, bucket) / (GAMMA + 1));
        }
    }

    private static final int[] NO_BUCKETS = {};
    private static final long[] NO_COUNTS = {};
    private static final DurationSketch EMPTY = new DurationSketch(0, NO_BUCKETS, NO_COUNTS);

    private final long zeros;
    /** Bucket indexes, ascending, each 0 or more. */
    private final int[] indexes;
    /** The count of each bucket in {@link #indexes}, each at least 1. */
    private final long[] counts;

    private final long count;

    private DurationSketch(long zeros, int[] indexes, long[] counts) {
        this.zeros = zeros;
        this.indexes = indexes;
        this.counts = counts;
        long total = zeros;
        for (long c : counts) {
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
     * @param buckets bucket index (0 or more) to count (at least 1)
     * @return the sketch
     * @throws IllegalArgumentException when a count or index is out of range
     */
    public static DurationSketch of(long zeros, Map<Integer, Long> buckets) {
        if (zeros < 0) {
            throw new IllegalArgumentException("zeros: must be 0 or more, was " + zeros);
        }
        TreeMap<Integer, Long> sorted = new TreeMap<>(buckets);
        int[] indexes = new int[sorted.size()];
        long[] counts = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, Long> bucket : sorted.entrySet()) {
            if (bucket.getKey() < 0 || bucket.getValue() < 1) {
                throw new IllegalArgumentException("bucket " + bucket.getKey() + ": count " + bucket.getValue());
            }
            indexes[i] = bucket.getKey();
            counts[i] = bucket.getValue();
            i++;
        }
        return zeros == 0 && indexes.length == 0 ? EMPTY : new DurationSketch(zeros, indexes, counts);
    }

    /**
     * As {@link #of(long, Map)}, from buckets already in arrays, as a file holds them: no map is built.
     *
     * @param zeros how many durations were 0 ms
     * @param indexes bucket indexes (0 or more), strictly ascending; kept, so not to be changed afterwards
     * @param counts the count (at least 1) of each bucket in {@code indexes}; kept too
     * @return the sketch
     * @throws IllegalArgumentException when a count or index is out of range or the indexes are not ascending
     */
    static DurationSketch ofAscending(long zeros, int[] indexes, long[] counts) {
        if (zeros < 0) {
            throw new IllegalArgumentException("zeros: must be 0 or more, was " + zeros);
        }
        if (indexes.length != counts.length) {
            throw new IllegalArgumentException("indexes and counts: must be as many");
        }
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] < 0 || counts[i] < 1 || (i > 0 && indexes[i] <= indexes[i - 1])) {
                throw new IllegalArgumentException("bucket " + indexes[i] + ": count " + counts[i]
                        + (i > 0 && indexes[i] <= indexes[i - 1] ? ", buckets out of order" : ""));
            }
        }
        return zeros == 0 && indexes.length == 0 ? EMPTY : new DurationSketch(zeros, indexes, counts);
    }

    /**
     * A sketch kept packed among others ({@link PackedSketches}), which packed it from a sketch: so its buckets
     * are known to be in range and ascending.
     */
    static DurationSketch ofPacked(long zeros, int[] indexes, long[] counts, int from, int to) {
        return zeros == 0 && from == to
                ? EMPTY
                : new DurationSketch(
                        zeros, Arrays.copyOfRange(indexes, from, to), Arrays.copyOfRange(counts, from, to));
    }

    /**
     * @param durations durations, not negative
     * @return a sketch of them
     */
    public static DurationSketch of(Collection<Duration> durations) {
        Mutable sketch = new Mutable();
        for (Duration duration : durations) {
            sketch.add(duration);
        }
        return sketch.toSketch();
    }

    /**
     * @param sketches sketches to combine
     * @return one sketch of all their durations, as if every duration had been added to it
     */
    public static DurationSketch merge(Collection<DurationSketch> sketches) {
        long zeros = 0;
        int lowest = Integer.MAX_VALUE;
        int highest = -1;
        for (DurationSketch sketch : sketches) {
            zeros += sketch.zeros;
            if (sketch.indexes.length > 0) {
                lowest = Math.min(lowest, sketch.indexes[0]);
                highest = Math.max(highest, sketch.indexes[sketch.indexes.length - 1]);
            }
        }
        if (highest < 0) {
            return zeros == 0 ? EMPTY : new DurationSketch(zeros, NO_BUCKETS, NO_COUNTS);
        }
        // counted over the range of buckets hit: merging sorted bucket lists one sketch at a time walks the
        // buckets merged so far for each sketch, which is most of a view's cost with thousands of jobs
        long[] countOf = new long[highest - lowest + 1];
        int hit = 0;
        for (DurationSketch sketch : sketches) {
            for (int i = 0; i < sketch.indexes.length; i++) {
                int at = sketch.indexes[i] - lowest;
                if (countOf[at] == 0) {
                    hit++;
                }
                countOf[at] += sketch.counts[i];
            }
        }
        int[] indexes = new int[hit];
        long[] counts = new long[hit];
        for (int at = 0, i = 0; i < hit; at++) {
            if (countOf[at] > 0) {
                indexes[i] = lowest + at;
                counts[i++] = countOf[at];
            }
        }
        return new DurationSketch(zeros, indexes, counts);
    }

    /**
     * @param duration a duration, not negative
     * @return the bucket the duration is counted in, -1 for 0 ms
     */
    public static int bucketOf(Duration duration) {
        long millis = duration.toMillis();
        if (millis <= 0) {
            return -1;
        }
        return (int) Math.ceil(StrictMath.log(millis) / LOG_GAMMA);
    }

    /**
     * @param bucket a bucket index, -1 for 0 ms
     * @return the value the bucket stands for, in whole milliseconds
     */
    public static long representativeMillis(int bucket) {
        if (bucket < 0) {
            return 0;
        }
        return bucket < REPRESENTATIVES.length
                ? REPRESENTATIVES[bucket]
                : Math.round(2 * StrictMath.pow(GAMMA, bucket) / (GAMMA + 1));
    }

    /**
     * @param duration a duration, not negative
     * @return what a sketch holding only this duration answers for every percentile
     */
    public static Duration sketched(Duration duration) {
        return Duration.ofMillis(representativeMillis(bucketOf(duration)));
    }

    /** @return how many durations the sketch holds */
    public long count() {
        return count;
    }

    /** @return how many durations of 0 ms */
    public long zeros() {
        return zeros;
    }

    /** @return how many buckets hold durations, without the 0 ms ones: the size of {@link #buckets()} */
    int bucketsHit() {
        return indexes.length;
    }

    /** @return the index of the {@code i}th bucket hit, ascending, as {@link #buckets()} gives them in order */
    int bucketIndex(int i) {
        return indexes[i];
    }

    /** @return the count of the {@code i}th bucket hit */
    long bucketCount(int i) {
        return counts[i];
    }

    /** @return bucket index to count, ascending; without the 0 ms durations */
    public SortedMap<Integer, Long> buckets() {
        TreeMap<Integer, Long> buckets = new TreeMap<>();
        for (int i = 0; i < indexes.length; i++) {
            buckets.put(indexes[i], counts[i]);
        }
        return Collections.unmodifiableSortedMap(buckets);
    }

    /**
     * @param percent 1 to 100
     * @return the nearest-rank percentile within the documented error, or empty when the sketch is empty
     */
    public Optional<Duration> nearestRank(int percent) {
        checkPercent(percent);
        if (count == 0) {
            return Optional.empty();
        }
        long rank = rank(percent, count);
        if (rank <= zeros) {
            return Optional.of(Duration.ZERO);
        }
        long seen = zeros;
        for (int i = 0; i < indexes.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Optional.of(Duration.ofMillis(representativeMillis(indexes[i])));
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond count " + count);
    }

    /** @return the median: {@link #nearestRank(int) nearestRank(50)} */
    public Optional<Duration> median() {
        return nearestRank(50);
    }

    private static void checkPercent(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent: must be between 1 and 100, was " + percent);
        }
    }

    /** @return {@code ceil(percent × count / 100)}, at least 1 */
    private static long rank(int percent, long count) {
        return Math.max(1, (percent * count + 99) / 100);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationSketch
                && ((DurationSketch) o).zeros == zeros
                && Arrays.equals(((DurationSketch) o).indexes, indexes)
                && Arrays.equals(((DurationSketch) o).counts, counts);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(zeros) * 31 + Arrays.hashCode(indexes)) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return count + " durations, " + zeros + " of 0 ms, buckets " + buckets();
    }

    /**
     * A sketch being filled: durations and whole sketches added in any order give the same sketch. Its buckets
     * are kept as sorted arrays of the buckets hit (a day's few durations take a few dozen bytes), so adding a
     * sketch costs O(both sketches' buckets). Not thread-safe.
     */
    public static final class Mutable {
        /** Buckets merged into at least this many times as many are each found by binary search. */
        private static final int FEW_BUCKETS_FACTOR = 8;

        private long zeros;
        private long count;
        /** The buckets hit, ascending, in {@code indexes[0 .. size - 1]}; their counts in {@code counts}. */
        private int[] indexes = NO_BUCKETS;

        private long[] counts = NO_COUNTS;
        private int size;

        public Mutable() {}

        /**
         * @param duration a duration, not negative
         * @return this sketch
         */
        public Mutable add(Duration duration) {
            int bucket = bucketOf(duration);
            count++;
            if (bucket < 0) {
                zeros++;
                return this;
            }
            int at = Arrays.binarySearch(indexes, 0, size, bucket);
            if (at >= 0) {
                counts[at]++;
                return this;
            }
            at = -at - 1;
            grow(size + 1);
            System.arraycopy(indexes, at, indexes, at + 1, size - at);
            System.arraycopy(counts, at, counts, at + 1, size - at);
            indexes[at] = bucket;
            counts[at] = 1;
            size++;
            return this;
        }

        /**
         * @param sketch durations to add
         * @return this sketch
         */
        public Mutable addAll(DurationSketch sketch) {
            merge(sketch.zeros, sketch.count, sketch.indexes, sketch.counts, 0, sketch.indexes.length);
            return this;
        }

        /**
         * Adds a sketch kept packed among others ({@link PackedSketches}): its 0 ms count and its buckets, {@code
         * indexes[from .. to - 1]} with their counts, as {@link #addAll(DurationSketch)} adds a sketch.
         */
        void addPacked(long moreZeros, int[] moreIndexes, long[] moreCounts, int from, int to) {
            long moreCount = moreZeros;
            for (int i = from; i < to; i++) {
                moreCount += moreCounts[i];
            }
            merge(moreZeros, moreCount, moreIndexes, moreCounts, from, to);
        }

        /**
         * @param other durations to add
         * @return this sketch
         */
        public Mutable addAll(Mutable other) {
            merge(other.zeros, other.count, other.indexes, other.counts, 0, other.size);
            return this;
        }

        /**
         * Adds the sorted buckets {@code moreIndexes[from .. to - 1]}: in place when every one is already here, else
         * merged from the back.
         */
        private void merge(long moreZeros, long moreCount, int[] moreIndexes, long[] moreCounts, int from, int to) {
            zeros += moreZeros;
            count += moreCount;
            if ((long) (to - from) * FEW_BUCKETS_FACTOR <= size) {
                mergeFew(moreIndexes, moreCounts, from, to);
                return;
            }
            int added = 0;
            for (int i = 0, j = from; j < to; ) {
                if (i < size && indexes[i] < moreIndexes[j]) {
                    i++;
                } else if (i < size && indexes[i] == moreIndexes[j]) {
                    i++;
                    j++;
                } else {
                    added++;
                    j++;
                }
            }
            if (added == 0) {
                for (int i = 0, j = from; j < to; i++) {
                    if (indexes[i] == moreIndexes[j]) {
                        counts[i] += moreCounts[j++];
                    }
                }
                return;
            }
            grow(size + added);
            int i = size - 1;
            int j = to - 1;
            for (int at = size + added - 1; j >= from; at--) {
                if (i >= 0 && indexes[i] > moreIndexes[j]) {
                    indexes[at] = indexes[i];
                    counts[at] = counts[i--];
                } else if (i >= 0 && indexes[i] == moreIndexes[j]) {
                    indexes[at] = indexes[i];
                    counts[at] = counts[i--] + moreCounts[j--];
                } else {
                    indexes[at] = moreIndexes[j];
                    counts[at] = moreCounts[j--];
                }
            }
            size += added;
        }

        /**
         * As {@link #merge}, for a few buckets into many (a day's sketch into a window's): each is found by binary
         * search, and the buckets between two of them are moved with one array copy, instead of stepping through
         * every bucket here.
         */
        private void mergeFew(int[] moreIndexes, long[] moreCounts, int from, int end) {
            int added = 0;
            for (int j = from; j < end; j++) {
                if (Arrays.binarySearch(indexes, 0, size, moreIndexes[j]) < 0) {
                    added++;
                }
            }
            grow(size + added);
            // from the back: the buckets here not yet moved are indexes[0 .. unmoved - 1], and the free places
            // between them and the buckets already placed are exactly the new buckets still to place
            int unmoved = size;
            int to = size + added;
            for (int j = end - 1; j >= from; j--) {
                int at = Arrays.binarySearch(indexes, 0, unmoved, moreIndexes[j]);
                int greater = at >= 0 ? at + 1 : -at - 1;
                int run = unmoved - greater;
                to -= run;
                System.arraycopy(indexes, greater, indexes, to, run);
                System.arraycopy(counts, greater, counts, to, run);
                to--;
                long merged = at >= 0 ? counts[at] + moreCounts[j] : moreCounts[j];
                indexes[to] = moreIndexes[j];
                counts[to] = merged;
                unmoved = at >= 0 ? at : greater;
            }
            size += added;
        }

        private void grow(int needed) {
            if (needed > indexes.length) {
                int capacity = Math.max(needed, Math.max(4, 2 * indexes.length));
                indexes = Arrays.copyOf(indexes, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
        }

        /** @return how many durations were added */
        public long count() {
            return count;
        }

        /**
         * @param percent 1 to 100
         * @return what {@link DurationSketch#nearestRank(int)} of {@link #toSketch()} answers
         */
        public Optional<Duration> nearestRank(int percent) {
            checkPercent(percent);
            if (count == 0) {
                return Optional.empty();
            }
            long rank = rank(percent, count);
            if (rank <= zeros) {
                return Optional.of(Duration.ZERO);
            }
            long seen = zeros;
            for (int i = 0; i < size; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return Optional.of(Duration.ofMillis(representativeMillis(indexes[i])));
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond count " + count);
        }

        /** @return the sketch of what was added; this sketch can go on being filled */
        public DurationSketch toSketch() {
            if (zeros == 0 && size == 0) {
                return EMPTY;
            }
            return new DurationSketch(zeros, Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size));
        }
    }
}
