package io.jenkins.plugins.deployoften.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The deploys of one environment that started in one ISO week (Monday 00:00 UTC to the next Monday). Weeks
 * without deploys are present with zero counts. Durations are those of completed deploys (SUCCESS and
 * FAILURE); their median and 90th percentile use the nearest-rank method (see {@link DeployStatistics}).
 */
public final class WeeklyBucket {
    private final Instant weekStart;
    private final int successful;
    private final int failed;
    private final int aborted;
    private final int skipped;
    private final int daysWithSuccess;
    private final Duration medianDuration;
    private final Duration p90Duration;

    private WeeklyBucket(Instant weekStart, List<DeployRecord> records) {
        this.weekStart = weekStart;
        this.successful = count(records, DeployOutcome.SUCCESS);
        this.failed = count(records, DeployOutcome.FAILURE);
        this.aborted = count(records, DeployOutcome.ABORTED);
        this.skipped = count(records, DeployOutcome.SKIPPED);
        Set<LocalDate> successDays = new HashSet<>();
        List<Duration> durations = new ArrayList<>();
        for (DeployRecord record : records) {
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                successDays.add(StatisticsWindow.dayOf(record.getStartedAt()));
            }
            if (record.getOutcome().isCompleted()) {
                durations.add(record.getDuration());
            }
        }
        this.daysWithSuccess = successDays.size();
        this.medianDuration = Percentiles.median(durations).orElse(null);
        this.p90Duration = Percentiles.nearestRank(durations, 90).orElse(null);
    }

    /**
     * @param weekStart Monday 00:00 UTC of the week
     * @param records the records of one environment that started in that week
     * @return the week's figures
     */
    static WeeklyBucket of(Instant weekStart, List<DeployRecord> records) {
        return new WeeklyBucket(weekStart, records);
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
    public Instant getWeekStart() {
        return weekStart;
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
        return daysWithSuccess;
    }

    /** @return the nearest-rank median duration of this week's completed deploys, empty when there are none */
    public Optional<Duration> getMedianDuration() {
        return Optional.ofNullable(medianDuration);
    }

    /** @return the nearest-rank 90th percentile duration of this week's completed deploys, or empty */
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
                && daysWithSuccess == other.daysWithSuccess
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
