package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployDigest;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.MutableClock;
import io.jenkins.plugins.deployoften.model.StatisticsWindow;
import io.jenkins.plugins.deployoften.model.WeeklyBucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Statistics answered from the file ledger's summary equal those of a full scan sorted by start time (the
 * records' computation given every record), on seeded random histories with several environments, every outcome,
 * out-of-order starts, recording clocks stepped back and forward by hours, days and years, records started after
 * {@code now} (a skewed clock), same-start ties, long runs, bursts and torn lines; for several {@code now}s and
 * windows of 1 to 520 weeks. The summary is caught up between appends (and sometimes read back from its file or
 * rebuilt), so what is checked is the fold after appends, and it must equal a rebuild of the same ledger.
 */
public class StatisticsFromSummaryPropertyTest {
    private static final Instant T0 = Instant.parse("2024-03-04T08:00:00Z");
    private static final List<EnvironmentName> ENVIRONMENTS = List.of(
            EnvironmentName.of("production"),
            EnvironmentName.of("staging"),
            EnvironmentName.of("qa"),
            EnvironmentName.of("never-deployed"));
    private static final int[] WINDOWS = {1, 4, 12, 52, 520};

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    /** What the runs saw, so the test can say it exercised both the summary and its fall-backs. */
    private int answeredWithoutReads;

    private int answeredWithReads;

    @Test
    public void statisticsFromTheSummaryEqualAFullScanSortedByStart() throws IOException {
        for (long seed = 1; seed <= 16; seed++) {
            checkHistory(seed, 700, false);
        }
        // the summary path must have answered most questions on its own, and the fall-backs must have been taken
        assertThat(answeredWithoutReads).isGreaterThan(1500);
        assertThat(answeredWithReads).isGreaterThan(80);
    }

    @Test
    public void whatTheSummaryCannotKeepFallsBackAndStillAgrees() throws IOException {
        // in order, so only what is checked here makes a figure inexact: a day with more build numbers than the
        // summary keeps, more failures in a row than it keeps pending, and (last) a failure replayed inside a
        // long run of successes, older than every completed deploy kept
        for (long seed = 101; seed <= 102; seed++) {
            FileDeployLedger ledger = checkHistory(seed, 300, true);
            LedgerSummary summary = ledger.currentSummary().orElseThrow();
            LedgerSummary.Environment staging =
                    summary.environment(EnvironmentName.of("staging")).orElseThrow();
            assertThat(staging.getDays().values()).anyMatch(day -> day.builds().isTooMany());
            LedgerSummary.Environment production =
                    summary.environment(EnvironmentName.of("production")).orElseThrow();
            assertThat(production.getRecoveriesInexactThrough()).isPresent();
            LedgerSummary.Environment qa =
                    summary.environment(EnvironmentName.of("qa")).orElseThrow();
            assertThat(qa.getStreak().exact()).isFalse();
            assertThat(summary.digest(EnvironmentName.of("qa")).getStreak()).isEmpty();
        }
    }

    private FileDeployLedger checkHistory(long seed, int size, boolean bursts) throws IOException {
        Random random = new Random(seed);
        Path directory = temporary.newFolder("job-" + seed).toPath();
        MutableClock clock = new MutableClock(T0);
        FileDeployLedger ledger = new FileDeployLedger(directory, clock, FileDeployLedger.Durability.OS_BUFFERED);
        History history = new History(random, !bursts);
        List<DeployRecord> appended = new ArrayList<>();
        int checkpoints = 0;
        for (int i = 0; i < size; i++) {
            List<DeployRecord> next = List.of(history.next());
            if (bursts && i == size / 2) {
                next = history.burst();
            } else if (bursts && i == size - 1) {
                next = history.greenRunAndAFailureReplayedInside();
            }
            for (DeployRecord record : next) {
                clock.set(record.getEndedAt().plus(history.recordingSkew()));
                ledger.append(record);
                appended.add(record);
            }
            if (random.nextInt(60) == 0) {
                tear(ledger.getFile(), random);
            }
            if (random.nextInt(size / 6) == 0 || i == size - 1 || (bursts && i == size / 2)) {
                switch (random.nextInt(4)) {
                    case 0:
                        FileDeployLedger.forgetSummariesInMemory(); // read it back from its file
                        break;
                    case 1:
                        FileDeployLedger.forgetSummariesInMemory();
                        Files.deleteIfExists(directory.resolve(LedgerSummaryFile.FILE_NAME)); // rebuilt
                        break;
                    default:
                        break; // caught up in memory
                }
                compareAll(ledger, appended, history, random, "seed " + seed + " after " + appended.size());
                checkpoints++;
            }
        }
        assertThat(checkpoints).isGreaterThan(1);
        assertFoldEqualsRebuild(ledger, "seed " + seed);
        return ledger;
    }

