package io.jenkins.plugins.deployoften.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deploys of one environment that started in one ISO week (Monday 00:00 UTC to the next Monday). Weeks
 * without deploys are present with zero counts. Durations are those of completed deploys (SUCCESS and
 * FAILURE); their median and 90th percentile are those of a {@link DurationSketch} (see {@link DeployStatistics}).
 * A week is also the input of the trend chart, which may build it from its counts alone.
 */
public final class WeeklyBucket {
    private final Instant weekStart;
    private final int successful;
    private final int failed;
    private final int aborted;
    private final int skipped;
    private final int successDays;
    private final DurationSketch durations;
    private final Duration medianDuration;
    private final Duration p90Duration;

    private WeeklyBucket(
            Instant weekStart,
            int successful,
            int failed,
            int aborted,
            int skipped,
            int successDays,
            DurationSketch durations,
            Duration medianDuration,
            Duration p90Duration) {
        this.weekStart = weekStart;
        this.successful = successful;
        this.failed = failed;
        this.aborted = aborted;
        this.skipped = skipped;
        this.successDays = successDays;
        this.durations = durations;
        this.medianDuration = medianDuration;
        this.p90Duration = p90Duration;
    }

    /**
     * @param day a UTC day
     * @return its bit in a week's set of days with a successful deploy: bit 0 Monday to bit 6 Sunday
     */
    static int dayBit(LocalDate day) {
        return 1 << (day.getDayOfWeek().getValue() - 1);
    }

