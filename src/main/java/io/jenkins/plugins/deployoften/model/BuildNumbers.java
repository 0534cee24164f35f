package io.jenkins.plugins.deployoften.model;

import java.util.Arrays;

/**
 * The build numbers of some deploy records, kept as canonical runs, so the statistics' "builds never deployed"
 * and "missing builds" ({@link DeployStatistics#getSkippedBuildsNeverDeployed()}, {@link
 * DeployStatistics#getMissingBuilds()}) can be answered from a summary of days exactly, in O(runs). Immutable.
 *
 * <p>Each build number present carries two flags: whether it has a completed (SUCCESS or FAILURE) record and
 * whether it has a SKIPPED record (a build with only ABORTED records has neither, and is still present). The
 * numbers are kept as maximal runs of consecutive numbers with the same flags, ascending; so the same numbers
 * with the same flags always give the same runs, whatever order they were added in. A job that numbers its
 * builds one after the other has one or a few runs a day.
 *
 * <p>At most {@value #MOST_KEPT} distinct numbers are kept; more (on one environment in one UTC day) makes the
 * value {@link #isTooMany() too many}, and the figures that need it are then read from the records. Whether that
 * happens depends only on how many distinct numbers there are, never on the order they came in.
 */
public final class BuildNumbers {
    /** The most distinct build numbers kept. */
    public static final int MOST_KEPT = 1000;

    /** The flag of a build number with a SUCCESS or FAILURE record. */
    public static final int COMPLETED = 1;

    /** The flag of a build number with a SKIPPED record. */
    public static final int SKIPPED = 2;

    private static final BuildNumbers NONE = new BuildNumbers(new int[0], 0, false);
    private static final BuildNumbers TOO_MANY = new BuildNumbers(new int[0], 0, true);

    /** Triples (first, last, flags), ascending, disjoint; contiguous runs have different flags. */
    private final int[] runs;

    private final int distinct;
    private final boolean tooMany;

    private BuildNumbers(int[] runs, int distinct, boolean tooMany) {
        this.runs = runs;
        this.distinct = distinct;
        this.tooMany = tooMany;
    }

    /** @return no build numbers */
    public static BuildNumbers none() {
        return NONE;
    }

    /** @return the value that stands for more than {@value #MOST_KEPT} distinct numbers */
    public static BuildNumbers tooMany() {
        return TOO_MANY;
    }

    /**
     * @param runs triples (first, last, flags): ascending, disjoint, first ≤ last, numbers at least 1, flags 0 to
     *     3, and two contiguous runs never with the same flags; at most {@value #MOST_KEPT} numbers in all
     * @return the build numbers
     * @throws IllegalArgumentException when the runs are not exactly that
     */
    public static BuildNumbers ofRuns(int[] runs) {
        if (runs.length % 3 != 0) {
            throw new IllegalArgumentException("runs: triples of first, last, flags");
        }
        long distinct = 0;
        for (int i = 0; i < runs.length; i += 3) {
            int first = runs[i];
            int last = runs[i + 1];
            int flags = runs[i + 2];
            if (first < 1 || last < first || flags < 0 || flags > (COMPLETED | SKIPPED)) {
                throw new IllegalArgumentException("run " + first + " to " + last + " flags " + flags);
            }
            if (i > 0) {
                int previousLast = runs[i - 2];
                if (first <= previousLast || (first == previousLast + 1 && flags == runs[i - 1])) {
                    throw new IllegalArgumentException("runs: not canonical at " + first);
                }
            }
            distinct += (long) last - first + 1;
        }
        if (distinct > MOST_KEPT) {
            throw new IllegalArgumentException("runs: more than " + MOST_KEPT + " numbers");
        }
        return distinct == 0 ? NONE : new BuildNumbers(runs.clone(), (int) distinct, false);
    }