    /** Every statistics question asked of the summary, against the full scan sorted by start. */
    private void compareAll(
            FileDeployLedger ledger, List<DeployRecord> appended, History history, Random random, String context)
            throws IOException {
        LedgerRead all = ledger.readAll();
        assertThat(all.records()).as(context).isEqualTo(appended);
        for (Instant now : nows(appended, history, random)) {
            for (int weeks : WINDOWS) {
                for (EnvironmentName environment : ENVIRONMENTS) {
                    String what = context + ", " + environment + " at " + now + " over " + weeks + " weeks";
                    CountingLedger counting = new CountingLedger(ledger);
                    DeployStatistics fromSummary = DeployStatistics.compute(counting, environment, now, weeks);
                    DeployStatistics fullScan = DeployStatistics.compute(all.records(), environment, now, weeks);
                    assertThat(figures(fromSummary)).as(what).isEqualTo(figures(fullScan));
                    assertThat(fromSummary.getSkippedLines()).as(what).isEqualTo(all.skippedLines());
                    if (counting.reads == 0) {
                        answeredWithoutReads++;
                    } else {
                        answeredWithReads++;
                    }
                    if (random.nextInt(8) == 0) {
                        // the records' way on the same ledger, without its digest, agrees too
                        DeployStatistics fromRecords =
                                DeployStatistics.compute(new DefaultsOnlyLedger(ledger), environment, now, weeks);
                        assertThat(figures(fromRecords))
                                .as(what + " from the records")
                                .isEqualTo(figures(fullScan));
                    }
                }
            }
        }
    }

    /**
     * The {@code now}s asked about: after every start, at the latest start, at a random record's start (records
     * started after it exist: a skewed clock), the Monday of that week at midnight, and years later.
     */
    private static List<Instant> nows(List<DeployRecord> appended, History history, Random random) {
        Instant latest = appended.stream()
                .map(DeployRecord::getStartedAt)
                .max(Instant::compareTo)
                .orElseThrow();
        Instant some = appended.get(random.nextInt(appended.size())).getStartedAt();
        Instant monday = some.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return List.of(
                latest.plus(Duration.ofHours(1 + random.nextInt(48))),
                latest,
                some,
                monday,
                history.trueTime(),
                latest.plus(Duration.ofDays(365 * 3 + random.nextInt(30))));
    }

    /** The summary caught up by appends equals the summary rebuilt from the ledger, append-order facts too. */
    private static void assertFoldEqualsRebuild(FileDeployLedger ledger, String context) throws IOException {
        LedgerSummary folded = ledger.currentSummary().orElseThrow();
        LedgerSummary rebuilt = new LedgerSummaryFile(ledger.getFile().getParent()).rebuild();
        assertThat(folded).as(context).isEqualTo(rebuilt);
        assertThat(LedgerSummaryFormat.encode(folded)).as(context).isEqualTo(LedgerSummaryFormat.encode(rebuilt));
    }

