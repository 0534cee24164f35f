package io.jenkins.plugins.deployoften.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The weeks the statistics look at: the {@code weeks} ISO weeks (Monday 00:00 UTC to the next Monday) ending
 * with the week that contains {@code now}, the current, partial week included. The window starts at Monday
 * 00:00 UTC of its first week (inclusive) and ends at {@code now} (inclusive). A record belongs to the week
 * of its start time; all times are UTC, so daylight saving time never moves a record between weeks.
 */
public final class StatisticsWindow {
    /** The fewest weeks a window may have. */
    public static final int MIN_WEEKS = 1;
    /** The most weeks a window may have: ten years. */
    public static final int MAX_WEEKS = 520;

    private static final int DAYS_PER_WEEK = 7;

    private final Instant now;
    private final int weeks;
    private final LocalDate firstMonday;
    private final Instant start;
    private final Instant nextWeekStart;

    private StatisticsWindow(Instant now, int weeks) {
        this.now = now;
        this.weeks = weeks;
        LocalDate currentMonday =
                LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        this.firstMonday = currentMonday.minusWeeks(weeks - 1L);
        this.start = firstMonday.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.nextWeekStart =
                currentMonday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private StatisticsWindow(StatisticsWindow same, Instant later) {
        this.now = later;
        this.weeks = same.weeks;
        this.firstMonday = same.firstMonday;
        this.start = same.start;
        this.nextWeekStart = same.nextWeekStart;
    }

    /**
     * @param now the end of the window, inclusive
     * @param weeks how many weeks, {@value #MIN_WEEKS} to {@value #MAX_WEEKS}
     * @return the window
     * @throws IllegalArgumentException when {@code weeks} is out of range
     */
    public static StatisticsWindow ending(Instant now, int weeks) {
        Objects.requireNonNull(now, "now");
        if (weeks < MIN_WEEKS || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException(
                    "windowWeeks: must be between " + MIN_WEEKS + " and " + MAX_WEEKS + ", was " + weeks);
        }
        return new StatisticsWindow(now, weeks);
    }

    /**
     * The same window ending later in its current week, without the calendar arithmetic of {@link #ending}: equal
     * to {@code ending(later, getWeeks())}.
     *
     * @param later not before {@link #getNow()} and before {@link #getNextWeekStart()}
     * @return the window ending at {@code later}
     * @throws IllegalArgumentException when {@code later} is outside the current week or before {@code now}
     */
    public StatisticsWindow movedTo(Instant later) {
        Objects.requireNonNull(later, "later");
        if (later.isBefore(now) || !later.isBefore(nextWeekStart)) {
            throw new IllegalArgumentException("later: " + later + " is not from " + now + " to before " + nextWeekStart
                    + "; use StatisticsWindow.ending");
        }
        return new StatisticsWindow(this, later);
    }

    /**
     * @return Monday 00:00 UTC after the current week (exclusive end of the week that holds {@code now}): from then on
     *     a window of as many weeks starts one week later
     */
    public Instant getNextWeekStart() {
        return nextWeekStart;
    }

    /** @return Monday 00:00 UTC of the first week, the inclusive start */
    public Instant getStart() {
        return start;
    }

    /** @return the inclusive end */
    public Instant getNow() {
        return now;
    }

    /** @return how many weeks the window has */
    public int getWeeks() {
        return weeks;
    }

    /**
     * The days the window has covered so far: every day of the full weeks plus the days of the current week
     * up to and including today, {@code (weeks - 1) * 7 + isoDayOfWeek(now)}. At least 1, so rates never
     * divide by zero; the current week counts only its begun days, so it does not dilute the rates.
     *
     * @return the number of UTC calendar days from the window start to the day of {@code now}, inclusive
     */
    public int getDaysSoFar() {
        return (weeks - 1) * DAYS_PER_WEEK
                + LocalDate.ofInstant(now, ZoneOffset.UTC).getDayOfWeek().getValue();
    }

    /**
     * The days so far of an environment whose history began inside the window: from the later of the window
     * start and the start of the UTC day of its first record, to the day of {@code now}, inclusive; at least 1.
     * Days before an environment's first record say nothing about how often it deploys.
     *
     * @param firstRecord when the environment's first record started, or empty when it started before the window
     * @return the days so far that its rates divide by
     */
    public int getDaysSoFarSince(java.util.Optional<Instant> firstRecord) {
        if (firstRecord.isEmpty() || !firstRecord.get().isAfter(start)) {
            return getDaysSoFar();
        }
        long days = ChronoUnit.DAYS.between(dayOf(firstRecord.get()), dayOf(now)) + 1;
        return (int) Math.max(1, Math.min(days, getDaysSoFar()));
    }

    /**
     * @param week the week's index, 0 for the first (oldest)
     * @return Monday 00:00 UTC of that week
     */
    public Instant weekStart(int week) {
        return firstMonday.plusWeeks(week).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** @return whether the instant lies in the window: at or after the start and not after {@code now} */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && !instant.isAfter(now);
    }

    /**
     * @param instant an instant inside the window
     * @return the index of its week, 0 for the first (oldest)
     */
    int weekOf(Instant instant) {
        return (int)
                (ChronoUnit.DAYS.between(firstMonday, LocalDate.ofInstant(instant, ZoneOffset.UTC)) / DAYS_PER_WEEK);
    }

    /** @return the UTC calendar day of an instant */
    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