    /**
     * Build numbers kept packed among others ({@link DailyCounts}), which packed them from a {@link BuildNumbers}:
     * so the runs {@code runs[from .. to - 1]} are known to be canonical.
     */
    static BuildNumbers ofPackedRuns(int[] runs, int from, int to) {
        if (from == to) {
            return NONE;
        }
        int distinct = 0;
        for (int i = from; i < to; i += 3) {
            distinct += runs[i + 1] - runs[i] + 1;
        }
        return new BuildNumbers(Arrays.copyOfRange(runs, from, to), distinct, false);
    }

    /** @return how many ints the runs take: three a run */
    int runsLength() {
        return runs.length;
    }

    /** Copies the runs into {@code target} from {@code at}. */
    void copyRuns(int[] target, int at) {
        System.arraycopy(runs, 0, target, at, runs.length);
    }

    /** @return whether more than {@value #MOST_KEPT} distinct numbers were added, so none are kept */
    public boolean isTooMany() {
        return tooMany;
    }

    /** @return how many distinct numbers, 0 when {@link #isTooMany() too many} */
    public int distinct() {
        return distinct;
    }

    /** @return the runs as triples (first, last, flags), ascending */
    public int[] runs() {
        return runs.clone();
    }

    /**
     * @param build a build number
     * @param outcome the outcome of a record of it
     * @return these numbers and that one; {@link #tooMany()} when that makes more than {@value #MOST_KEPT}
     */
    public BuildNumbers with(int build, DeployOutcome outcome) {
        return withFlags(build, flagOf(outcome));
    }

    /**
     * @param other more build numbers
     * @return the numbers of both, each with the flags it has in either; {@link #tooMany()} when either is, or
     *     when together they have more than {@value #MOST_KEPT}
     */
    public BuildNumbers union(BuildNumbers other) {
        if (tooMany || other.tooMany) {
            return TOO_MANY;
        }
        BuildNumbers union = this;
        for (int i = 0; i < other.runs.length; i += 3) {
            for (int build = other.runs[i]; build <= other.runs[i + 1] && !union.tooMany; build++) {
                union = union.withFlags(build, other.runs[i + 2]);
            }
        }
        return union;
    }

    private BuildNumbers withFlags(int build, int flags) {
        if (tooMany) {
            return this;
        }
        if (build < 1) {
            throw new IllegalArgumentException("build: must be at least 1, was " + build);
        }
        int at = runContaining(build);
        int[] next;
        if (at >= 0) {
            int old = runs[at + 2];
            if ((old | flags) == old) {
                return this;
            }
            // split the run around the build, which gets the added flag
            int first = runs[at];
            int last = runs[at + 1];
            int[] middle = {first, build - 1, old, build, build, old | flags, build + 1, last, old};
            next = splice(at, 3, middle);
        } else {
            if (distinct + 1 > MOST_KEPT) {
                return TOO_MANY;
            }
            int insertAt = -at - 1;
            next = splice(insertAt, 0, new int[] {build, build, flags});
        }
        int[] canonical = canonical(next);
        return new BuildNumbers(canonical, at >= 0 ? distinct : distinct + 1, false);
    }

    private static int flagOf(DeployOutcome outcome) {
        if (outcome.isCompleted()) {
            return COMPLETED;
        }
        return outcome == DeployOutcome.SKIPPED ? SKIPPED : 0;
    }

