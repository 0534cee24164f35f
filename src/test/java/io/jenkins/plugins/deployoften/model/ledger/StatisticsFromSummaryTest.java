package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.StatisticsFromSummaryPropertyTest.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployDigest;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * An always-green history: the summary gives the streak's real length (5,000, not "at least 100") without reading
 * a record, and when a replayed record makes the length unknown, the statistics read it from the records, until
 * the next change of outcome makes it known again.
 */
public class StatisticsFromSummaryTest {
    private static final EnvironmentName PRODUCTION = EnvironmentName.of("production");
    private static final Instant FIRST = Instant.parse("2023-01-02T09:00:00Z");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private MutableClock clock;
    private FileDeployLedger ledger;

    @Before
    public void createLedger() throws IOException {
        clock = new MutableClock(FIRST);
        ledger = new FileDeployLedger(
                temporary.newFolder("job").toPath(), clock, FileDeployLedger.Durability.OS_BUFFERED);
    }

    private void append(DeployRecord record) throws IOException {
        clock.set(record.getEndedAt());
        ledger.append(record);
    }

    private static DeployRecord record(int build, DeployOutcome outcome, Instant started) {
        return DeployRecord.builder("production", "shop/web", build)
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofMinutes(4))
                .build();
    }

    /** The i-th deploy of the always-green history: five a day, every day. */
    private static Instant startOf(int i) {
        return FIRST.plus(Duration.ofDays(i / 5)).plus(Duration.ofHours(2L * (i % 5)));
    }

    @Test
    public void anAlwaysGreenStreakOf5000IsExactWithoutReadingARecord() throws IOException {
        for (int i = 0; i < 5_000; i++) {
            append(record(i + 1, DeployOutcome.SUCCESS, startOf(i)));
        }
        Instant now = startOf(4_999).plus(Duration.ofHours(3));
        for (int weeks : new int[] {1, 12, 520}) {
            DeployStatistics statistics = DeployStatistics.compute(new NoReads(ledger), PRODUCTION, now, weeks);

            assertThat(statistics.getStreak().getOutcome()).contains(DeployOutcome.SUCCESS);
            assertThat(statistics.getStreak().getLength()).isEqualTo(5_000);
            assertThat(figures(statistics))
                    .isEqualTo(figures(DeployStatistics.compute(ledger.readAll().records(), PRODUCTION, now, weeks)));
        }
    }

    @Test
    public void aFailureReplayedInsideTheRunIsReadFromTheRecordsUntilTheOutcomeChangesAgain() throws IOException {
        for (int i = 0; i < 5_000; i++) {
            append(record(i + 1, DeployOutcome.SUCCESS, startOf(i)));
        }
        // a failure of two years ago, replayed late: inside the run, older than the 100 deploys the summary keeps
        append(record(9_001, DeployOutcome.FAILURE, startOf(1_500).plusSeconds(60)));
        Instant now = startOf(4_999).plus(Duration.ofHours(3));

        assertThat(ledger.currentSummary().orElseThrow().digest(PRODUCTION).getStreak())
                .isEmpty();
        assertThatThrownBy(() -> DeployStatistics.compute(new NoReads(ledger), PRODUCTION, now, 12))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("read");
        DeployStatistics statistics = DeployStatistics.compute(ledger, PRODUCTION, now, 12);
        // the successes started after it: 1,501 to 4,999
        assertThat(statistics.getStreak().getLength()).isEqualTo(3_499);
        assertThat(figures(statistics))
                .isEqualTo(figures(DeployStatistics.compute(ledger.readAll().records(), PRODUCTION, now, 12)));

        // a failure in start order: the run is known again, and so is every run after it
        append(record(9_002, DeployOutcome.FAILURE, startOf(5_000)));
        Instant later = startOf(5_000).plus(Duration.ofHours(1));
        assertThat(DeployStatistics.compute(new NoReads(ledger), PRODUCTION, later, 12)
                        .getStreak()
                        .toString())
                .isEqualTo("1 x FAILURE");
        for (int i = 5_001; i <= 5_003; i++) {
            append(record(9_000 + i, DeployOutcome.SUCCESS, startOf(i)));
        }
        Instant latest = startOf(5_003).plus(Duration.ofHours(1));
        DeployStatistics afterRecovery = DeployStatistics.compute(new NoReads(ledger), PRODUCTION, latest, 12);
        assertThat(afterRecovery.getStreak().toString()).isEqualTo("3 x SUCCESS");
        assertThat(figures(afterRecovery))
                .isEqualTo(figures(DeployStatistics.compute(ledger.readAll().records(), PRODUCTION, latest, 12)));
    }

    @Test
    public void aFailureReplayedOlderThanEveryRecordKeepsTheRunKnown() throws IOException {
        for (int i = 0; i < 300; i++) {
            append(record(i + 1, DeployOutcome.SUCCESS, startOf(i)));
        }
        append(record(1_000, DeployOutcome.FAILURE, FIRST.minus(Duration.ofDays(30))));
        Instant now = startOf(299).plus(Duration.ofHours(3));

        DeployStatistics statistics = DeployStatistics.compute(new NoReads(ledger), PRODUCTION, now, 12);

        assertThat(statistics.getStreak().getLength()).isEqualTo(300);
    }

    /** Answers the digest and the version only: any read of records fails the test. */
    private static final class NoReads implements DeployLedger {
        private final DeployLedger delegate;

        NoReads(DeployLedger delegate) {
            this.delegate = delegate;
        }

        private static AssertionError read(String what) {
            return new AssertionError("the statistics read the records: " + what);
        }

        @Override
        public Optional<DeployDigest> digest(EnvironmentName environment) throws IOException {
            return delegate.digest(environment);
        }

        @Override
        public String version() throws IOException {
            return delegate.version();
        }

        @Override
        public void append(DeployRecord record) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public LedgerRead readSince(Instant from) {
            throw read("readSince " + from);
        }

        @Override
        public LedgerRead readAll() {
            throw read("readAll");
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) {
            throw read("findLast");
        }

        @Override
        public Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now) {
            throw read("lastSuccessStartedBy");
        }

        @Override
        public List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count) {
            throw read("lastCompletedStartedBy");
        }

        @Override
        public List<DeployRecord> readRecent(int skip, int limit) {
            throw read("readRecent");
        }

        @Override
        public Compaction compact(Instant horizon) {
            throw new UnsupportedOperationException("read only");
        }
    }
}
