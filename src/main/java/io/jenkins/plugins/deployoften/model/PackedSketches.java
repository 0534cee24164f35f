package io.jenkins.plugins.deployoften.model;

import java.util.Arrays;

/**
 * Many {@link DurationSketch sketches} in four flat arrays, numbered from 0 in the order they were added: what a
 * summary keeps of each day's durations takes a few dozen bytes this way instead of three objects. Immutable once
 * {@link Builder#build() built}.
 */
final class PackedSketches {
    private static final PackedSketches NONE = new PackedSketches(new long[0], new int[0], new int[0], new long[0]);

    /** The 0 ms count of each sketch. */
    private final long[] zeros;
    /** Where each sketch's buckets end in {@link #indexes}: sketch {@code k}'s are {@code [ends[k - 1], ends[k])}. */
    private final int[] ends;

    private final int[] indexes;
    private final long[] counts;

    private PackedSketches(long[] zeros, int[] ends, int[] indexes, long[] counts) {
        this.zeros = zeros;
        this.ends = ends;
        this.indexes = indexes;
        this.counts = counts;
    }

    static PackedSketches none() {
        return NONE;
    }

    private int start(int sketch) {
        return sketch == 0 ? 0 : ends[sketch - 1];
    }

    /** @return sketch {@code k} as a sketch of its own */
    DurationSketch sketch(int k) {
        return DurationSketch.ofPacked(zeros[k], indexes, counts, start(k), ends[k]);
    }

    /** @return how many durations sketch {@code k} holds */
    long count(int k) {
        long count = zeros[k];
        for (int i = start(k); i < ends[k]; i++) {
            count += counts[i];
        }
        return count;
    }

    /** Adds sketch {@code k}'s durations to {@code target}. */
    void addTo(int k, DurationSketch.Mutable target) {
        target.addPacked(zeros[k], indexes, counts, start(k), ends[k]);
    }

    /** Appends to growing arrays. Not thread-safe. */
    static final class Builder {
        private long[] zeros;
        private int[] ends;
        private int[] indexes;
        private long[] counts;
        private int sketches;
        private int buckets;

        /** @param expected how many sketches are likely to be added */
        Builder(int expected) {
            zeros = new long[Math.max(expected, 1)];
            ends = new int[Math.max(expected, 1)];
            indexes = new int[Math.max(2 * expected, 1)];
            counts = new long[Math.max(2 * expected, 1)];
        }

        Builder add(DurationSketch sketch) {
            int hit = sketch.bucketsHit();
            reserve(hit);
            for (int i = 0; i < hit; i++) {
                indexes[buckets] = sketch.bucketIndex(i);
                counts[buckets++] = sketch.bucketCount(i);
            }
            return close(sketch.zeros());
        }

        /** Adds sketch {@code k} of {@code from} as it is packed there. */
        Builder copy(PackedSketches from, int k) {
            int start = from.start(k);
            int hit = from.ends[k] - start;
            reserve(hit);
            System.arraycopy(from.indexes, start, indexes, buckets, hit);
            System.arraycopy(from.counts, start, counts, buckets, hit);
            buckets += hit;
            return close(from.zeros[k]);
        }

        private void reserve(int more) {
            if (buckets + more > indexes.length) {
                int capacity = Math.max(buckets + more, 2 * indexes.length);
                indexes = Arrays.copyOf(indexes, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
            if (sketches == zeros.length) {
                zeros = Arrays.copyOf(zeros, 2 * sketches);
                ends = Arrays.copyOf(ends, 2 * sketches);
            }
        }

        private Builder close(long zerosOfSketch) {
            zeros[sketches] = zerosOfSketch;
            ends[sketches++] = buckets;
            return this;
        }

        /** @return the sketches added, in arrays of their exact size */
        PackedSketches build() {
            if (sketches == 0) {
                return NONE;
            }
            return new PackedSketches(
                    Arrays.copyOf(zeros, sketches),
                    Arrays.copyOf(ends, sketches),
                    Arrays.copyOf(indexes, buckets),
                    Arrays.copyOf(counts, buckets));
        }
    }
}
