package io.jenkins.plugins.deployoften.model;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Deploy statistics of one environment over a window of weeks. Immutable; compute with
 * {@link #compute(DeployLedger, EnvironmentName, Instant, int)}.
 *
 * <p><b>Window.</b> Weeks are ISO weeks, Monday 00:00 UTC to the next Monday. The window is the
 * {@code windowWeeks} weeks ending with the week that contains {@code now}, the current, partial week
 * included; it starts at Monday 00:00 UTC of its first week (inclusive) and ends at {@code now} (inclusive).
 * A record belongs to the week of its {@code startedAt}; records started after {@code now} or before the
 * window start are ignored, as are records of other environments. See {@link StatisticsWindow}.
 *
 * <p><b>Percentiles</b> (medians, p90) use the nearest-rank method: for {@code n} values sorted ascending,
 * the {@code p}-th percentile is the value at rank {@code ceil(p / 100 * n)}; so the median of an even count
 * is the lower middle value, and every percentile is an observed value.
 *
 * <p><b>Completed</b> deploys are those with outcome SUCCESS or FAILURE; SKIPPED and ABORTED are counted per
 * week but left out of rates, durations and streaks.
 *
 * <p>The DORA levels follow the <em>DORA Accelerate State of DevOps Report 2024</em>; see {@link DoraBand}
 * for the thresholds.
 *
 * <p><b>Moving on.</b> Only the days so far (and so the rates per day and per week and the DORA deployment
 * frequency level) and the time since the last successful deploy depend on {@code now} rather than on the
 * records; the buckets, the frequency class, the counts, durations, streak and recovery times depend only on
 * the window start and the records started by {@code now}. {@link #at(Instant)} moves the statistics to a
 * later instant of the same window without reading the ledger again and gives exactly what a fresh
 * computation at that instant would give from the same ledger.
 */
public final class DeployStatistics {
    /** The window used when none is configured: twelve weeks. */
    public static final int DEFAULT_WINDOW_WEEKS = 12;

    private final EnvironmentName environment;
    private final StatisticsWindow window;
    private final int skippedLines;
    private final List<WeeklyBucket> weeks;
    private final int successful;
    private final int failed;
    private final int aborted;
    private final int skipped;
    private final FrequencyClass frequencyClass;
    private final Instant historyStart;
    private final int daysSoFar;
    private final Duration medianDuration;
    private final Duration p90Duration;
    private final Duration timeSinceLastSuccess;
    private final DeployStreak streak;
    private final Duration medianRecoveryTime;
    private final int recoveredFailures;
    private final int unrecoveredFailures;
    private final Duration medianLeadTime;
    private final int skippedBuildsNeverDeployed;
    private final int missingBuilds;
    private final Instant lastSuccessEndedAt;
    private final Instant nextRecordStart;

    private DeployStatistics(
            EnvironmentName environment,
            StatisticsWindow window,
            List<DeployRecord> inWindow,
            int skippedLines,
            Instant lastSuccessEndedAt,
            DeployStreak streak,
            Instant historyStart,
            Instant nextRecordStart) {
        this.environment = environment;
        this.window = window;
        this.skippedLines = skippedLines;
        this.historyStart = historyStart;
        this.lastSuccessEndedAt = lastSuccessEndedAt;
        this.nextRecordStart = nextRecordStart;
        this.daysSoFar = window.getDaysSoFarSince(Optional.ofNullable(historyStart));
        this.weeks = List.copyOf(bucketsOf(window, inWindow));
        this.successful = weeks.stream().mapToInt(WeeklyBucket::getSuccessful).sum();
        this.failed = weeks.stream().mapToInt(WeeklyBucket::getFailed).sum();
        this.aborted = weeks.stream().mapToInt(WeeklyBucket::getAborted).sum();
        this.skipped = weeks.stream().mapToInt(WeeklyBucket::getSkipped).sum();
        int firstWeekJudged = historyStart == null ? 0 : window.weekOf(historyStart);
        this.frequencyClass = FrequencyClass.classify(weeks.subList(firstWeekJudged, weeks.size()));
        List<Duration> durations = new ArrayList<>();
        List<Duration> leadTimes = new ArrayList<>();
        for (DeployRecord record : inWindow) {
            if (record.getOutcome().isCompleted()) {
                durations.add(record.getDuration());
            }
            if (record.getOutcome() == DeployOutcome.SUCCESS
                    && record.getCommitTime().isPresent()) {
                leadTimes.add(
                        notNegative(Duration.between(record.getCommitTime().get(), record.getEndedAt())));
            }
        }
        this.medianDuration = Percentiles.median(durations).orElse(null);
        this.p90Duration = Percentiles.nearestRank(durations, 90).orElse(null);
        this.medianLeadTime = Percentiles.median(leadTimes).orElse(null);
        this.timeSinceLastSuccess = timeSince(lastSuccessEndedAt, window);
        this.streak = streak;
        List<Duration> recoveries = recoveryTimes(inWindow);
        this.medianRecoveryTime = Percentiles.median(recoveries).orElse(null);
        this.recoveredFailures = recoveries.size();
        this.unrecoveredFailures = failed - recoveries.size();
        int[] neverDeployed = neverDeployedBuilds(inWindow);
        this.skippedBuildsNeverDeployed = neverDeployed[0];
        this.missingBuilds = neverDeployed[1];
    }

    /** The same statistics in a later window with the same start: only the figures that depend on the day move. */
    private DeployStatistics(DeployStatistics computed, StatisticsWindow later) {
        this.environment = computed.environment;
        this.window = later;
        this.skippedLines = computed.skippedLines;
        this.historyStart = computed.historyStart;
        this.lastSuccessEndedAt = computed.lastSuccessEndedAt;
        this.nextRecordStart = computed.nextRecordStart;
        this.daysSoFar = later.getDaysSoFarSince(Optional.ofNullable(computed.historyStart));
        this.weeks = computed.weeks;
        this.successful = computed.successful;
        this.failed = computed.failed;
        this.aborted = computed.aborted;
        this.skipped = computed.skipped;
        this.frequencyClass = computed.frequencyClass;
        this.medianDuration = computed.medianDuration;
        this.p90Duration = computed.p90Duration;
        this.medianLeadTime = computed.medianLeadTime;
        this.timeSinceLastSuccess = timeSince(computed.lastSuccessEndedAt, later);
        this.streak = computed.streak;
        this.medianRecoveryTime = computed.medianRecoveryTime;
        this.recoveredFailures = computed.recoveredFailures;
        this.unrecoveredFailures = computed.unrecoveredFailures;
        this.skippedBuildsNeverDeployed = computed.skippedBuildsNeverDeployed;
        this.missingBuilds = computed.missingBuilds;
    }

    private static Duration timeSince(Instant lastSuccessEndedAt, StatisticsWindow window) {
        return lastSuccessEndedAt == null ? null : notNegative(Duration.between(lastSuccessEndedAt, window.getNow()));
    }

    /**
     * Whether {@link #at(Instant)} can move these statistics to {@code later}: it is not before their
     * {@code now}, lies in the same ISO week (so the window has the same start), and no record of the
     * environment that was read starts after {@code now} and not after {@code later} (a record stamped in
     * the future by a skewed clock enters the window when its start comes).
     *
     * @param later the instant to move to
     * @return whether the moved statistics would equal a fresh computation at {@code later} from the same ledger
     */
    public boolean canMoveTo(Instant later) {
        Objects.requireNonNull(later, "later");
        return !later.isBefore(window.getNow())
                && StatisticsWindow.ending(later, window.getWeeks()).getStart().equals(window.getStart())
                && (nextRecordStart == null || later.isBefore(nextRecordStart));
    }

    /**
     * The statistics at a later instant of the same window, without reading the ledger: the days so far (and
     * with them the rates and the DORA deployment frequency level) and the time since the last successful
     * deploy are recomputed for {@code later}; everything else is kept. Equals what
     * {@link #compute(DeployLedger, EnvironmentName, Instant, int)} would give at {@code later} from the same
     * ledger, on every figure.
     *
     * @param later an instant the statistics {@link #canMoveTo(Instant) can move to}
     * @return the statistics at {@code later}
     * @throws IllegalArgumentException when they cannot move there; compute them afresh instead
     */
    public DeployStatistics at(Instant later) {
        if (!canMoveTo(later)) {
            throw new IllegalArgumentException("later: " + later + " is not in the window of " + window.getStart()
                    + " after " + window.getNow() + (nextRecordStart == null ? "" : " and before " + nextRecordStart)
                    + "; compute the statistics afresh");
        }
        return new DeployStatistics(this, StatisticsWindow.ending(later, window.getWeeks()));
    }

    /**
     * Computes the statistics from a ledger. Reads {@link DeployLedger#readSince(Instant)} from the window
     * start, so the cost is O(records in the window), plus two backwards lookups with
     * {@link DeployLedger#findLast(Predicate)} that read no further than needed: the last successful deploy
     * before the window when the window has none, and, when the current streak covers every completed deploy
     * of the window, its continuation before the window up to the first completed deploy with the other
     * outcome (for an environment that never changed outcome that is the whole history).
     *
     * @param ledger the job's ledger
     * @param environment the environment to describe
     * @param now the end of the window
     * @param windowWeeks 1 to 520 weeks, usually {@link #DEFAULT_WINDOW_WEEKS}
     * @return the statistics
     * @throws IOException when the ledger cannot be read
     * @throws IllegalArgumentException when {@code windowWeeks} is out of range
     */
    public static DeployStatistics compute(
            DeployLedger ledger, EnvironmentName environment, Instant now, int windowWeeks) throws IOException {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(environment, "environment");
        StatisticsWindow window = StatisticsWindow.ending(now, windowWeeks);
        LedgerRead read = ledger.readSince(window.getStart());
        List<DeployRecord> inWindow = inWindow(read.records(), environment, window);
        Instant lastSuccessEndedAt = lastSuccessEndedAt(inWindow);
        if (lastSuccessEndedAt == null) {
            lastSuccessEndedAt = ledger.findLast(
                            record -> record.getEnvironment().equals(environment)
                                    && record.getOutcome() == DeployOutcome.SUCCESS
                                    && record.getStartedAt().isBefore(window.getStart()))
                    .map(DeployRecord::getEndedAt)
                    .orElse(null);
        }
        DeployStreak streak = DeployStreak.newestRunOf(inWindow);
        if (streak.getLength() == completedCount(inWindow)) {
            StreakContinuation continuation = new StreakContinuation(environment, window.getStart(), streak);
            ledger.findLast(continuation);
            streak = streak.extendedBy(continuation.outcome, continuation.count);
        }
        return new DeployStatistics(
                environment,
                window,
                inWindow,
                read.skippedLines(),
                lastSuccessEndedAt,
                streak,
                historyStartInWindow(ledger, environment, window, inWindow),
                nextRecordStart(read.records(), environment, window));
    }

    /**
     * When the environment's history began inside the window: its first record in the window, unless the ledger
     * holds an older record of it (looked up only when that first record is not on the window's first day).
     */
    private static Instant historyStartInWindow(
            DeployLedger ledger, EnvironmentName environment, StatisticsWindow window, List<DeployRecord> inWindow)
            throws IOException {
        if (inWindow.isEmpty()) {
            return null;
        }
        Instant first = inWindow.get(0).getStartedAt();
        if (StatisticsWindow.dayOf(first).equals(StatisticsWindow.dayOf(window.getStart()))) {
            return null;
        }
        boolean olderExists = ledger.findLast(record -> record.getEnvironment().equals(environment)
                        && record.getStartedAt().isBefore(window.getStart()))
                .isPresent();
        return olderExists ? null : first;
    }

    /**
     * Computes the statistics from records already read, without looking before the window: the time since
     * the last successful deploy is empty when the window has none, and the streak stops at the window start.
     * The environment's history is taken to begin with its earliest record given, or before the window when one
     * of the records given started before it.
     *
     * @param recordsSinceWindowStart records of any environment; those outside the window are ignored
     * @param environment the environment to describe
     * @param now the end of the window
     * @param windowWeeks 1 to 520 weeks, usually {@link #DEFAULT_WINDOW_WEEKS}
     * @return the statistics
     * @throws IllegalArgumentException when {@code windowWeeks} is out of range
     */
    public static DeployStatistics compute(
            List<DeployRecord> recordsSinceWindowStart, EnvironmentName environment, Instant now, int windowWeeks) {
        Objects.requireNonNull(recordsSinceWindowStart, "recordsSinceWindowStart");
        Objects.requireNonNull(environment, "environment");
        StatisticsWindow window = StatisticsWindow.ending(now, windowWeeks);
        List<DeployRecord> inWindow = inWindow(recordsSinceWindowStart, environment, window);
        boolean olderGiven = recordsSinceWindowStart.stream()
                .anyMatch(record -> record.getEnvironment().equals(environment)
                        && record.getStartedAt().isBefore(window.getStart()));
        Instant historyStart =
                olderGiven || inWindow.isEmpty() ? null : inWindow.get(0).getStartedAt();
        return new DeployStatistics(
                environment,
                window,
                inWindow,
                0,
                lastSuccessEndedAt(inWindow),
                DeployStreak.newestRunOf(inWindow),
                historyStart,
                nextRecordStart(recordsSinceWindowStart, environment, window));
    }

    /** @return the earliest start after the window's {@code now} of a record of the environment, or null */
    private static Instant nextRecordStart(
            List<DeployRecord> records, EnvironmentName environment, StatisticsWindow window) {
        Instant next = null;
        for (DeployRecord record : records) {
            Instant started = record.getStartedAt();
            if (record.getEnvironment().equals(environment)
                    && started.isAfter(window.getNow())
                    && (next == null || started.isBefore(next))) {
                next = started;
            }
        }
        return next;
    }

    private static List<DeployRecord> inWindow(
            List<DeployRecord> records, EnvironmentName environment, StatisticsWindow window) {
        List<DeployRecord> selected = new ArrayList<>();
        for (DeployRecord record : records) {
            if (record.getEnvironment().equals(environment) && window.contains(record.getStartedAt())) {
                selected.add(record);
            }
        }
        selected.sort(Comparator.comparing(DeployRecord::getStartedAt));
        return selected;
    }

    private static List<WeeklyBucket> bucketsOf(StatisticsWindow window, List<DeployRecord> inWindow) {
        List<List<DeployRecord>> perWeek = new ArrayList<>();
        for (int i = 0; i < window.getWeeks(); i++) {
            perWeek.add(new ArrayList<>());
        }
        for (DeployRecord record : inWindow) {
            perWeek.get(window.weekOf(record.getStartedAt())).add(record);
        }
        List<WeeklyBucket> buckets = new ArrayList<>();
        for (int i = 0; i < window.getWeeks(); i++) {
            buckets.add(WeeklyBucket.of(window.weekStart(i), perWeek.get(i)));
        }
        return buckets;
    }

    private static Instant lastSuccessEndedAt(List<DeployRecord> oldestFirst) {
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            if (oldestFirst.get(i).getOutcome() == DeployOutcome.SUCCESS) {
                return oldestFirst.get(i).getEndedAt();
            }
        }
        return null;
    }

    private static int completedCount(List<DeployRecord> records) {
        return (int) records.stream().filter(r -> r.getOutcome().isCompleted()).count();
    }

    /** For each failure, the time from its end to the end of the next successful deploy, if there is one. */
    private static List<Duration> recoveryTimes(List<DeployRecord> oldestFirst) {
        List<Duration> recoveries = new ArrayList<>();
        DeployRecord nextSuccess = null;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            DeployRecord record = oldestFirst.get(i);
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                nextSuccess = record;
            } else if (record.getOutcome() == DeployOutcome.FAILURE && nextSuccess != null) {
                recoveries.add(notNegative(Duration.between(record.getEndedAt(), nextSuccess.getEndedAt())));
            }
        }
        return recoveries;
    }

    /** @return {skipped builds never deployed, build numbers without any record} */
    private static int[] neverDeployedBuilds(List<DeployRecord> inWindow) {
        TreeSet<Integer> seen = new TreeSet<>();
        Set<Integer> deployed = new HashSet<>();
        Set<Integer> skippedBuilds = new HashSet<>();
        for (DeployRecord record : inWindow) {
            seen.add(record.getBuildNumber());
            if (record.getOutcome().isCompleted()) {
                deployed.add(record.getBuildNumber());
            } else if (record.getOutcome() == DeployOutcome.SKIPPED) {
                skippedBuilds.add(record.getBuildNumber());
            }
        }
        skippedBuilds.removeAll(deployed);
        int missing = 0;
        if (!seen.isEmpty()) {
            long span = (long) seen.last() - seen.first() + 1;
            missing = (int) (span - seen.size());
        }
        return new int[] {skippedBuilds.size(), missing};
    }

    private static Duration notNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /**
     * Counts, newest first, the completed deploys before the window that continue the window's streak, and
     * matches (so the lookup stops) at the first completed deploy that breaks it. Relies on
     * {@link DeployLedger#findLast(Predicate)} testing records newest first and stopping at the first match.
     */
    private static final class StreakContinuation implements Predicate<DeployRecord> {
        private final EnvironmentName environment;
        private final Instant windowStart;
        private DeployOutcome outcome;
        private int count;

        StreakContinuation(EnvironmentName environment, Instant windowStart, DeployStreak windowStreak) {
            this.environment = environment;
            this.windowStart = windowStart;
            this.outcome = windowStreak.getOutcome().orElse(null);
        }

        @Override
        public boolean test(DeployRecord record) {
            if (!record.getEnvironment().equals(environment)
                    || !record.getOutcome().isCompleted()
                    || !record.getStartedAt().isBefore(windowStart)) {
                return false;
            }
            if (outcome == null) {
                outcome = record.getOutcome();
            } else if (record.getOutcome() != outcome) {
                return true;
            }
            count++;
            return false;
        }
    }

    public EnvironmentName getEnvironment() {
        return environment;
    }

    /** @return the weeks and bounds the statistics cover */
    public StatisticsWindow getWindow() {
        return window;
    }

    /** @return how many torn or corrupted ledger lines were skipped while reading; more than 0 deserves a warning */
    public int getSkippedLines() {
        return skippedLines;
    }

    /** @return every week of the window, oldest first, empty weeks included with zero counts */
    public List<WeeklyBucket> getWeeks() {
        return weeks;
    }

    /** @return successful deploys in the window */
    public int getSuccessful() {
        return successful;
    }

    /** @return failed deploys in the window */
    public int getFailed() {
        return failed;
    }

    /** @return aborted deploys in the window */
    public int getAborted() {
        return aborted;
    }

    /** @return skipped deploys in the window */
    public int getSkipped() {
        return skipped;
    }

    /**
     * Deployment frequency per day: {@code successful / daysSoFar}, where {@code daysSoFar} counts the UTC
     * days from the later of the window start and the start of the UTC day of the environment's first record,
     * to the day of {@code now}, inclusive, at least 1 ({@link StatisticsWindow#getDaysSoFarSince}).
     *
     * @return successful deploys per day
     */
    public double getDeploysPerDay() {
        return (double) successful / daysSoFar;
    }

    /** @return successful deploys per week: {@code 7 * successful / daysSoFar} */
    public double getDeploysPerWeek() {
        return 7.0 * successful / daysSoFar;
    }

    /** @return the days the rates divide by, see {@link #getDeploysPerDay()} */
    public int getDaysSoFar() {
        return daysSoFar;
    }

    /** @return when the environment's first record started, when that lies inside the window */
    public Optional<Instant> getHistoryStart() {
        return Optional.ofNullable(historyStart);
    }

    /** @return the frequency class, see {@link FrequencyClass} for the rules */
    public FrequencyClass getFrequencyClass() {
        return frequencyClass;
    }

    /**
     * Change failure rate: {@code failed / (successful + failed)} over the window, SKIPPED and ABORTED left out
     * of both.
     *
     * @return the rate between 0 and 1, or empty when no deploy completed (never a made-up 0%)
     */
    public Optional<Double> getChangeFailureRate() {
        int completed = successful + failed;
        return completed == 0 ? Optional.empty() : Optional.of((double) failed / completed);
    }

    /** @return the nearest-rank median duration of the completed deploys in the window, or empty */
    public Optional<Duration> getMedianDuration() {
        return Optional.ofNullable(medianDuration);
    }

    /** @return the nearest-rank 90th percentile duration of the completed deploys in the window, or empty */
    public Optional<Duration> getP90Duration() {
        return Optional.ofNullable(p90Duration);
    }

    /**
     * @return {@code now} minus the end of the newest successful deploy (0 if that deploy ends after
     *     {@code now}); looked up before the window by the ledger-backed {@code compute}; empty when there is
     *     none
     */
    public Optional<Duration> getTimeSinceLastSuccess() {
        return Optional.ofNullable(timeSinceLastSuccess);
    }

    /** @return the current run of completed deploys with the same outcome, see {@link DeployStreak} */
    public DeployStreak getStreak() {
        return streak;
    }

    /**
     * Recovery time: for each FAILURE in the window, the time from its end to the end of the next SUCCESS
     * (by start time) of the same environment; the nearest-rank median over the failures that recovered.
     *
     * @return the median recovery time, or empty when no failure has recovered
     */
    public Optional<Duration> getMedianRecoveryTime() {
        return Optional.ofNullable(medianRecoveryTime);
    }

    /** @return failures in the window followed by a successful deploy */
    public int getRecoveredFailures() {
        return recoveredFailures;
    }

    /** @return failures in the window not (yet) followed by a successful deploy */
    public int getUnrecoveredFailures() {
        return unrecoveredFailures;
    }

    /**
     * Lead time: for each successful deploy with a known commit time, {@code endedAt - commitTime} (0 if
     * negative because of clock skew); the nearest-rank median.
     *
     * @return the median lead time, or empty when no successful deploy has a commit time
     */
    public Optional<Duration> getMedianLeadTime() {
        return Optional.ofNullable(medianLeadTime);
    }

    /** @return distinct builds in the window with a SKIPPED record and no SUCCESS or FAILURE record */
    public int getSkippedBuildsNeverDeployed() {
        return skippedBuildsNeverDeployed;
    }

    /**
     * @return build numbers between the lowest and highest build number in the window that have no record at
     *     all (for example builds that failed before reaching the deploy step)
     */
    public int getMissingBuilds() {
        return missingBuilds;
    }

    /** @return the DORA 2024 deployment frequency level, empty when no deploy completed in the window */
    public Optional<DoraBand> getDoraDeploymentFrequency() {
        if (successful + failed == 0) {
            return Optional.empty();
        }
        return Optional.of(DoraBand.forDeploymentFrequency(successful, daysSoFar));
    }

    /** @return the DORA 2024 change failure rate level, empty when no deploy completed in the window */
    public Optional<DoraBand> getDoraChangeFailureRate() {
        if (successful + failed == 0) {
            return Optional.empty();
        }
        return Optional.of(DoraBand.forChangeFailureRate(failed, successful + failed));
    }

    /** @return the DORA 2024 recovery time level of the median recovery time, empty when none recovered */
    public Optional<DoraBand> getDoraRecoveryTime() {
        return getMedianRecoveryTime().map(DoraBand::forRecoveryTime);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeployStatistics)) {
            return false;
        }
        DeployStatistics other = (DeployStatistics) o;
        return skippedLines == other.skippedLines
                && recoveredFailures == other.recoveredFailures
                && unrecoveredFailures == other.unrecoveredFailures
                && skippedBuildsNeverDeployed == other.skippedBuildsNeverDeployed
                && missingBuilds == other.missingBuilds
                && environment.equals(other.environment)
                && window.getStart().equals(other.window.getStart())
                && window.getNow().equals(other.window.getNow())
                && weeks.equals(other.weeks)
                && frequencyClass == other.frequencyClass
                && daysSoFar == other.daysSoFar
                && Objects.equals(medianDuration, other.medianDuration)
                && Objects.equals(p90Duration, other.p90Duration)
                && Objects.equals(timeSinceLastSuccess, other.timeSinceLastSuccess)
                && streak.equals(other.streak)
                && Objects.equals(medianRecoveryTime, other.medianRecoveryTime)
                && Objects.equals(medianLeadTime, other.medianLeadTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(environment, window.getStart(), weeks, streak);
    }

    @Override
    public String toString() {
        return "statistics of " + environment + " from " + window.getStart() + " to " + window.getNow() + ": "
                + successful + " ok, " + failed + " failed, " + aborted + " aborted, " + skipped + " skipped, "
                + frequencyClass + ", streak " + streak;
    }
}