    /**
     * @param weekStart Monday 00:00 UTC of the week
     * @param records the records of one environment that started in that week
     * @return the week's figures
     */
    static WeeklyBucket of(Instant weekStart, List<DeployRecord> records) {
        int successDays = 0;
        DurationSketch.Mutable durations = new DurationSketch.Mutable();
        for (DeployRecord record : records) {
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                successDays |= dayBit(StatisticsWindow.dayOf(record.getStartedAt()));
            }
            if (record.getOutcome().isCompleted()) {
                durations.add(record.getDuration());
            }
        }
        return of(
                weekStart,
                count(records, DeployOutcome.SUCCESS),
                count(records, DeployOutcome.FAILURE),
                count(records, DeployOutcome.ABORTED),
                count(records, DeployOutcome.SKIPPED),
                successDays,
                durations);
    }

    /**
     * @param weekStart Monday 00:00 UTC of the week
     * @param successful its successful deploys
     * @param failed its failed deploys
     * @param aborted its aborted deploys
     * @param skipped its skipped deploys
     * @param successDays the UTC days of the week on which a successful deploy started, one {@link #dayBit bit}
     *     each
     * @param durations the sketch of its completed deploys' durations
     * @return the week's figures
     */
    static WeeklyBucket of(
            Instant weekStart,
            int successful,
            int failed,
            int aborted,
            int skipped,
            int successDays,
            DurationSketch.Mutable durations) {
        return new WeeklyBucket(
                weekStart,
                successful,
                failed,
                aborted,
                skipped,
                successDays,
                durations.toSketch(),
                durations.nearestRank(50).orElse(null),
                durations.nearestRank(90).orElse(null));
    }

    /**
     * Creates the figures of one week from its counts, as the trend chart shows them: no aborted or skipped
     * deploys, no days with success and no 90th percentile.
     *
     * @param weekStart the Monday the week starts on (UTC)
     * @param successful successful deploys in the week, ≥ 0
     * @param failed failed deploys in the week, ≥ 0
     * @param medianDuration median duration of the week's completed deploys, ≥ 0, empty when there were none
     * @return the week's figures
     * @throws IllegalArgumentException naming the field when a value is missing or out of range
     */
    public static WeeklyBucket of(LocalDate weekStart, int successful, int failed, Optional<Duration> medianDuration) {
        if (weekStart == null || weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("weekStart is " + weekStart + ": use the Monday the week starts on");
        }
        if (successful < 0) {
            throw new IllegalArgumentException("successful is " + successful + ": use a count >= 0");
        }
        if (failed < 0) {
            throw new IllegalArgumentException("failed is " + failed + ": use a count >= 0");
        }
        if (medianDuration == null) {
            throw new IllegalArgumentException("medianDuration is missing: use Optional.empty() for no deploys");
        }
        Duration median = medianDuration.orElse(null);
        if (median != null && median.isNegative()) {
            throw new IllegalArgumentException("medianDuration is " + median + ": use a duration >= 0");
        }
        return new WeeklyBucket(
                weekStart.atStartOfDay(ZoneOffset.UTC).toInstant(),
                successful,
                failed,
                0,
                0,
                0,
                DurationSketch.empty(),
                median,
                null);
    }

    /**
     * The figures of several histories' same week as one: the counts added up, the days with a successful deploy
     * united (two jobs deploying on the same day make one such day), and the durations merged, so the median and
     * the 90th percentile are those of all the week's completed deploys.
     *
     * @param weeks the same week of several histories, at least one
     * @return the week of them all
     * @throws IllegalArgumentException when no week is given or the weeks start on different days
     */
    public static WeeklyBucket combine(List<WeeklyBucket> weeks) {
        if (weeks == null || weeks.isEmpty()) {
            throw new IllegalArgumentException("weeks is empty: give the same week of at least one history");
        }
        Instant start = weeks.get(0).weekStart;
        int successful = 0;
        int failed = 0;
        int aborted = 0;
        int skipped = 0;
        int successDays = 0;
        List<DurationSketch> durations = new ArrayList<>(weeks.size());
        for (WeeklyBucket week : weeks) {
            if (!week.weekStart.equals(start)) {
                throw new IllegalArgumentException("weeks start on " + start + " and " + week.weekStart
                        + ": combine only the same week of several histories");
            }
            successful += week.successful;
            failed += week.failed;
            aborted += week.aborted;
            skipped += week.skipped;
            successDays |= week.successDays;
            durations.add(week.durations);
        }
        DurationSketch merged = DurationSketch.merge(durations);
        return new WeeklyBucket(
                start,
                successful,
                failed,
                aborted,
                skipped,
                successDays,
                merged,
                merged.nearestRank(50).orElse(null),
                merged.nearestRank(90).orElse(null));
    }

    private static int count(List<DeployRecord> records, DeployOutcome outcome) {
        int count = 0;
        for (DeployRecord record : records) {
            if (record.getOutcome() == outcome) {
                count++;
            }
        }
        return count;
    }

    /** @return Monday 00:00 UTC of this week */
    Instant startInstant() {
        return weekStart;
    }

    /** @return the UTC days of this week on which a successful deploy started, one {@link #dayBit bit} each */
    int successDayBits() {
        return successDays;
    }

    /** @return the Monday this week starts on (UTC) */
    public LocalDate getWeekStart() {
        return weekStart.atZone(ZoneOffset.UTC).toLocalDate();
    }

    public int getSuccessful() {
        return successful;
    }

    public int getFailed() {
        return failed;
    }

    public int getAborted() {
        return aborted;
    }

    public int getSkipped() {
        return skipped;
    }

    /** @return on how many distinct UTC days of this week a successful deploy started */
    public int getDaysWithSuccess() {
        return Integer.bitCount(successDays);
    }

    /** @return the sketch of this week's completed deploys' durations, empty for a week built from counts */
    public DurationSketch getDurations() {
        return durations;
    }

    /** @return the median duration of this week's completed deploys ({@link DurationSketch}), empty when none */
    public Optional<Duration> getMedianDuration() {
        return Optional.ofNullable(medianDuration);
    }

    /** @return the 90th percentile duration of this week's completed deploys ({@link DurationSketch}), or empty */
    public Optional<Duration> getP90Duration() {
        return Optional.ofNullable(p90Duration);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WeeklyBucket)) {
            return false;
        }
        WeeklyBucket other = (WeeklyBucket) o;
        return successful == other.successful
                && failed == other.failed
                && aborted == other.aborted
                && skipped == other.skipped
                && successDays == other.successDays
                && weekStart.equals(other.weekStart)
                && Objects.equals(medianDuration, other.medianDuration)
                && Objects.equals(p90Duration, other.p90Duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekStart, successful, failed, aborted, skipped);
    }

    @Override
    public String toString() {
        return "week of " + weekStart + ": " + successful + " ok, " + failed + " failed, " + aborted + " aborted, "
                + skipped + " skipped";
    }
}
