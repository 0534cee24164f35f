package io.jenkins.plugins.deployoften.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store has folded from one environment's records, enough to answer {@link DeployStatistics} without
 * reading a record: the {@link DeployLedger#digest(EnvironmentName) port} a ledger with a summary implements.
 * Immutable.
 *
 * <p>Everything "first", "last" and "newest" is by start time in {@link DeployLedger#START_ORDER}; days are UTC
 * days of the start time. Each part is either exact or says when it is not:
 *
 * <ul>
 *   <li>first and last record, last successful deploy, and per day the {@link DeployCounts counts} (with the
 *       duration and lead-time sketches and build numbers) are exact for every fold order;
 *   <li>the per-day recovery times (keyed by the day the failure started) are exact for the failures that
 *       started after {@link #getRecoveriesInexactThrough()}; earlier failures may have been paired with another
 *       successful deploy than the next one by start (records appended out of start order, or more failures in a
 *       row than the store keeps pending);
 *   <li>the current streak is exact when {@link #getStreak()} is present.
 * </ul>
 *
 * Records started after the statistics' {@code now} are folded in like any other, so the statistics answer from a
 * digest only when its {@link #getLast() last} record started by then.
 */
public final class DeployDigest {
    private final long unreadableLines;
    private final DeployRecord first;
    private final DeployRecord last;
    private final DeployRecord lastSuccess;
    private final DailyCounts days;
    private final DailySketches recoveries;
    private final Instant recoveriesInexactThrough;
    private final DeployStreak streak;

    private DeployDigest(
            long unreadableLines,
            DeployRecord first,
            DeployRecord last,
            DeployRecord lastSuccess,
            DailyCounts days,
            DailySketches recoveries,
            Instant recoveriesInexactThrough,
            DeployStreak streak) {
        if (unreadableLines < 0) {
            throw new IllegalArgumentException("unreadableLines: must be 0 or more, was " + unreadableLines);
        }
        this.unreadableLines = unreadableLines;
        this.first = first;
        this.last = last;
        this.lastSuccess = lastSuccess;
        this.days = Objects.requireNonNull(days, "days");
        this.recoveries = Objects.requireNonNull(recoveries, "recoveries");
        this.recoveriesInexactThrough = recoveriesInexactThrough;
        this.streak = streak;
    }

    /**
     * @param unreadableLines how many unreadable lines the store holds
     * @return the digest of an environment without records
     */
    public static DeployDigest none(long unreadableLines) {
        return new DeployDigest(
                unreadableLines, null, null, null, DailyCounts.none(), DailySketches.none(), null, DeployStreak.none());
    }

    /**
     * @param unreadableLines how many unreadable lines the store holds (all of them, not only this environment's)
     * @param first the record that started first
     * @param last the record that started last
     * @param lastSuccess the successful deploy that started last, if any
     * @param days per UTC start day with a record, its counts; not copied, so it must not change
     * @param recoveries per UTC start day of a failure, the sketch of the recovery times of that day's failures
     *     that recovered (a failure's recovery time: from its end to the end of the next successful deploy by
     *     start, 0 when negative); not copied, so it must not change
     * @param recoveriesInexactThrough the latest start of a failure whose recovery may be paired wrongly, or empty
     *     when every failure's is exact
     * @param streakOutcome the current run's outcome, SUCCESS or FAILURE
     * @param streakLength the current run's length, at least 1
     * @param streakExact whether the run's length is exact; if not, the statistics read it from the records
     * @return the digest
     */
    public static DeployDigest of(
            long unreadableLines,
            DeployRecord first,
            DeployRecord last,
            Optional<DeployRecord> lastSuccess,
            DailyCounts days,
            DailySketches recoveries,
            Optional<Instant> recoveriesInexactThrough,
            Optional<DeployOutcome> streakOutcome,
            int streakLength,
            boolean streakExact) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        DeployStreak streak;
        if (streakOutcome.isEmpty()) {
            streak = DeployStreak.none();
        } else if (streakExact) {
            streak = DeployStreak.of(streakOutcome.get(), streakLength);
        } else {
            streak = null;
        }
        return new DeployDigest(
                unreadableLines,
                first,
                last,
                lastSuccess.orElse(null),
                days,
                recoveries,
                recoveriesInexactThrough.orElse(null),
                streak);
    }

    /** @return how many unreadable lines the store holds, in all (they carry no environment) */
    public long getUnreadableLines() {
        return unreadableLines;
    }

    /** @return whether the environment has a record */
    public boolean hasRecords() {
        return first != null;
    }

    /** @return the record that started first, if any */
    public Optional<DeployRecord> getFirst() {
        return Optional.ofNullable(first);
    }

    /** @return the record that started last, if any */
    public Optional<DeployRecord> getLast() {
        return Optional.ofNullable(last);
    }

    /** @return the successful deploy that started last, if any */
    public Optional<DeployRecord> getLastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    /** @return per UTC start day with a record, its counts */
    public DailyCounts getDays() {
        return days;
    }

    /** @return per UTC start day of a failure, the recovery times of that day's failures that recovered */
    public DailySketches getRecoveries() {
        return recoveries;
    }

    /**
     * @return the latest start of a failure whose recovery time may be paired with another deploy than the next
     *     successful one by start; empty when every failure's recovery is exact
     */
    public Optional<Instant> getRecoveriesInexactThrough() {
        return Optional.ofNullable(recoveriesInexactThrough);
    }

    /** @return the current run of completed deploys by start, exact; empty when its length is not known exactly */
    public Optional<DeployStreak> getStreak() {
        return Optional.ofNullable(streak);
    }
}
