package io.jenkins.plugins.deployoften.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * A {@link DurationSketch sketch} for each of some UTC days, packed in flat arrays shared by all its views (the
 * recovery times of each day's failures, in a ledger summary). An unmodifiable {@link SortedMap}, whose values are
 * made when read; {@link #addAllTo} adds them up without making them. Immutable.
 */
public final class DailySketches extends PackedDays<DurationSketch, DailySketches> {
    private static final DailySketches NONE = new Builder(0).build();

    /** Day {@code i}'s sketch is sketch {@code i}. */
    private final PackedSketches sketches;

    private DailySketches(long[] epochDays, PackedSketches sketches, int lo, int hi, long fromBound, long toBound) {
        super(epochDays, lo, hi, fromBound, toBound);
        this.sketches = sketches;
    }

    /** @return no days */
    public static DailySketches none() {
        return NONE;
    }

    /**
     * @param days sketches by day
     * @return the same sketches, packed; {@code days} itself when it is packed already
     */
    public static DailySketches of(SortedMap<LocalDate, DurationSketch> days) {
        if (days instanceof DailySketches) {
            return (DailySketches) days;
        }
        Builder packed = new Builder(days.size());
        for (Map.Entry<LocalDate, DurationSketch> day : days.entrySet()) {
            packed.add(day.getKey(), day.getValue());
        }
        return packed.build();
    }

    /**
     * @param changed sketches of some days, each replacing the day's sketch here or adding the day
     * @return these days with those sketches
     */
    public DailySketches with(Map<LocalDate, DurationSketch> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Builder merged = new Builder(size() + changed.size());
        merge(changed, index -> merged.copy(this, index), merged::add);
        return merged.build();
    }

    @Override
    DurationSketch valueAt(int index) {
        return sketches.sketch(index);
    }

    @Override
    DailySketches view(int from, int to, long fromBound, long toBound) {
        return new DailySketches(epochDays, sketches, from, to, fromBound, toBound);
    }

    /**
     * @param position 0 to {@code size() - 1}
     * @return how many durations the sketch of the day at that position holds
     */
    public long countAt(int position) {
        return sketches.count(index(position));
    }

    /** Adds every day's durations to {@code target}. */
    public void addAllTo(DurationSketch.Mutable target) {
        for (int index = lo; index < hi; index++) {
            sketches.addTo(index, target);
        }
    }

    /** Packs days added in ascending order. Not thread-safe. */
    public static final class Builder {
        private long[] epochDays;
        private final PackedSketches.Builder sketches;
        private int days;

        /** @param expected how many days are likely to be added */
        public Builder(int expected) {
            epochDays = new long[Math.max(expected, 1)];
            sketches = new PackedSketches.Builder(expected);
        }

        /**
         * @param day a day after every day added before
         * @param sketch its sketch
         * @return this builder
         * @throws IllegalArgumentException when the day is not after the last one added
         */
        public Builder add(LocalDate day, DurationSketch sketch) {
            next(day.toEpochDay());
            sketches.add(sketch);
            return this;
        }

        Builder copy(DailySketches from, int index) {
            next(from.epochDays[index]);
            sketches.copy(from.sketches, index);
            return this;
        }

        private void next(long epochDay) {
            if (days > 0 && epochDay <= epochDays[days - 1]) {
                throw new IllegalArgumentException("day " + LocalDate.ofEpochDay(epochDay) + ": not after "
                        + LocalDate.ofEpochDay(epochDays[days - 1]));
            }
            if (days == epochDays.length) {
                epochDays = Arrays.copyOf(epochDays, 2 * days);
            }
            epochDays[days++] = epochDay;
        }

        /** @return the days added */
        public DailySketches build() {
            return new DailySketches(
                    Arrays.copyOf(epochDays, days), sketches.build(), 0, days, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }
}
