package io.jenkins.plugins.deployoften.model;

import static io.jenkins.plugins.deployoften.model.DeployOutcome.FAILURE;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.SKIPPED;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.SUCCESS;
import static io.jenkins.plugins.deployoften.model.DurationSketch.sketched;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.FOUR_WEEK_START;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.record;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.staging;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The ledger-backed {@code compute} against a real {@link FileDeployLedger}, on a 4-week window. */
public class DeployStatisticsLedgerTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private MutableClock clock;
    private FileDeployLedger ledger;

    @Before
    public void createLedger() throws IOException {
        clock = new MutableClock(FOUR_WEEK_START);
        ledger = new FileDeployLedger(
                temporary.newFolder("job").toPath(), clock, FileDeployLedger.Durability.OS_BUFFERED);
    }

    /** Appends as the plugin does: when the deploy has ended. */
    private void append(DeployRecord... records) throws IOException {
        for (DeployRecord record : records) {
            clock.set(record.getEndedAt());
            ledger.append(record);
        }
    }

    private static Instant beforeWindow(Duration ago) {
        return FOUR_WEEK_START.minus(ago);
    }

    @Test
    public void givesTheSameStatisticsAsThePureComputeForTheSameRecords() throws IOException {
        append(
                staging(1, SUCCESS, beforeWindow(Duration.ofDays(3))),
                staging(2, SUCCESS, "2026-02-24T10:00:00Z", Duration.ofMinutes(3)),
                staging(3, FAILURE, "2026-03-02T10:00:00Z", Duration.ofMinutes(5)),
                staging(4, SKIPPED, "2026-03-03T10:00:00Z", Duration.ZERO),
                record("production", 4, SUCCESS, Instant.parse("2026-03-03T11:00:00Z"), Duration.ofMinutes(9)),
                staging(5, SUCCESS, "2026-03-10T10:00:00Z", Duration.ofMinutes(4)),
                staging(7, FAILURE, "2026-03-17T10:00:00Z", Duration.ofMinutes(2)));

        DeployStatistics fromLedger = DeployStatistics.compute(ledger, STAGING, NOW, 4);
        // given build 1 too, the pure compute knows, as the ledger-backed one does, that history began earlier
        DeployStatistics fromRecords = DeployStatistics.compute(ledger.readAll().records(), STAGING, NOW, 4);

        assertThat(fromLedger).isEqualTo(fromRecords);
        // hand-computed: 2 ok, 2 failed in the window (build 1 is before it), streak broken inside the window
        assertThat(fromLedger.getSuccessful()).isEqualTo(2);
        assertThat(fromLedger.getChangeFailureRate()).contains(0.5);
        assertThat(fromLedger.getStreak().getLength()).isEqualTo(1);
        assertThat(fromLedger.getMissingBuilds()).isEqualTo(1); // build 6
        assertThat(fromLedger.getSkippedLines()).isZero();
    }

    @Test
    public void aJobThatBeganDeployingTodayIsJudgedOnTodayNotOnTheWholeWindow() throws IOException {
        // NOW is Wednesday 2026-03-18 12:00; three successful deploys this morning, nothing ever before
        append(
                staging(1, SUCCESS, "2026-03-18T08:00:00Z", Duration.ofMinutes(2)),
                staging(2, SUCCESS, "2026-03-18T09:00:00Z", Duration.ofMinutes(2)),
                staging(3, SUCCESS, "2026-03-18T10:00:00Z", Duration.ofMinutes(2)));

        DeployStatistics statistics = DeployStatistics.compute(ledger, STAGING, NOW, 4);

        assertThat(statistics.getDaysSoFar()).isEqualTo(1);
        assertThat(statistics.getHistoryStart()).contains(Instant.parse("2026-03-18T08:00:00Z"));
        assertThat(statistics.getDeploysPerWeek()).isEqualTo(21.0);
        // judged over its one week: a success in every week it has existed
        assertThat(statistics.getFrequencyClass()).isEqualTo(FrequencyClass.WEEKLY);
    }

    @Test
    public void theSameDeploysAfterAnOlderRecordAreJudgedOnTheWholeWindow() throws IOException {
        append(
                staging(1, FAILURE, beforeWindow(Duration.ofDays(40))),
                staging(2, SUCCESS, "2026-03-18T08:00:00Z", Duration.ofMinutes(2)),
                staging(3, SUCCESS, "2026-03-18T09:00:00Z", Duration.ofMinutes(2)),
                staging(4, SUCCESS, "2026-03-18T10:00:00Z", Duration.ofMinutes(2)));

        DeployStatistics statistics = DeployStatistics.compute(ledger, STAGING, NOW, 4);

        // three full weeks and Monday to Wednesday
        assertThat(statistics.getDaysSoFar()).isEqualTo(24);
        assertThat(statistics.getHistoryStart()).isEmpty();
        assertThat(statistics.getDeploysPerWeek()).isEqualTo(21.0 / 24);
        assertThat(statistics.getFrequencyClass()).isEqualTo(FrequencyClass.MONTHLY);
    }

    @Test
    public void daysSoFarStartAtTheUtcDayOfTheFirstRecordAndWeeksBeforeItAreNotJudged() throws IOException {
        // first record on Tuesday 2026-03-03, in the window's second week; the other environment is older
        append(
                record("production", 1, SUCCESS, beforeWindow(Duration.ofDays(2)), Duration.ofMinutes(1)),
                staging(2, SUCCESS, "2026-03-03T23:30:00Z", Duration.ofMinutes(1)),
                staging(3, SUCCESS, "2026-03-10T10:00:00Z", Duration.ofMinutes(1)),
                staging(4, SUCCESS, "2026-03-17T10:00:00Z", Duration.ofMinutes(1)));

        DeployStatistics statistics = DeployStatistics.compute(ledger, STAGING, NOW, 4);

        // Tuesday 03-03 to Wednesday 03-18, both included
        assertThat(statistics.getDaysSoFar()).isEqualTo(16);
        assertThat(statistics.getDeploysPerWeek()).isEqualTo(7.0 * 3 / 16);
        // weeks 2 to 4 each have a success: weekly; the empty first week, before the history, does not count
        assertThat(statistics.getFrequencyClass()).isEqualTo(FrequencyClass.WEEKLY);
        assertThat(DeployStatistics.compute(ledger.readSince(FOUR_WEEK_START).records(), STAGING, NOW, 4)
                        .getDaysSoFar())
                .isEqualTo(16);
    }

    @Test
    public void findsTheLastSuccessBeforeTheWindowWhenTheWindowHasNone() throws IOException {
        append(
                staging(1, SUCCESS, beforeWindow(Duration.ofDays(20))),
                staging(2, SUCCESS, beforeWindow(Duration.ofDays(10))),
                staging(3, FAILURE, beforeWindow(Duration.ofDays(5))),
                staging(4, FAILURE, "2026-03-17T10:00:00Z", Duration.ofMinutes(1)));

        DeployStatistics fromLedger = DeployStatistics.compute(ledger, STAGING, NOW, 4);
        DeployStatistics fromRecords =
                DeployStatistics.compute(ledger.readSince(FOUR_WEEK_START).records(), STAGING, NOW, 4);

        // build 2 ended 10 days before the window start minus its 1-minute duration; now is 3 weeks + 2.5 days in
        Duration expected = Duration.ofDays(10 + 21 + 2).plusHours(12).minusMinutes(1);
        assertThat(fromLedger.getTimeSinceLastSuccess()).contains(expected);
        assertThat(fromRecords.getTimeSinceLastSuccess()).isEmpty();
        // the failure streak continues before the window with build 3 and stops at build 2's success
        assertThat(fromLedger.getStreak().getOutcome()).contains(FAILURE);
        assertThat(fromLedger.getStreak().getLength()).isEqualTo(2);
        assertThat(fromRecords.getStreak().getLength()).isEqualTo(1);
    }

    @Test
    public void continuesAStreakThatCoversTheWholeWindowAndStopsAtTheFirstDeployThatBreaksIt() throws IOException {
        for (int build = 1; build <= 50; build++) {
            append(staging(build, SUCCESS, beforeWindow(Duration.ofDays(200 - build))));
        }
        append(
                staging(51, FAILURE, beforeWindow(Duration.ofDays(30))),
                staging(52, SUCCESS, beforeWindow(Duration.ofDays(20))),
                staging(53, SKIPPED, beforeWindow(Duration.ofDays(15))),
                staging(54, SUCCESS, beforeWindow(Duration.ofDays(10))),
                staging(55, SUCCESS, "2026-03-02T10:00:00Z", Duration.ofMinutes(1)),
                staging(56, SUCCESS, "2026-03-09T10:00:00Z", Duration.ofMinutes(1)),
                staging(57, SUCCESS, "2026-03-16T10:00:00Z", Duration.ofMinutes(1)));
        CountingLedger records = new CountingLedger(ledger, false);
        CountingLedger summary = new CountingLedger(ledger, true);

        DeployStatistics fromRecords = DeployStatistics.compute(records, STAGING, NOW, 4);
        DeployStatistics fromSummary = DeployStatistics.compute(summary, STAGING, NOW, 4);

        // 55, 56, 57 in the window plus 54 and 52 before it; 53 is skipped; 51 breaks the streak
        for (DeployStatistics statistics : List.of(fromRecords, fromSummary)) {
            assertThat(statistics.getStreak().getOutcome()).contains(SUCCESS);
            assertThat(statistics.getStreak().getLength()).isEqualTo(5);
        }
        assertThat(fromSummary).isEqualTo(fromRecords);
        // from the records: the continuation is one look-up by start (the file ledger answers it from its summary:
        // 56 completed deploys, fewer than it keeps), and the history-start look-up (55, the first in the window,
        // is not on its first day) sees 57, 56, 55, 54: builds 1 to 50 are never read
        assertThat(records.lastCompletedCalls).isEqualTo(1);
        assertThat(records.testedInFindLast).isEqualTo(4);
        // from the summary: nothing is read
        assertThat(summary.reads()).isZero();
    }

    @Test
    public void neverReadsTheWholeHistory() throws IOException {
        append(
                staging(1, SUCCESS, beforeWindow(Duration.ofDays(100))),
                staging(2, FAILURE, "2026-03-02T10:00:00Z", Duration.ofMinutes(1)),
                staging(3, SUCCESS, "2026-03-03T10:00:00Z", Duration.ofMinutes(1)));
        CountingLedger records = new CountingLedger(ledger, false);
        CountingLedger summary = new CountingLedger(ledger, true);

        DeployStatistics fromRecords = DeployStatistics.compute(records, STAGING, NOW, 4);
        DeployStatistics fromSummary = DeployStatistics.compute(summary, STAGING, NOW, 4);

        assertThat(records.readAllCalls).isZero();
        assertThat(records.readSinceFrom).isEqualTo(FOUR_WEEK_START);
        assertThat(summary.reads()).isZero();
        assertThat(fromRecords.getMedianRecoveryTime()).contains(sketched(Duration.ofDays(1)));
        assertThat(fromSummary).isEqualTo(fromRecords);
    }

    @Test
    public void reportsCorruptedLinesItSkipped() throws IOException {
        append(staging(1, SUCCESS, "2026-03-16T10:00:00Z", Duration.ofMinutes(1)));
        Files.write(ledger.getFile(), "{\"v\":1,\"torn".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        append(staging(2, SUCCESS, "2026-03-17T10:00:00Z", Duration.ofMinutes(1)));

        DeployStatistics statistics = DeployStatistics.compute(ledger, STAGING, NOW, 4);

        assertThat(statistics.getSkippedLines()).isEqualTo(1);
        assertThat(statistics.getSuccessful()).isEqualTo(2);
    }

    /** Delegates to a ledger and counts what the statistics ask of it; hides its digest unless told not to. */
    private static final class CountingLedger implements DeployLedger {
        private final DeployLedger delegate;
        private final boolean withDigest;
        private int readAllCalls;
        private int readSinceCalls;
        private Instant readSinceFrom;
        private int findLastCalls;
        private int testedInFindLast;
        private int lastSuccessCalls;
        private int lastCompletedCalls;

        CountingLedger(DeployLedger delegate, boolean withDigest) {
            this.delegate = delegate;
            this.withDigest = withDigest;
        }

        /** @return how many reads of records were asked for */
        int reads() {
            return readAllCalls + readSinceCalls + findLastCalls + lastSuccessCalls + lastCompletedCalls;
        }

        @Override
        public Optional<DeployDigest> digest(EnvironmentName environment) throws IOException {
            return withDigest ? delegate.digest(environment) : Optional.empty();
        }

        @Override
        public void append(DeployRecord record) throws IOException {
            delegate.append(record);
        }

        @Override
        public LedgerRead readSince(Instant from) throws IOException {
            readSinceCalls++;
            readSinceFrom = from;
            return delegate.readSince(from);
        }

        @Override
        public LedgerRead readAll() throws IOException {
            readAllCalls++;
            return delegate.readAll();
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
            findLastCalls++;
            return delegate.findLast(record -> {
                testedInFindLast++;
                return matching.test(record);
            });
        }

        @Override
        public Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now)
                throws IOException {
            lastSuccessCalls++;
            return delegate.lastSuccessStartedBy(environment, now);
        }

        @Override
        public List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count)
                throws IOException {
            lastCompletedCalls++;
            return delegate.lastCompletedStartedBy(environment, now, count);
        }

        @Override
        public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
            return delegate.readRecent(skip, limit);
        }

        @Override
        public String version() throws IOException {
            return delegate.version();
        }

        @Override
        public Compaction compact(Instant horizon) throws IOException {
            return delegate.compact(horizon);
        }
    }
}