    /** A line torn by a crash: part of a record, closed by the next append; or a whole line of junk. */
    private static void tear(Path ledger, Random random) throws IOException {
        String torn = random.nextBoolean() ? "{\"v\":1,\"recorded\":\"2026-01-0" : "junk that is not JSON\n";
        Files.write(ledger, torn.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    }

    /** Every figure the statistics show, but the unreadable lines (checked on their own), as text to compare. */
    static List<String> figures(DeployStatistics statistics) {
        List<String> figures = new ArrayList<>(List.of(
                "window " + statistics.getWindow().getStart() + " "
                        + statistics.getWindow().getNow(),
                "days so far " + statistics.getDaysSoFar(),
                "per week " + statistics.getDeploysPerWeek(),
                "class " + statistics.getFrequencyClass(),
                "history start " + statistics.getHistoryStart(),
                "since last success " + statistics.getTimeSinceLastSuccess(),
                "counts " + statistics.getSuccessful() + " " + statistics.getFailed() + " " + statistics.getAborted()
                        + " " + statistics.getSkipped(),
                "failure rate " + statistics.getChangeFailureRate(),
                "durations " + statistics.getMedianDuration() + " " + statistics.getP90Duration(),
                "streak " + statistics.getStreak(),
                "recovery " + statistics.getMedianRecoveryTime() + " " + statistics.getRecoveredFailures() + " "
                        + statistics.getUnrecoveredFailures(),
                "lead time " + statistics.getMedianLeadTime(),
                "builds " + statistics.getSkippedBuildsNeverDeployed() + " " + statistics.getMissingBuilds(),
                "dora " + statistics.getDoraDeploymentFrequency() + " " + statistics.getDoraChangeFailureRate() + " "
                        + statistics.getDoraRecoveryTime()));
        for (WeeklyBucket week : statistics.getWeeks()) {
            figures.add("week " + week + " " + week.getDaysWithSuccess() + " " + week.getMedianDuration() + " "
                    + week.getP90Duration());
        }
        Instant now = statistics.getWindow().getNow();
        for (Duration later : List.of(Duration.ofMillis(1), Duration.ofHours(1), Duration.ofDays(1))) {
            figures.add("can move " + later + " " + statistics.canMoveTo(now.plus(later)));
        }
        return figures;
    }

    /**
     * A job's deploys as a controller with a misbehaving clock appends them: true time moves on a few hours per
     * deploy; the clock that stamps starts is sometimes stepped back or forward by hours, days or years (and set
     * right again later); now and then a batch of old deploys is replayed late; some deploys share a start.
     */
    private static final class History {
        private final Random random;
        private final boolean misbehaving;
        private Instant trueTime = T0;
        private Duration clockOffset = Duration.ZERO;
        private int build = 1;
        private final List<DeployRecord> made = new ArrayList<>();

        /**
         * @param misbehaving whether the clock steps, old deploys are replayed and starts are shared; if not, the
         *     deploys come in start order
         */
        History(Random random, boolean misbehaving) {
            this.random = random;
            this.misbehaving = misbehaving;
        }

        Instant trueTime() {
            return trueTime;
        }

        /** @return how far the clock that stamps "recorded" is off: never relied on, so anything */
        Duration recordingSkew() {
            return random.nextInt(10) == 0 ? Duration.ofDays(random.nextInt(2000) - 1000) : Duration.ZERO;
        }

        DeployRecord next() {
            trueTime = trueTime.plus(Duration.ofMinutes(30 + random.nextInt(8 * 60)));
            int step = misbehaving ? random.nextInt(100) : 99;
            if (step < 3) {
                clockOffset = Duration.ZERO; // set right
            } else if (step < 5) {
                clockOffset = Duration.ofHours(random.nextInt(48) - 24);
            } else if (step < 7) {
                clockOffset = Duration.ofDays(random.nextInt(60) - 30);
            } else if (step == 7) {
                clockOffset = Duration.ofDays(365L * (random.nextInt(7) - 3));
            }
            Instant start;
            if (misbehaving && !made.isEmpty() && random.nextInt(12) == 0) {
                start = made.get(random.nextInt(made.size())).getStartedAt(); // an equal start
            } else if (misbehaving && !made.isEmpty() && random.nextInt(25) == 0) {
                // replayed late: started long before the latest
                start = trueTime.minus(Duration.ofDays(random.nextInt(400))).plusMillis(random.nextInt(1000));
            } else {
                start = trueTime.plus(clockOffset).plusMillis(random.nextInt(1000));
            }
            DeployRecord record = record(start);
            made.add(record);
            return record;
        }

        /** Many deploys of one environment on one day, and a long run of failures after them. */
        List<DeployRecord> burst() {
            List<DeployRecord> burst = new ArrayList<>();
            Instant day = trueTime.plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            for (int i = 0; i < 1_500; i++) {
                // some 1,200 build numbers in 12.5 hours of one UTC day
                burst.add(record(
                        "staging", DeployOutcome.SUCCESS, day.plusSeconds(30L * i), Duration.ofSeconds(1 + i % 50)));
            }
            for (int i = 0; i < 1_050; i++) {
                burst.add(record(
                        "production",
                        DeployOutcome.FAILURE,
                        day.plus(Duration.ofHours(i)),
                        Duration.ofSeconds(1 + i % 70)));
            }
            burst.add(record("production", DeployOutcome.SUCCESS, day.plus(Duration.ofHours(1_060)), Duration.ZERO));
            trueTime = day.plus(Duration.ofHours(1_061));
            made.addAll(burst);
            return burst;
        }

        /**
         * 150 successful deploys to qa in a row, then a failure replayed late that started after the qa deploy
         * before them but before the newest 100 of them: the run's length is not known from what the summary keeps.
         */
        List<DeployRecord> greenRunAndAFailureReplayedInside() {
            List<DeployRecord> run = new ArrayList<>();
            Instant from = trueTime.plus(Duration.ofHours(1));
            for (int i = 0; i < 150; i++) {
                run.add(record("qa", DeployOutcome.SUCCESS, from.plus(Duration.ofHours(i)), Duration.ofMinutes(3)));
            }
            run.add(record("qa", DeployOutcome.FAILURE, from.plus(Duration.ofMinutes(20 * 60 + 30)), Duration.ZERO));
            trueTime = from.plus(Duration.ofHours(150));
            made.addAll(run);
            return run;
        }

        private DeployRecord record(Instant start) {
            String environment =
                    ENVIRONMENTS.get(random.nextInt(ENVIRONMENTS.size() - 1)).value();
            int roll = random.nextInt(100);
            DeployOutcome outcome = roll < 62
                    ? DeployOutcome.SUCCESS
                    : roll < 85 ? DeployOutcome.FAILURE : roll < 93 ? DeployOutcome.ABORTED : DeployOutcome.SKIPPED;
            Duration duration =
                    switch (random.nextInt(5)) {
                        case 0 -> Duration.ZERO;
                        case 1 -> Duration.ofMillis(random.nextInt(1000));
                        case 2 -> Duration.ofHours(1 + random.nextInt(30));
                        default -> Duration.ofMillis(1000 + random.nextInt(900_000));
                    };
            return record(environment, outcome, start, duration);
        }

        private DeployRecord record(String environment, DeployOutcome outcome, Instant start, Duration duration) {
            int roll = random.nextInt(10);
            if (roll < 7) {
                build++; // the next build
            } else if (roll < 8) {
                build += 1 + random.nextInt(5); // builds that never reached the deploy
            } // else: the same build again (a retry, another environment)
            DeployRecord.Builder record = DeployRecord.builder(environment, "folder/app", build)
                    .outcome(outcome)
                    .startedAt(start)
                    .duration(duration);
            if (random.nextInt(3) != 0) {
                record.commit("c" + build);
                // mostly before the start; sometimes after the end (a skewed clock: lead time 0)
                record.commitTime(start.minus(Duration.ofMinutes(random.nextInt(5 * 24 * 60) - 30)));
            }
            return record.build();
        }
    }

    /** Delegates to the file ledger, its digest included, and counts the reads of records the statistics make. */
    private static final class CountingLedger implements DeployLedger {
        private final DeployLedger delegate;
        private int reads;

        CountingLedger(DeployLedger delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<DeployDigest> digest(EnvironmentName environment) throws IOException {
            return delegate.digest(environment);
        }

        @Override
        public void append(DeployRecord record) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public LedgerRead readSince(Instant from) throws IOException {
            reads++;
            return delegate.readSince(from);
        }

        @Override
        public LedgerRead readAll() throws IOException {
            reads++;
            return delegate.readAll();
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
            reads++;
            return delegate.findLast(matching);
        }

        @Override
        public Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now)
                throws IOException {
            reads++;
            return delegate.lastSuccessStartedBy(environment, now);
        }

        @Override
        public List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count)
                throws IOException {
            reads++;
            return delegate.lastCompletedStartedBy(environment, now, count);
        }

        @Override
        public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
            reads++;
            return delegate.readRecent(skip, limit);
        }

        @Override
        public String version() throws IOException {
            return delegate.version();
        }

        @Override
        public Compaction compact(Instant horizon) {
            throw new UnsupportedOperationException("read only");
        }
    }

    static {
        // the window sizes asked about span what the statistics allow
        assertThat(WINDOWS[0]).isEqualTo(StatisticsWindow.MIN_WEEKS);
        assertThat(WINDOWS[WINDOWS.length - 1]).isEqualTo(StatisticsWindow.MAX_WEEKS);
    }
}
