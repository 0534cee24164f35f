package io.jenkins.plugins.deployoften.model.view;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The deploys of one week, the input of a {@link DeployTrendChart}: a week starts on Monday, in UTC. */
public final class WeeklyDeploys {
    private final LocalDate weekStart;
    private final int successful;
    private final int failed;
    private final Duration medianDuration;

    private WeeklyDeploys(LocalDate weekStart, int successful, int failed, Duration medianDuration) {
        this.weekStart = weekStart;
        this.successful = successful;
        this.failed = failed;
        this.medianDuration = medianDuration;
    }

    /**
     * Creates the figures of one week.
     *
     * @param weekStart the Monday the week starts on (UTC)
     * @param successful successful deploys in the week, ≥ 0
     * @param failed failed deploys in the week, ≥ 0
     * @param medianDuration median duration of the week's completed deploys, ≥ 0, empty when there were none
     * @return the week's figures
     * @throws IllegalArgumentException naming the field when a value is missing or out of range
     */
    public static WeeklyDeploys of(LocalDate weekStart, int successful, int failed, Optional<Duration> medianDuration) {
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
        return new WeeklyDeploys(weekStart, successful, failed, median);
    }

    /** A week without deploys. */
    static WeeklyDeploys empty(LocalDate weekStart) {
        return of(weekStart, 0, 0, Optional.empty());
    }

    public LocalDate getWeekStart() {
        return weekStart;
    }

    public int getSuccessful() {
        return successful;
    }

    public int getFailed() {
        return failed;
    }

    public Optional<Duration> getMedianDuration() {
        return Optional.ofNullable(medianDuration);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WeeklyDeploys)) {
            return false;
        }
        WeeklyDeploys other = (WeeklyDeploys) o;
        return successful == other.successful
                && failed == other.failed
                && weekStart.equals(other.weekStart)
                && Objects.equals(medianDuration, other.medianDuration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekStart, successful, failed, medianDuration);
    }

    @Override
    public String toString() {
        return weekStart + ": " + successful + " successful, " + failed + " failed, median " + medianDuration;
    }
}
