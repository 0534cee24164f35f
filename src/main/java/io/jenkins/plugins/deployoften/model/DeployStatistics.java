package io.jenkins.plugins.deployoften.model;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
 * <p><b>Percentiles</b> (medians, p90) of durations (deploy durations, lead times, recovery times) are those of a
 * {@link DurationSketch}: the nearest-rank value (for {@code n} values sorted ascending, the one at rank {@code
 * ceil(p / 100 * n)}) to within 1 % (plus half a millisecond): the representative of the log bucket that holds it.
 * Computed from the records or from a ledger's summary, they are the same.
 *
 * <p><b>Order.</b> "Last" and "newest" mean by start time, in {@link DeployLedger#START_ORDER} (ties: the greater
 * build number, then the later appended), never by append order or the time a store recorded a record.
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
    private final Instant lastSuccessStartedAt;
    private final Instant nextRecordStart;

    private DeployStatistics(Figures figures) {
        this.environment = figures.environment;
        this.window = figures.window;
        this.skippedLines = figures.skippedLines;
        this.historyStart = figures.historyStart;
        this.lastSuccessEndedAt = figures.lastSuccess == null ? null : figures.lastSuccess.getEndedAt();
        this.lastSuccessStartedAt = figures.lastSuccess == null ? null : figures.lastSuccess.getStartedAt();
        this.nextRecordStart = figures.nextRecordStart;
        this.daysSoFar = window.getDaysSoFarSince(Optional.ofNullable(historyStart));
        this.weeks = List.copyOf(figures.weeks);
        this.successful = weeks.stream().mapToInt(WeeklyBucket::getSuccessful).sum();
        this.failed = weeks.stream().mapToInt(WeeklyBucket::getFailed).sum();
        this.aborted = weeks.stream().mapToInt(WeeklyBucket::getAborted).sum();
        this.skipped = weeks.stream().mapToInt(WeeklyBucket::getSkipped).sum();
        this.frequencyClass = FrequencyClass.classify(weeks.subList(getFirstWeekJudged(), weeks.size()));
        this.medianDuration = figures.durations.nearestRank(50).orElse(null);
        this.p90Duration = figures.durations.nearestRank(90).orElse(null);
        this.medianLeadTime = figures.leadTimes.nearestRank(50).orElse(null);
        this.timeSinceLastSuccess = timeSince(lastSuccessEndedAt, window);
        this.streak = figures.streak;
        this.medianRecoveryTime = figures.recoveries.nearestRank(50).orElse(null);
        this.recoveredFailures = (int) figures.recoveries.count();
        this.unrecoveredFailures = failed - recoveredFailures;
        this.skippedBuildsNeverDeployed = figures.neverDeployed[0];
        this.missingBuilds = figures.neverDeployed[1];
    }

    /** The same statistics in a later window with the same start: only the figures that depend on the day move. */
    private DeployStatistics(DeployStatistics computed, StatisticsWindow later) {
        this.environment = computed.environment;
        this.window = later;
        this.skippedLines = computed.skippedLines;
        this.historyStart = computed.historyStart;
        this.lastSuccessEndedAt = computed.lastSuccessEndedAt;
        this.lastSuccessStartedAt = computed.lastSuccessStartedAt;
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

    /** Statistics as {@link DeployStatisticsFormat} stored them: the others are derived again, as computing does. */
    private DeployStatistics(Stored stored) {
        this.environment = stored.environment();
        this.window = StatisticsWindow.ending(stored.now(), stored.windowWeeks());
        this.skippedLines = stored.skippedLines();
        this.historyStart = stored.historyStart();
        this.lastSuccessEndedAt = stored.lastSuccessEndedAt();
        this.lastSuccessStartedAt = stored.lastSuccessStartedAt();
        this.nextRecordStart = stored.nextRecordStart();
        this.daysSoFar = window.getDaysSoFarSince(Optional.ofNullable(historyStart));
        this.weeks = List.copyOf(stored.weeks());
        if (weeks.size() != window.getWeeks()) {
            throw new IllegalArgumentException(
                    "weeks: the window has " + window.getWeeks() + " weeks, " + weeks.size() + " were stored");
        }
        this.successful = weeks.stream().mapToInt(WeeklyBucket::getSuccessful).sum();
        this.failed = weeks.stream().mapToInt(WeeklyBucket::getFailed).sum();
        this.aborted = weeks.stream().mapToInt(WeeklyBucket::getAborted).sum();
        this.skipped = weeks.stream().mapToInt(WeeklyBucket::getSkipped).sum();
        this.frequencyClass = FrequencyClass.classify(weeks.subList(getFirstWeekJudged(), weeks.size()));
        this.medianDuration = stored.medianDuration();
        this.p90Duration = stored.p90Duration();
        this.medianLeadTime = stored.medianLeadTime();
        this.timeSinceLastSuccess = timeSince(lastSuccessEndedAt, window);
        this.streak = Objects.requireNonNull(stored.streak(), "streak");
        this.medianRecoveryTime = stored.medianRecoveryTime();
        this.recoveredFailures = stored.recoveredFailures();
        this.unrecoveredFailures = failed - recoveredFailures;
        this.skippedBuildsNeverDeployed = stored.skippedBuildsNeverDeployed();
        this.missingBuilds = stored.missingBuilds();
    }

    /**
     * Every figure of the statistics that the others are not derived from: what {@link DeployStatisticsFormat}
     * stores. Durations and instants are {@code null} when absent.
     */
    record Stored(
            EnvironmentName environment,
            Instant now,
            int windowWeeks,
            int skippedLines,
            List<WeeklyBucket> weeks,
            Instant historyStart,
            Duration medianDuration,
            Duration p90Duration,
            Duration medianLeadTime,
            DeployStreak streak,
            Duration medianRecoveryTime,
            int recoveredFailures,
            int skippedBuildsNeverDeployed,
            int missingBuilds,
            Instant lastSuccessStartedAt,
            Instant lastSuccessEndedAt,
            Instant nextRecordStart) {}

    /** @return what {@link DeployStatisticsFormat} stores of these statistics */
    Stored stored() {
        return new Stored(
                environment,
                window.getNow(),
                window.getWeeks(),
                skippedLines,
                weeks,
                historyStart,
                medianDuration,
                p90Duration,
                medianLeadTime,
                streak,
                medianRecoveryTime,
                recoveredFailures,
                skippedBuildsNeverDeployed,
                missingBuilds,
                lastSuccessStartedAt,
                lastSuccessEndedAt,
                nextRecordStart);
    }

    /**
     * @param stored what {@link #stored()} gave
     * @return the statistics it describes
     * @throws IllegalArgumentException when its parts do not fit together
     */
    static DeployStatistics restore(Stored stored) {
        return new DeployStatistics(stored);
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
                && later.isBefore(window.getNextWeekStart())
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
        return new DeployStatistics(this, window.movedTo(later));
    }

    /**
     * Computes the statistics from a ledger.
     *
     * <p>When the ledger has a {@link DeployLedger#digest(EnvironmentName) digest} of the environment (the file
     * ledger's summary, current with the file) and no record of the environment started after {@code now}, the
     * statistics are answered from it and read no record: O(days in the window). A figure the digest cannot give
     * exactly for this window is read from the records instead (see {@link DeployDigest}): the streak when its
     * length is not known, the recovery times when a failure in the window may be paired wrongly, the builds
     * never deployed when a day of the window had more build numbers than the digest keeps.
     *
     * <p>Otherwise the statistics are computed from the records: {@link DeployLedger#readSince(Instant)} from the
     * window start, so O(records in the window), plus look-ups by start time before the window that the store
     * answers as well as it can (by a full scan in the {@link DeployLedger} defaults): the last successful deploy
     * before the window when the window has none ({@link DeployLedger#lastSuccessStartedBy}), and, when the
     * current streak covers every completed deploy of the window, its continuation before the window up to the
     * first completed deploy with the other outcome ({@link DeployLedger#lastCompletedStartedBy}). Both ways
     * give the same statistics: the records' way is the definition.
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
        Optional<DeployDigest> digest = ledger.digest(environment);
        if (digest.isPresent() && answersBy(digest.get(), now)) {
            return fromDigest(ledger, environment, window, digest.get());
        }
        return fromLedgerRecords(ledger, environment, window, digest);
    }

    /** @return whether no record of the digest started after {@code now}, so its counts are the window's */
    private static boolean answersBy(DeployDigest digest, Instant now) {
        return digest.getLast().map(last -> !last.getStartedAt().isAfter(now)).orElse(true);
    }

    /** The statistics from a digest whose records all started by the window's {@code now}. */
    private static DeployStatistics fromDigest(
            DeployLedger ledger, EnvironmentName environment, StatisticsWindow window, DeployDigest digest)
            throws IOException {
        Figures figures = new Figures(environment, window);
        figures.skippedLines = saturated(digest.getUnreadableLines());
        LocalDate firstDay = StatisticsWindow.dayOf(window.getStart());
        LocalDate dayAfter = StatisticsWindow.dayOf(window.getNow()).plusDays(1);
        BuildNumbers.Union builds = new BuildNumbers.Union();
        int[] successful = new int[window.getWeeks()];
        int[] failed = new int[window.getWeeks()];
        int[] aborted = new int[window.getWeeks()];
        int[] skipped = new int[window.getWeeks()];
        int[] successDays = new int[window.getWeeks()];
        DurationSketch.Mutable[] durations = new DurationSketch.Mutable[window.getWeeks()];
        long firstEpochDay = firstDay.toEpochDay();
        digest.getDays().subMap(firstDay, dayAfter).forEachDay(day -> {
            int week = (int) ((day.epochDay() - firstEpochDay) / 7);
            successful[week] += day.successful();
            failed[week] += day.failed();
            aborted[week] += day.aborted();
            skipped[week] += day.skipped();
            if (day.successful() > 0) {
                successDays[week] |= WeeklyBucket.dayBit(LocalDate.ofEpochDay(day.epochDay()));
            }
            if (day.successful() > 0 || day.failed() > 0) {
                if (durations[week] == null) {
                    durations[week] = new DurationSketch.Mutable();
                }
                day.addDurationsTo(durations[week]);
            }
            day.addLeadTimesTo(figures.leadTimes);
            day.addBuildsTo(builds);
        });
        DurationSketch.Mutable none = new DurationSketch.Mutable();
        for (int week = 0; week < window.getWeeks(); week++) {
            DurationSketch.Mutable weekDurations = durations[week] == null ? none : durations[week];
            figures.weeks.add(WeeklyBucket.of(
                    window.weekStart(week),
                    successful[week],
                    failed[week],
                    aborted[week],
                    skipped[week],
                    successDays[week],
                    weekDurations));
            figures.durations.addAll(weekDurations);
        }
        WindowRecords records = new WindowRecords(ledger, environment, window);
        if (builds.isTooMany()) {
            figures.neverDeployed = neverDeployedBuilds(records.inWindow());
        } else {
            figures.neverDeployed = builds.neverDeployedAndMissing();
        }
        Optional<Instant> recoveriesInexact = digest.getRecoveriesInexactThrough();
        if (recoveriesInexact.isPresent() && !recoveriesInexact.get().isBefore(window.getStart())) {
            figures.recoveries = recoveryTimes(records.inWindow());
        } else {
            digest.getRecoveries().subMap(firstDay, dayAfter).addAllTo(figures.recoveries);
        }
        Optional<DeployStreak> streak = digest.getStreak();
        figures.streak =
                streak.isPresent() ? streak.get() : streakFromRecords(ledger, environment, window, records.inWindow());
        figures.lastSuccess = digest.getLastSuccess().orElse(null);
        figures.historyStart = digest.getFirst()
                .map(first -> historyStart(first.getStartedAt(), window))
                .orElse(null);
        return new DeployStatistics(figures);
    }

    /** The statistics from the records: the definition of every figure. */
    private static DeployStatistics fromLedgerRecords(
            DeployLedger ledger, EnvironmentName environment, StatisticsWindow window, Optional<DeployDigest> digest)
            throws IOException {
        LedgerRead read = ledger.readSince(window.getStart());
        List<DeployRecord> inWindow = inWindow(read.records(), environment, window);
        Figures figures = fromWindow(environment, window, inWindow);
        figures.skippedLines =
                digest.map(d -> saturated(d.getUnreadableLines())).orElse(read.skippedLines());
        if (figures.lastSuccess == null) {
            figures.lastSuccess = ledger.lastSuccessStartedBy(environment, justBefore(window.getStart()))
                    .orElse(null);
        }
        figures.streak = continuedBeforeTheWindow(ledger, environment, window, inWindow, figures.streak);
        if (figures.historyStart != null) {
            boolean olderExists = ledger.findLast(
                            record -> record.getEnvironment().equals(environment)
                                    && record.getStartedAt().isBefore(window.getStart()))
                    .isPresent();
            if (olderExists) {
                figures.historyStart = null;
            }
        }
        figures.nextRecordStart = nextRecordStart(read.records(), environment, window);
        return new DeployStatistics(figures);
    }

    /**
     * Computes the statistics from records already read. The records given are all that is known: the time since
     * the last successful deploy and the streak look at every record given (before the window too, when given),
     * so given the whole history this is the full scan sorted by start time every other way of computing them
     * equals; given only the records since the window start, the time since the last success is empty when the
     * window has none, and the streak stops at the window start. The environment's history is taken to begin
     * with its earliest record given, or before the window when one of the records given started before it.
     *
     * @param recordsSinceWindowStart records of any environment, in the order they were appended; those of other
     *     environments and those started after {@code now} are ignored
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
        Figures figures = fromWindow(environment, window, inWindow);
        List<DeployRecord> byNow = new ArrayList<>();
        boolean olderGiven = false;
        for (DeployRecord record : recordsSinceWindowStart) {
            if (record.getEnvironment().equals(environment)
                    && !record.getStartedAt().isAfter(window.getNow())) {
                byNow.add(record);
                olderGiven |= record.getStartedAt().isBefore(window.getStart());
            }
        }
        if (olderGiven) {
            byNow.sort(DeployLedger.START_ORDER);
            figures.lastSuccess = lastSuccess(byNow);
            figures.streak = DeployStreak.newestRunOf(byNow);
            figures.historyStart = null;
        }
        figures.nextRecordStart = nextRecordStart(recordsSinceWindowStart, environment, window);
        return new DeployStatistics(figures);
    }

    /**
     * The figures of the records in the window: everything but what lies before it (the last successful deploy
     * when the window has none, the streak's continuation, whether the history began earlier) and the unreadable
     * lines.
     */
    private static Figures fromWindow(
            EnvironmentName environment, StatisticsWindow window, List<DeployRecord> inWindow) {
        Figures figures = new Figures(environment, window);
        List<List<DeployRecord>> perWeek = new ArrayList<>();
        for (int i = 0; i < window.getWeeks(); i++) {
            perWeek.add(new ArrayList<>());
        }
        for (DeployRecord record : inWindow) {
            perWeek.get(window.weekOf(record.getStartedAt())).add(record);
            if (record.getOutcome().isCompleted()) {
                figures.durations.add(record.getDuration());
            }
            DeployCounts.leadTime(record).ifPresent(figures.leadTimes::add);
        }
        for (int i = 0; i < window.getWeeks(); i++) {
            figures.weeks.add(WeeklyBucket.of(window.weekStart(i), perWeek.get(i)));
        }
        figures.recoveries = recoveryTimes(inWindow);
        figures.neverDeployed = neverDeployedBuilds(inWindow);
        figures.lastSuccess = lastSuccess(inWindow);
        figures.streak = DeployStreak.newestRunOf(inWindow);
        figures.historyStart =
                inWindow.isEmpty() ? null : historyStart(inWindow.get(0).getStartedAt(), window);
        return figures;
    }

    /**
     * When the environment's first record started inside the window, and not on its first day (from the window's
     * first day on, the days so far are the window's anyway): its start; else null.
     */
    private static Instant historyStart(Instant firstRecord, StatisticsWindow window) {
        if (!window.contains(firstRecord)
                || StatisticsWindow.dayOf(firstRecord).equals(StatisticsWindow.dayOf(window.getStart()))) {
            return null;
        }
        return firstRecord;
    }

    /** The window's records of the environment, read from the ledger once, when a figure needs them. */
    private static final class WindowRecords {
        private final DeployLedger ledger;
        private final EnvironmentName environment;
        private final StatisticsWindow window;
        private List<DeployRecord> inWindow;

        WindowRecords(DeployLedger ledger, EnvironmentName environment, StatisticsWindow window) {
            this.ledger = ledger;
            this.environment = environment;
            this.window = window;
        }

        List<DeployRecord> inWindow() throws IOException {
            if (inWindow == null) {
                inWindow = DeployStatistics.inWindow(
                        ledger.readSince(window.getStart()).records(), environment, window);
            }
            return inWindow;
        }
    }

    /** The streak from the records: the window's run, continued before the window when it covers the window. */
    private static DeployStreak streakFromRecords(
            DeployLedger ledger, EnvironmentName environment, StatisticsWindow window, List<DeployRecord> inWindow)
            throws IOException {
        return continuedBeforeTheWindow(ledger, environment, window, inWindow, DeployStreak.newestRunOf(inWindow));
    }

    /** How many completed deploys before the window are asked for at first; each further page is 16 times more. */
    private static final int FIRST_PAGE = 100;

    /**
     * When the window's run covers every completed deploy of the window, counts the completed deploys before the
     * window that continue it, newest first by start ({@link DeployLedger#lastCompletedStartedBy}), up to the
     * first with the other outcome.
     */
    private static DeployStreak continuedBeforeTheWindow(
            DeployLedger ledger,
            EnvironmentName environment,
            StatisticsWindow window,
            List<DeployRecord> inWindow,
            DeployStreak windowStreak)
            throws IOException {
        if (windowStreak.getLength() != completedCount(inWindow)) {
            return windowStreak; // broken inside the window
        }
        Instant before = justBefore(window.getStart());
        DeployOutcome outcome = windowStreak.getOutcome().orElse(null);
        int more = 0;
        int seen = 0;
        for (int page = FIRST_PAGE; ; page = page > Integer.MAX_VALUE / 16 ? Integer.MAX_VALUE : page * 16) {
            List<DeployRecord> newestFirst = ledger.lastCompletedStartedBy(environment, before, page);
            for (int i = seen; i < newestFirst.size(); i++) {
                DeployOutcome older = newestFirst.get(i).getOutcome();
                if (outcome == null) {
                    outcome = older;
                } else if (older != outcome) {
                    return windowStreak.extendedBy(outcome, more);
                }
                more++;
            }
            if (newestFirst.size() < page) {
                return outcome == null ? windowStreak : windowStreak.extendedBy(outcome, more);
            }
            seen = newestFirst.size();
        }
    }

    /** @return the latest instant before {@code instant}: a record started by it started before {@code instant} */
    private static Instant justBefore(Instant instant) {
        return instant.minusNanos(1);
    }

    private static int saturated(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
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

    /** @return the environment's records in the window, in {@link DeployLedger#START_ORDER} (ties: append order) */
    private static List<DeployRecord> inWindow(
            List<DeployRecord> records, EnvironmentName environment, StatisticsWindow window) {
        List<DeployRecord> selected = new ArrayList<>();
        for (DeployRecord record : records) {
            if (record.getEnvironment().equals(environment) && window.contains(record.getStartedAt())) {
                selected.add(record);
            }
        }
        selected.sort(DeployLedger.START_ORDER); // stable: records it calls equal stay in append order
        return selected;
    }

    private static DeployRecord lastSuccess(List<DeployRecord> oldestFirst) {
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            if (oldestFirst.get(i).getOutcome() == DeployOutcome.SUCCESS) {
                return oldestFirst.get(i);
            }
        }
        return null;
    }

    private static int completedCount(List<DeployRecord> records) {
        return (int) records.stream().filter(r -> r.getOutcome().isCompleted()).count();
    }

    /**
     * For each failure, the time from its end to the end of the next successful deploy by start, if there is
     * one, 0 when negative.
     */
    private static DurationSketch.Mutable recoveryTimes(List<DeployRecord> oldestFirst) {
        DurationSketch.Mutable recoveries = new DurationSketch.Mutable();
        DeployRecord nextSuccess = null;
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            DeployRecord record = oldestFirst.get(i);
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                nextSuccess = record;
            } else if (record.getOutcome() == DeployOutcome.FAILURE && nextSuccess != null) {
                recoveries.add(recoveryTime(record.getEndedAt(), nextSuccess.getEndedAt()));
            }
        }
        return recoveries;
    }

    /**
     * @param failureEnded the end of a failed deploy
     * @param nextSuccessEnded the end of the next successful deploy by start
     * @return the failure's recovery time: from its end to the end of the success, 0 when negative
     */
    public static Duration recoveryTime(Instant failureEnded, Instant nextSuccessEnded) {
        return notNegative(Duration.between(failureEnded, nextSuccessEnded));
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

    /** The parts the statistics are made of, filled from the records or from a digest. */
    private static final class Figures {
        private final EnvironmentName environment;
        private final StatisticsWindow window;
        private final List<WeeklyBucket> weeks = new ArrayList<>();
        private final DurationSketch.Mutable durations = new DurationSketch.Mutable();
        private final DurationSketch.Mutable leadTimes = new DurationSketch.Mutable();
        private DurationSketch.Mutable recoveries = new DurationSketch.Mutable();
        private int[] neverDeployed = {0, 0};
        private int skippedLines;
        private DeployRecord lastSuccess;
        private DeployStreak streak = DeployStreak.none();
        private Instant historyStart;
        private Instant nextRecordStart;

        Figures(EnvironmentName environment, StatisticsWindow window) {
            this.environment = environment;
            this.window = window;
        }
    }

    public EnvironmentName getEnvironment() {
        return environment;
    }

    /** @return the weeks and bounds the statistics cover */
    public StatisticsWindow getWindow() {
        return window;
    }

    /**
     * @return how many torn or corrupted ledger lines there are: with a ledger {@link DeployLedger#digest digest},
     *     every unreadable line the ledger holds; without one, those met while reading the window; more than 0
     *     deserves a warning
     */
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

    /**
     * @return the index in {@link #getWeeks()} of the first week the {@link FrequencyClass} judges: the week of
     *     the environment's first record, or 0 when the history began by the window's first day
     */
    public int getFirstWeekJudged() {
        return historyStart == null ? 0 : window.weekOf(historyStart);
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

    /** @return the median duration of the completed deploys in the window ({@link DurationSketch}), or empty */
    public Optional<Duration> getMedianDuration() {
        return Optional.ofNullable(medianDuration);
    }

    /** @return the 90th percentile duration of the completed deploys in the window ({@link DurationSketch}), or empty */
    public Optional<Duration> getP90Duration() {
        return Optional.ofNullable(p90Duration);
    }

    /**
     * @return {@code now} minus the end of the successful deploy that started last (by {@code now}, in {@link
     *     DeployLedger#START_ORDER}; 0 if that deploy ends after {@code now}); looked up before the window by the
     *     ledger-backed {@code compute}; empty when there is none
     */
    public Optional<Duration> getTimeSinceLastSuccess() {
        return Optional.ofNullable(timeSinceLastSuccess);
    }

    /**
     * @return when the successful deploy that started last (by {@code now}, in {@link DeployLedger#START_ORDER})
     *     started, the instant the release gate's {@code FRESH} rule measures the age from; empty when there is
     *     none
     */
    public Optional<Instant> getLastSuccessStartedAt() {
        return Optional.ofNullable(lastSuccessStartedAt);
    }

    /** @return the current run of completed deploys with the same outcome, see {@link DeployStreak} */
    public DeployStreak getStreak() {
        return streak;
    }

    /**
     * Recovery time: for each FAILURE in the window, the time from its end to the end of the next SUCCESS
     * (by start time) of the same environment; the median ({@link DurationSketch}) over the failures that recovered.
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
     * negative because of clock skew); the median ({@link DurationSketch}).
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
                && Objects.equals(lastSuccessStartedAt, other.lastSuccessStartedAt)
                && streak.equals(other.streak)
                && Objects.equals(medianRecoveryTime, other.medianRecoveryTime)
                && Objects.equals(medianLeadTime, other.medianLeadTime)
                && Objects.equals(historyStart, other.historyStart)
                && Objects.equals(nextRecordStart, other.nextRecordStart);
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
