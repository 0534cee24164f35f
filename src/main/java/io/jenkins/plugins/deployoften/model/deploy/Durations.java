package io.jenkins.plugins.deployoften.model.deploy;

import java.time.Duration;

/**
 * Short durations as people read them: {@code 850 ms}, {@code 42 s}, {@code 3 min 5 s}, {@code 1 h 20 min}. The model
 * decides the units and numbers ({@link #shown}); the glue words them.
 */
public final class Durations {
    private Durations() {}

    /** The largest unit a duration is shown in, with the next smaller one when it is not 0. */
    public enum Unit {
        /** Below a second: milliseconds only. */
        MILLISECONDS,
        /** Below a minute: seconds only. */
        SECONDS,
        /** Below an hour: minutes, and seconds when not 0. */
        MINUTES,
        /** Hours, and minutes when not 0. */
        HOURS
    }

    /**
     * A duration cut to two units, rounded down.
     *
     * @param unit the larger unit
     * @param amount how many of it
     * @param rest how many of the next smaller unit (seconds for {@link Unit#MINUTES}, minutes for {@link
     *     Unit#HOURS}); 0 otherwise
     */
    public record Shown(Unit unit, long amount, long rest) {}

    /**
     * @param duration a non-negative duration
     * @return its units and numbers
     */
    public static Shown shown(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return new Shown(Unit.MILLISECONDS, millis, 0);
        }
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return new Shown(Unit.SECONDS, seconds, 0);
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return new Shown(Unit.MINUTES, minutes, seconds % 60);
        }
        return new Shown(Unit.HOURS, minutes / 60, minutes % 60);
    }
}