    /** @return the index of the run holding the build, or {@code -(insertion index) - 1} */
    private int runContaining(int build) {
        int low = 0;
        int high = runs.length / 3 - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (runs[3 * mid + 1] < build) {
                low = mid + 1;
            } else if (runs[3 * mid] > build) {
                high = mid - 1;
            } else {
                return 3 * mid;
            }
        }
        return -(3 * low) - 1;
    }

    private int[] splice(int at, int remove, int[] insert) {
        int[] next = new int[runs.length - remove + insert.length];
        System.arraycopy(runs, 0, next, 0, at);
        System.arraycopy(insert, 0, next, at, insert.length);
        System.arraycopy(runs, at + remove, next, at + insert.length, runs.length - at - remove);
        return next;
    }

    /** Drops empty runs and joins contiguous runs with the same flags. */
    private static int[] canonical(int[] runs) {
        int[] out = new int[runs.length];
        int size = 0;
        for (int i = 0; i < runs.length; i += 3) {
            int first = runs[i];
            int last = runs[i + 1];
            int flags = runs[i + 2];
            if (last < first) {
                continue;
            }
            if (size > 0 && out[size - 2] + 1 == first && out[size - 1] == flags) {
                out[size - 2] = last;
            } else {
                out[size++] = first;
                out[size++] = last;
                out[size++] = flags;
            }
        }
        return Arrays.copyOf(out, size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuildNumbers
                && ((BuildNumbers) o).tooMany == tooMany
                && Arrays.equals(((BuildNumbers) o).runs, runs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(runs) * 31 + Boolean.hashCode(tooMany);
    }

    @Override
    public String toString() {
        return tooMany
                ? "more than " + MOST_KEPT + " build numbers"
                : distinct + " build numbers " + Arrays.toString(runs);
    }

    /**
     * The build numbers of several periods (the days of a window) together: a build number counts once however
     * many periods hold it, with the flags of all its records.
     */
    public static final class Union {
        private long[] events = new long[32];
        private int size;
        private boolean tooMany;

        public Union() {}

        /**
         * @param numbers the numbers of one period
         * @return this union
         */
        public Union add(BuildNumbers numbers) {
            if (numbers.tooMany) {
                tooMany = true;
                return this;
            }
            addRuns(numbers.runs, 0, numbers.runs.length);
            return this;
        }

        /** Adds the canonical runs {@code runs[from .. to - 1]}, as {@link #add(BuildNumbers)} adds their numbers. */
        void addRuns(int[] runs, int from, int to) {
            int more = 2 * (to - from) / 3;
            if (size + more > events.length) {
                events = Arrays.copyOf(events, Math.max(2 * events.length, size + more));
            }
            for (int i = from; i < to; i += 3) {
                // a run starts at first and ends before last + 1: one event each, ordered by position
                events[size++] = event(runs[i], runs[i + 2], true);
                events[size++] = event((long) runs[i + 1] + 1, runs[i + 2], false);
            }
        }

        /** Position in the high bits, then start or end and the flags in the low three. */
        private static long event(long position, int flags, boolean start) {
            return position << 3 | (start ? 4 : 0) | flags;
        }

        /** @return whether a period had {@link BuildNumbers#isTooMany() too many} numbers, so none can be counted */
        public boolean isTooMany() {
            return tooMany;
        }

        /**
         * @return {skipped builds never deployed (a SKIPPED record and no completed one), build numbers between
         *     the lowest and the highest present with no record at all}
         * @throws IllegalStateException when {@link #isTooMany()}
         */
        public int[] neverDeployedAndMissing() {
            if (tooMany) {
                throw new IllegalStateException("too many build numbers to count");
            }
            long[] sorted = Arrays.copyOf(events, size);
            Arrays.sort(sorted);
            int covering = 0;
            int completed = 0;
            int skipped = 0;
            long present = 0;
            long skippedOnly = 0;
            long lowest = Long.MAX_VALUE;
            long highest = Long.MIN_VALUE;
            long previous = 0;
            for (long event : sorted) {
                long position = event >> 3;
                if (covering > 0 && position > previous) {
                    long length = position - previous;
                    present += length;
                    if (skipped > 0 && completed == 0) {
                        skippedOnly += length;
                    }
                    lowest = Math.min(lowest, previous);
                    highest = Math.max(highest, position - 1);
                }
                int flags = (int) (event & 3);
                int delta = (event & 4) != 0 ? 1 : -1;
                covering += delta;
                if ((flags & COMPLETED) != 0) {
                    completed += delta;
                }
                if ((flags & SKIPPED) != 0) {
                    skipped += delta;
                }
                previous = position;
            }
            long missing = present == 0 ? 0 : highest - lowest + 1 - present;
            return new int[] {(int) skippedOnly, (int) missing};
        }
    }
}
