package io.jenkins.plugins.deployoften.model;

import static io.jenkins.plugins.deployoften.model.DeployOutcome.ABORTED;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.FAILURE;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.SKIPPED;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.SUCCESS;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.FOUR_WEEK_START;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The figures of docs/statistics.md that say which record is "last" or "next" mean by start time ({@link
 * DeployLedger#START_ORDER}: ties by the greater build number), never by append order, and the percentiles are
 * the duration sketch's, on every path: the records given, a file ledger answering from its summary, and the same
 * ledger read record by record (its digest hidden). Each history is appended out of start order, so that append
 * order would give another answer.
 */
public class DeployStatisticsStartOrderTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    /** The statistics on every path, after checking that they agree. */
    private DeployStatistics everyPath(DeployRecord... appendOrder) throws IOException {
        MutableClock clock = new MutableClock(NOW);
        FileDeployLedger ledger =
                new FileDeployLedger(temporary.newFolder().toPath(), clock, FileDeployLedger.Durability.OS_BUFFERED);
        for (DeployRecord record : appendOrder) {
            clock.set(record.getEndedAt());
            ledger.append(record);
        }
        DeployStatistics given = DeployStatistics.compute(List.of(appendOrder), STAGING, NOW, 4);
        DeployStatistics summary = DeployStatistics.compute(ledger, STAGING, NOW, 4);
        DeployStatistics records = DeployStatistics.compute(new WithoutDigest(ledger), STAGING, NOW, 4);
        assertThat(ledger.digest(STAGING)).isPresent();
        assertThat(summary).isEqualTo(given);
        assertThat(records).isEqualTo(given);
        return given;
    }

    private static DeployRecord staging(int build, DeployOutcome outcome, String startedAt, Duration duration) {
        return StatisticsFixtures.staging(build, outcome, startedAt, duration);
    }

    @Test
    public void timeSinceLastSuccessIsFromTheEndOfTheSuccessThatStartedLast() throws IOException {
        // build 3 started first but ran three hours, so it ended (and was appended) after build 4
        DeployStatistics statistics = everyPath(
                staging(4, SUCCESS, "2026-03-18T09:00:00Z", Duration.ofMinutes(5)),
                staging(3, SUCCESS, "2026-03-18T08:00:00Z", Duration.ofHours(3)));

        assertThat(statistics.getTimeSinceLastSuccess())
                .contains(Duration.ofHours(2).plusMinutes(55));
    }

    @Test
    public void theLastSuccessBeforeTheWindowIsTheOneThatStartedLast() throws IOException {
        // no success in the window: the last one before it, by start, is build 2, appended before build 1
        DeployStatistics statistics = everyPath(
                staging(2, SUCCESS, "2026-02-20T10:00:00Z", Duration.ofMinutes(1)),
                staging(1, SUCCESS, "2026-02-10T10:00:00Z", Duration.ofMinutes(1)),
                staging(5, FAILURE, "2026-03-17T10:00:00Z", Duration.ofMinutes(1)));

        assertThat(statistics.getTimeSinceLastSuccess())
                .contains(Duration.between(Instant.parse("2026-02-20T10:01:00Z"), NOW));
    }

    @Test
    public void theStreakRunsNewestFirstByStartNotByAppend() throws IOException {
        // by start: success (1), failure (2), success (3), success (4); appended: 1, 3, 4, then 2 late. By append
        // order the newest would be the failure; by start the run is the two successes after it.
        DeployStatistics statistics = everyPath(
                staging(1, SUCCESS, "2026-03-02T10:00:00Z", Duration.ofMinutes(1)),
                staging(3, SUCCESS, "2026-03-10T10:00:00Z", Duration.ofMinutes(1)),
                staging(4, SUCCESS, "2026-03-11T10:00:00Z", Duration.ofMinutes(1)),
                staging(2, FAILURE, "2026-03-09T10:00:00Z", Duration.ofMinutes(1)),
                staging(5, SKIPPED, "2026-03-12T10:00:00Z", Duration.ZERO),
                staging(6, ABORTED, "2026-03-12T11:00:00Z", Duration.ZERO));

        assertThat(statistics.getStreak().toString()).isEqualTo("2 x SUCCESS");
    }

    @Test
    public void aStreakCoveringTheWindowContinuesBeforeItByStart() throws IOException {
        // before the window, by start: failure (1), success (2), success (3); build 1 was appended last
        DeployStatistics statistics = everyPath(
                staging(2, SUCCESS, "2026-02-01T10:00:00Z", Duration.ofMinutes(1)),
                staging(3, SUCCESS, "2026-02-10T10:00:00Z", Duration.ofMinutes(1)),
                staging(4, SUCCESS, "2026-03-10T10:00:00Z", Duration.ofMinutes(1)),
                staging(1, FAILURE, "2026-01-20T10:00:00Z", Duration.ofMinutes(1)));

        assertThat(statistics.getStreak().toString()).isEqualTo("3 x SUCCESS");
    }

    @Test
    public void ofTwoDeploysThatStartedTogetherTheGreaterBuildIsTheLater() throws IOException {
        // same start: build 9 (success) is later than build 8 (failure), whatever the append order
        DeployStatistics statistics = everyPath(
                staging(9, SUCCESS, "2026-03-17T10:00:00Z", Duration.ofMinutes(1)),
                staging(8, FAILURE, "2026-03-17T10:00:00Z", Duration.ofMinutes(30)));

        assertThat(statistics.getStreak().toString()).isEqualTo("1 x SUCCESS");
        assertThat(statistics.getTimeSinceLastSuccess())
                .contains(Duration.ofHours(25).plusMinutes(59));
        // the failure is followed, by start, by build 9: it recovered when build 9 ended (before the failure
        // ended: 0)
        assertThat(statistics.getRecoveredFailures()).isEqualTo(1);
        assertThat(statistics.getMedianRecoveryTime()).contains(Duration.ZERO);
    }

    @Test
    public void recoveryIsToTheEndOfTheNextSuccessByStart() throws IOException {
        // failure 10:00-10:10; by start the next success is build 2 (10:30, ends 12:30), appended after build 3
        // (11:00, ends 11:05), which ended first
        DeployStatistics statistics = everyPath(
                staging(1, FAILURE, "2026-03-16T10:00:00Z", Duration.ofMinutes(10)),
                staging(3, SUCCESS, "2026-03-16T11:00:00Z", Duration.ofMinutes(5)),
                staging(2, SUCCESS, "2026-03-16T10:30:00Z", Duration.ofHours(2)),
                staging(4, FAILURE, "2026-03-17T10:00:00Z", Duration.ofMinutes(10)));

        assertThat(statistics.getRecoveredFailures()).isEqualTo(1);
        assertThat(statistics.getUnrecoveredFailures()).isEqualTo(1);
        assertThat(statistics.getMedianRecoveryTime())
                .contains(DurationSketch.sketched(Duration.ofHours(2).plusMinutes(20)));
    }

    @Test
    public void theHistoryStartIsTheFirstRecordByStart() throws IOException {
        // the first record in the window is on Tuesday 03-03, but one appended last started before the window
        DeployStatistics began = everyPath(
                staging(2, SUCCESS, "2026-03-03T10:00:00Z", Duration.ofMinutes(1)),
                staging(3, SUCCESS, "2026-03-10T10:00:00Z", Duration.ofMinutes(1)));
        DeployStatistics older = everyPath(
                staging(2, SUCCESS, "2026-03-03T10:00:00Z", Duration.ofMinutes(1)),
                staging(3, SUCCESS, "2026-03-10T10:00:00Z", Duration.ofMinutes(1)),
                staging(1, SKIPPED, FOUR_WEEK_START.minus(Duration.ofDays(1)).toString(), Duration.ZERO));

        assertThat(began.getHistoryStart()).contains(Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(began.getDaysSoFar()).isEqualTo(16);
        assertThat(older.getHistoryStart()).isEmpty();
        assertThat(older.getDaysSoFar()).isEqualTo(24);
    }

    @Test
    public void percentilesAreTheNearestRankValueWithinOnePercent() throws IOException {
        List<DeployRecord> records = new ArrayList<>();
        for (int minutes = 1; minutes <= 10; minutes++) {
            // appended newest first
            records.add(
                    0,
                    record(
                            "staging",
                            minutes,
                            minutes % 3 == 0 ? FAILURE : SUCCESS,
                            FOUR_WEEK_START.plus(Duration.ofDays(minutes)),
                            Duration.ofMinutes(minutes).plusMillis(minutes * 37L)));
        }
        DeployStatistics statistics = everyPath(records.toArray(new DeployRecord[0]));

        // nearest rank of 10: the median is rank 5 (5 min 185 ms), the p90 rank 9 (9 min 333 ms)
        Duration median = Duration.ofMinutes(5).plusMillis(185);
        Duration p90 = Duration.ofMinutes(9).plusMillis(333);
        assertWithinOnePercent(statistics.getMedianDuration().orElseThrow(), median);
        assertWithinOnePercent(statistics.getP90Duration().orElseThrow(), p90);
        assertThat(statistics.getMedianDuration()).contains(DurationSketch.sketched(median));
        assertThat(statistics.getP90Duration()).contains(DurationSketch.sketched(p90));
    }

    private static void assertWithinOnePercent(Duration actual, Duration exact) {
        assertThat((double) Math.abs(actual.toMillis() - exact.toMillis()))
                .isLessThanOrEqualTo(DurationSketch.RELATIVE_ACCURACY * exact.toMillis() + 0.5);
    }

    /** The ledger with its digest hidden: the statistics read its records. */
    private static final class WithoutDigest implements DeployLedger {
        private final DeployLedger ledger;

        WithoutDigest(DeployLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void append(DeployRecord record) throws IOException {
            ledger.append(record);
        }

        @Override
        public LedgerRead readSince(Instant from) throws IOException {
            return ledger.readSince(from);
        }

        @Override
        public LedgerRead readAll() throws IOException {
            return ledger.readAll();
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
            return ledger.findLast(matching);
        }

        @Override
        public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
            return ledger.readRecent(skip, limit);
        }

        @Override
        public String version() {
            try {
                return ledger.version();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Compaction compact(Instant horizon) throws IOException {
            return ledger.compact(horizon);
        }
    }
}
