package io.jenkins.plugins.deployoften.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * The {@link DeployCounts counts} of each UTC day with a record, packed: the four counts, the two sketches and the
 * build-number runs of every day in a few flat arrays shared by all its views, about a third of what a tree map of
 * counts holds. An unmodifiable {@link SortedMap}, whose values are made when read; {@link #forEachDay} reads the
 * parts the statistics need without making them. Immutable.
 */
public final class DailyCounts extends PackedDays<DeployCounts, DailyCounts> {
    private static final int COUNTS_A_DAY = 4;
    /** Never changed, so shared by every value without a day of too many build numbers. */
    private static final BitSet NO_DAYS = new BitSet(0);

    private static final DailyCounts NONE = new Builder(0).build();

    /** Per day successful, failed, aborted, skipped. */
    private final int[] counts;
    /** Per day its durations (sketch {@code 2i}) and lead times ({@code 2i + 1}). */
    private final PackedSketches sketches;
    /** The build-number runs of every day, one after the other; day {@code i}'s end at {@code runEnds[i]}. */
    private final int[] runs;

    private final int[] runEnds;
    /** The days with {@link BuildNumbers#isTooMany() too many} build numbers. */
    private final BitSet tooManyBuilds;

    private DailyCounts(
            long[] epochDays,
            int[] counts,
            PackedSketches sketches,
            int[] runs,
            int[] runEnds,
            BitSet tooManyBuilds,
            int lo,
            int hi,
            long fromBound,
            long toBound) {
        super(epochDays, lo, hi, fromBound, toBound);
        this.counts = counts;
        this.sketches = sketches;
        this.runs = runs;
        this.runEnds = runEnds;
        this.tooManyBuilds = tooManyBuilds;
    }

    /** @return no days */
    public static DailyCounts none() {
        return NONE;
    }

    /**
     * @param days counts by day
     * @return the same counts, packed; {@code days} itself when it is packed already
     */
    public static DailyCounts of(SortedMap<LocalDate, DeployCounts> days) {
        if (days instanceof DailyCounts) {
            return (DailyCounts) days;
        }
        Builder packed = new Builder(days.size());
        for (Map.Entry<LocalDate, DeployCounts> day : days.entrySet()) {
            packed.add(day.getKey(), day.getValue());
        }
        return packed.build();
    }

    /**
     * @param changed counts of some days, each replacing the day's counts here or adding the day
     * @return these days with those counts
     */
    public DailyCounts with(Map<LocalDate, DeployCounts> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Builder merged = new Builder(size() + changed.size());
        merge(changed, index -> merged.copy(this, index), merged::add);
        return merged.build();
    }

    @Override
    DeployCounts valueAt(int index) {
        int at = COUNTS_A_DAY * index;
        return new DeployCounts(
                counts[at],
                counts[at + 1],
                counts[at + 2],
                counts[at + 3],
                sketches.sketch(2 * index),
                sketches.sketch(2 * index + 1),
                builds(index));
    }

    private BuildNumbers builds(int index) {
        return tooManyBuilds.get(index)
                ? BuildNumbers.tooMany()
                : BuildNumbers.ofPackedRuns(runs, runStart(index), runEnds[index]);
    }

    private int runStart(int index) {
        return index == 0 ? 0 : runEnds[index - 1];
    }

    @Override
    DailyCounts view(int from, int to, long fromBound, long toBound) {
        return new DailyCounts(epochDays, counts, sketches, runs, runEnds, tooManyBuilds, from, to, fromBound, toBound);
    }

    /** @return how many records the days hold */
    public long records() {
        long records = 0;
        for (int at = COUNTS_A_DAY * lo; at < COUNTS_A_DAY * hi; at++) {
            records += counts[at];
        }
        return records;
    }

    /**
     * @param day a UTC day
     * @return how many FAILURE records started that day; empty when no record did
     */
    public OptionalInt failedOn(LocalDate day) {
        int index = indexOf(day);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(counts[COUNTS_A_DAY * index + 1]);
    }

    /**
     * Hands each day, oldest first, to {@code action} as a {@link Day} that reads the packed parts in place; the
     * same {@code Day} moves on to the next day after {@code action} returns, so it must not be kept.
     *
     * @param action what to do with each day
     */
    public void forEachDay(Consumer<Day> action) {
        Day day = new Day();
        for (day.index = lo; day.index < hi; day.index++) {
            action.accept(day);
        }
    }

    /** One day of a {@link #forEachDay} walk. */
    public final class Day {
        private int index;

        private Day() {}

        /** @return the day as an epoch day */
        public long epochDay() {
            return epochDays[index];
        }

        /** @return SUCCESS records */
        public int successful() {
            return counts[COUNTS_A_DAY * index];
        }

        /** @return FAILURE records */
        public int failed() {
            return counts[COUNTS_A_DAY * index + 1];
        }

        /** @return ABORTED records */
        public int aborted() {
            return counts[COUNTS_A_DAY * index + 2];
        }

        /** @return SKIPPED records */
        public int skipped() {
            return counts[COUNTS_A_DAY * index + 3];
        }

        /** Adds the completed deploys' durations to {@code target}. */
        public void addDurationsTo(DurationSketch.Mutable target) {
            sketches.addTo(2 * index, target);
        }

        /** Adds the lead times to {@code target}. */
        public void addLeadTimesTo(DurationSketch.Mutable target) {
            sketches.addTo(2 * index + 1, target);
        }

        /** Adds the build numbers to {@code target}. */
        public void addBuildsTo(BuildNumbers.Union target) {
            if (tooManyBuilds.get(index)) {
                target.add(BuildNumbers.tooMany());
            } else {
                target.addRuns(runs, runStart(index), runEnds[index]);
            }
        }
    }

    /** Packs days added in ascending order. Not thread-safe. */
    public static final class Builder {
        private long[] epochDays;
        private int[] counts;
        private final PackedSketches.Builder sketches;
        private int[] runs;
        private int[] runEnds;
        private final BitSet tooManyBuilds = new BitSet();
        private int days;
        private int runsSize;

        /** @param expected how many days are likely to be added */
        public Builder(int expected) {
            int capacity = Math.max(expected, 1);
            epochDays = new long[capacity];
            counts = new int[COUNTS_A_DAY * capacity];
            sketches = new PackedSketches.Builder(2 * capacity);
            runs = new int[3 * capacity];
            runEnds = new int[capacity];
        }

        /**
         * @param day a day after every day added before
         * @param dayCounts its counts
         * @return this builder
         * @throws IllegalArgumentException when the day is not after the last one added
         */
        public Builder add(LocalDate day, DeployCounts dayCounts) {
            long epochDay = next(day.toEpochDay());
            int at = COUNTS_A_DAY * days;
            counts[at] = dayCounts.successful();
            counts[at + 1] = dayCounts.failed();
            counts[at + 2] = dayCounts.aborted();
            counts[at + 3] = dayCounts.skipped();
            sketches.add(dayCounts.durations()).add(dayCounts.leadTimes());
            BuildNumbers builds = dayCounts.builds();
            if (builds.isTooMany()) {
                tooManyBuilds.set(days);
            } else {
                reserveRuns(builds.runsLength());
                builds.copyRuns(runs, runsSize);
                runsSize += builds.runsLength();
            }
            return close(epochDay);
        }

        /** Adds the day at {@code index} of {@code from} as it is packed there. */
        Builder copy(DailyCounts from, int index) {
            long epochDay = next(from.epochDays[index]);
            System.arraycopy(from.counts, COUNTS_A_DAY * index, counts, COUNTS_A_DAY * days, COUNTS_A_DAY);
            sketches.copy(from.sketches, 2 * index).copy(from.sketches, 2 * index + 1);
            if (from.tooManyBuilds.get(index)) {
                tooManyBuilds.set(days);
            } else {
                int start = from.runStart(index);
                int length = from.runEnds[index] - start;
                reserveRuns(length);
                System.arraycopy(from.runs, start, runs, runsSize, length);
                runsSize += length;
            }
            return close(epochDay);
        }

        private long next(long epochDay) {
            if (days > 0 && epochDay <= epochDays[days - 1]) {
                throw new IllegalArgumentException("day " + LocalDate.ofEpochDay(epochDay) + ": not after "
                        + LocalDate.ofEpochDay(epochDays[days - 1]));
            }
            if (days == epochDays.length) {
                epochDays = Arrays.copyOf(epochDays, 2 * days);
                counts = Arrays.copyOf(counts, COUNTS_A_DAY * 2 * days);
                runEnds = Arrays.copyOf(runEnds, 2 * days);
            }
            return epochDay;
        }

        private void reserveRuns(int more) {
            if (runsSize + more > runs.length) {
                runs = Arrays.copyOf(runs, Math.max(runsSize + more, 2 * runs.length));
            }
        }

        private Builder close(long epochDay) {
            epochDays[days] = epochDay;
            runEnds[days++] = runsSize;
            return this;
        }

        /** @return the days added */
        public DailyCounts build() {
            return new DailyCounts(
                    Arrays.copyOf(epochDays, days),
                    Arrays.copyOf(counts, COUNTS_A_DAY * days),
                    sketches.build(),
                    Arrays.copyOf(runs, runsSize),
                    Arrays.copyOf(runEnds, days),
                    tooManyBuilds.isEmpty() ? NO_DAYS : (BitSet) tooManyBuilds.clone(),
                    0,
                    days,
                    Long.MIN_VALUE,
                    Long.MAX_VALUE);
        }
    }
}
