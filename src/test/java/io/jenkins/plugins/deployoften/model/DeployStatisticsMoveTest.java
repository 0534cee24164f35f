package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.model.view.EnglishBadgeTexts;
import io.jenkins.plugins.deployoften.model.view.EnglishChartLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.Test;

/**
 * {@link DeployStatistics#at(Instant)}: statistics computed at {@code t0} and moved to a later {@code t1} of the
 * same ISO week equal a fresh computation at {@code t1} from the same ledger, on every figure the pages show.
 */
public class DeployStatisticsMoveTest {
    /** Monday 00:00 UTC of the week under test. */
    private static final Instant MONDAY = Instant.parse("2026-06-01T00:00:00Z");

    private static final Instant NEXT_MONDAY = MONDAY.plus(Duration.ofDays(7));

    private static final EnvironmentName STAGING = EnvironmentName.of("staging");

    private static final DeployOutcome[] OUTCOMES = {
        DeployOutcome.SUCCESS,
        DeployOutcome.SUCCESS,
        DeployOutcome.SUCCESS,
        DeployOutcome.SUCCESS,
        DeployOutcome.SUCCESS,
        DeployOutcome.SUCCESS,
        DeployOutcome.FAILURE,
        DeployOutcome.FAILURE,
        DeployOutcome.ABORTED,
        DeployOutcome.SKIPPED
    };

    /** Records spread at random from {@code first} (the first record starts exactly then) to the week's end. */
    private static List<DeployRecord> history(long seed, int count, Instant first) {
        Random random = new Random(seed);
        long span = Duration.between(first, NEXT_MONDAY).getSeconds();
        List<Instant> starts = new ArrayList<>();
        starts.add(first);
        for (int i = 1; i < count; i++) {
            starts.add(first.plusSeconds((long) (random.nextDouble() * span)));
        }
        starts.sort(Comparator.naturalOrder());
        List<DeployRecord> records = new ArrayList<>();
        int build = 1;
        for (Instant started : starts) {
            build += random.nextInt(8) == 0 ? 2 : 1;
            DeployRecord.Builder builder = DeployRecord.builder(
                            random.nextInt(7) == 0 && !started.equals(first) ? "production" : "staging",
                            "folder/app",
                            build)
                    .outcome(OUTCOMES[random.nextInt(OUTCOMES.length)])
                    .startedAt(started)
                    .duration(Duration.ofSeconds(random.nextInt(2 * 3600)));
            if (random.nextBoolean()) {
                builder.commitTime(started.minusSeconds(random.nextInt(3 * 86_400)));
            }
            records.add(builder.build());
        }
        return records;
    }

    /** The instants the statistics are computed at: every 11 hours of the week and a few odd times. */
    private static List<Instant> computeTimes() {
        List<Instant> times = new ArrayList<>();
        for (Instant t = MONDAY; t.isBefore(NEXT_MONDAY); t = t.plus(Duration.ofHours(11))) {
            times.add(t.plusSeconds(61));
        }
        times.add(MONDAY);
        times.add(Instant.parse("2026-06-02T23:59:00Z"));
        times.add(Instant.parse("2026-06-07T23:59:59.999Z"));
        return times;
    }

    /** The instants they are moved to: every hour of the week from {@code t0} on, and a few odd times. */
    private static List<Instant> moveTimes(Instant t0) {
        List<Instant> times = new ArrayList<>();
        times.add(t0);
        for (Instant t = MONDAY; t.isBefore(NEXT_MONDAY); t = t.plus(Duration.ofHours(1))) {
            times.add(t);
        }
        times.add(Instant.parse("2026-06-02T23:59:59.999Z"));
        times.add(Instant.parse("2026-06-03T00:01:00Z"));
        times.add(NEXT_MONDAY.minusNanos(1));
        times.removeIf(t -> t.isBefore(t0));
        return times;
    }

    /** Every figure of the statistics and of the view the pages, badges and API show, as text to compare. */
    private static List<String> figures(DeployStatistics statistics) {
        DeployHealthView view = DeployHealthView.of(statistics, Optional.empty());
        List<String> figures = new ArrayList<>(List.of(
                "window " + statistics.getWindow().getStart() + " "
                        + statistics.getWindow().getNow() + " "
                        + statistics.getWindow().getWeeks(),
                "days so far " + statistics.getDaysSoFar(),
                "per day " + statistics.getDeploysPerDay(),
                "per week " + statistics.getDeploysPerWeek(),
                "class " + statistics.getFrequencyClass(),
                "history start " + statistics.getHistoryStart(),
                "since last success " + statistics.getTimeSinceLastSuccess(),
                "counts " + statistics.getSuccessful() + " " + statistics.getFailed() + " " + statistics.getAborted()
                        + " " + statistics.getSkipped(),
                "weeks " + statistics.getWeeks(),
                "days with success "
                        + statistics.getWeeks().stream()
                                .map(WeeklyBucket::getDaysWithSuccess)
                                .toList(),
                "failure rate " + statistics.getChangeFailureRate(),
                "durations " + statistics.getMedianDuration() + " " + statistics.getP90Duration(),
                "streak " + statistics.getStreak(),
                "recovery " + statistics.getMedianRecoveryTime() + " " + statistics.getRecoveredFailures() + " "
                        + statistics.getUnrecoveredFailures(),
                "lead time " + statistics.getMedianLeadTime(),
                "builds " + statistics.getSkippedBuildsNeverDeployed() + " " + statistics.getMissingBuilds(),
                "dora " + statistics.getDoraDeploymentFrequency() + " " + statistics.getDoraChangeFailureRate() + " "
                        + statistics.getDoraRecoveryTime(),
                "skipped lines " + statistics.getSkippedLines(),
                "view " + view.getEnvironment() + " | " + view.getGateState(),
                "age " + view.getLastSuccessAgeMillis() + " " + view.getLastSuccessAge(),
                "chart " + view.trendChart(EnglishChartLabels.ENGLISH).toJson()));
        for (String badge : DeployHealthView.badgeNames()) {
            figures.add("badge " + badge + " "
                    + view.badge(badge, EnglishBadgeTexts.ENGLISH).orElseThrow().svg());
        }
        return figures;
    }

    /**
     * For each compute time {@code t0}: the ledger as it was then (the records started by {@code t0}, plus,
     * every other time, a success still running at {@code t0} by a skewed clock, so the age starts clamped at
     * 0), statistics computed at {@code t0} and moved to every later hour of the week equal a fresh computation
     * there, from the ledger and from the records alike.
     *
     * @return how many moves were compared
     */
    private static int assertMovesEqualFreshComputations(List<DeployRecord> history, int windowWeeks) {
        int compared = 0;
        int index = 0;
        for (Instant t0 : computeTimes()) {
            List<DeployRecord> byT0 = new ArrayList<>();
            for (DeployRecord record : history) {
                if (!record.getStartedAt().isAfter(t0)) {
                    byT0.add(record);
                }
            }
            if (index++ % 2 == 0) {
                byT0.add(DeployRecord.builder("staging", "folder/app", 9_999)
                        .outcome(DeployOutcome.SUCCESS)
                        .startedAt(t0.minus(Duration.ofMinutes(5)))
                        .duration(Duration.ofMinutes(95))
                        .build());
            }
            ListLedger ledger = new ListLedger(byT0);
            DeployStatistics atT0 = compute(ledger, t0, windowWeeks);
            DeployStatistics fromRecordsAtT0 = DeployStatistics.compute(byT0, STAGING, t0, windowWeeks);
            int readsAtT0 = ledger.reads;
            for (Instant t1 : moveTimes(t0)) {
                assertThat(atT0.canMoveTo(t1)).as("%s to %s", t0, t1).isTrue();
                DeployStatistics moved = atT0.at(t1);
                DeployStatistics fresh = compute(ledger, t1, windowWeeks);
                assertThat(figures(moved)).as("%s moved to %s", t0, t1).isEqualTo(figures(fresh));
                assertThat(moved).isEqualTo(fresh);
                assertThat(DeployHealthView.of(atT0, Optional.empty()).at(t1).getStatistics())
                        .isEqualTo(fresh);
                assertThat(fromRecordsAtT0.at(t1)).isEqualTo(DeployStatistics.compute(byT0, STAGING, t1, windowWeeks));
                compared++;
            }
            assertThat(atT0.canMoveTo(NEXT_MONDAY)).isFalse();
            assertThat(atT0.canMoveTo(t0.minusNanos(1))).isFalse();
            assertThat(ledger.reads - readsAtT0)
                    .as("fresh computations read, moves do not")
                    .isEqualTo(moveTimes(t0).size() * (readsAtT0));
        }
        return compared;
    }

    private static DeployStatistics compute(DeployLedger ledger, Instant now, int windowWeeks) {
        try {
            return DeployStatistics.compute(ledger, STAGING, now, windowWeeks);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void aLongHistoryMovedOnWithinTheWeekEqualsAFreshComputation() {
        // 400 records over 20 weeks: the history starts before both windows
        List<DeployRecord> history = history(1, 400, MONDAY.minus(Duration.ofDays(7 * 19 + 3)));
        assertThat(assertMovesEqualFreshComputations(history, DeployStatistics.DEFAULT_WINDOW_WEEKS))
                .isGreaterThan(1_000);
        assertMovesEqualFreshComputations(history, 1);
    }

    @Test
    public void historiesThatBeganInsideTheWindowMovedOnEqualAFreshComputation() {
        // first records on various days and times: the days so far run from the first record's day
        long seed = 10;
        for (Instant first : List.of(
                Instant.parse("2026-04-30T10:17:00Z"), // a Thursday five weeks back
                Instant.parse("2026-03-16T00:00:00Z"), // the window's first day
                Instant.parse("2026-03-17T23:59:59Z"),
                Instant.parse("2026-05-24T13:00:00Z"))) { // the Sunday before the week
            assertMovesEqualFreshComputations(history(seed++, 300, first), DeployStatistics.DEFAULT_WINDOW_WEEKS);
        }
    }

    @Test
    public void aHistoryThatBeganThisWeekMovedOnEqualsAFreshComputation() {
        for (Instant first : List.of(
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-02T09:30:00Z"),
                Instant.parse("2026-06-05T18:45:00Z"))) {
            List<DeployRecord> history = history(first.getEpochSecond(), 200, first);
            assertMovesEqualFreshComputations(history, DeployStatistics.DEFAULT_WINDOW_WEEKS);
            assertMovesEqualFreshComputations(history, 1);
        }
    }

    @Test
    public void aSparseHistoryMovedOnEqualsAFreshComputation() {
        // a few deploys a month: monthly or yearly, with weeks without any success
        assertMovesEqualFreshComputations(
                history(7, 25, MONDAY.minus(Duration.ofDays(7 * 19))), DeployStatistics.DEFAULT_WINDOW_WEEKS);
    }

    @Test
    public void theMoveRecomputesTheDaysSoFarAndTheAge() {
        // one success on Monday 10:00 for a job that began then; computed Tuesday 23:59, moved to Wednesday 00:01
        DeployRecord success = DeployRecord.builder("staging", "folder/app", 1)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(Instant.parse("2026-06-01T10:00:00Z"))
                .duration(Duration.ofMinutes(1))
                .build();
        DeployStatistics tuesday = DeployStatistics.compute(
                List.of(success),
                STAGING,
                Instant.parse("2026-06-02T23:59:00Z"),
                DeployStatistics.DEFAULT_WINDOW_WEEKS);
        DeployStatistics wednesday = tuesday.at(Instant.parse("2026-06-03T00:01:00Z"));

        assertThat(tuesday.getDaysSoFar()).isEqualTo(2);
        assertThat(wednesday.getDaysSoFar()).isEqualTo(3);
        assertThat(wednesday.getDeploysPerWeek()).isEqualTo(7.0 / 3);
        assertThat(wednesday.getTimeSinceLastSuccess()).contains(Duration.parse("PT38H"));
        assertThat(wednesday.getWindow().getNow()).isEqualTo(Instant.parse("2026-06-03T00:01:00Z"));
    }

    @Test
    public void statisticsDoNotMoveIntoAnotherWeekBackwardsOrPastAFutureDatedRecord() throws Exception {
        Instant t0 = Instant.parse("2026-06-02T12:00:00Z");
        DeployRecord past = DeployRecord.builder("staging", "folder/app", 1)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(t0.minus(Duration.ofDays(3)))
                .build();
        // appended by an agent whose clock runs a day ahead
        DeployRecord future = DeployRecord.builder("staging", "folder/app", 2)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(t0.plus(Duration.ofDays(1)))
                .build();
        DeployRecord otherEnvironment = DeployRecord.builder("production", "folder/app", 3)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(t0.plus(Duration.ofHours(1)))
                .build();
        ListLedger ledger = new ListLedger(List.of(past, future, otherEnvironment));
        DeployStatistics atT0 = DeployStatistics.compute(ledger, STAGING, t0, 12);

        Instant justBefore = future.getStartedAt().minusNanos(1);
        assertThat(atT0.canMoveTo(justBefore)).isTrue();
        assertThat(atT0.at(justBefore)).isEqualTo(DeployStatistics.compute(ledger, STAGING, justBefore, 12));
        assertThat(atT0.canMoveTo(future.getStartedAt())).isFalse();
        assertThat(DeployStatistics.compute(ledger, STAGING, future.getStartedAt(), 12)
                        .getSuccessful())
                .isEqualTo(atT0.getSuccessful() + 1);
        assertThat(DeployStatistics.compute(List.of(past, future), STAGING, t0, 12)
                        .canMoveTo(future.getStartedAt()))
                .isFalse();
        assertThat(atT0.canMoveTo(t0.minusSeconds(1))).isFalse();
        assertThat(atT0.canMoveTo(NEXT_MONDAY.minusNanos(1))).isFalse(); // past the future record
        DeployStatistics noFuture = DeployStatistics.compute(List.of(past), STAGING, t0, 12);
        assertThat(noFuture.canMoveTo(NEXT_MONDAY.minusNanos(1))).isTrue();
        assertThat(noFuture.canMoveTo(NEXT_MONDAY)).isFalse();
        assertThatThrownBy(() -> noFuture.at(NEXT_MONDAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compute the statistics afresh");
        assertThatThrownBy(() -> DeployHealthView.of(noFuture, Optional.empty()).at(t0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A ledger in memory that counts its reads. */
    private static final class ListLedger implements DeployLedger {
        private final List<DeployRecord> records;
        private int reads;

        ListLedger(List<DeployRecord> records) {
            this.records = List.copyOf(records);
        }

        @Override
        public void append(DeployRecord record) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public LedgerRead readSince(Instant from) {
            reads++;
            List<DeployRecord> since = new ArrayList<>();
            for (DeployRecord record : records) {
                if (!record.getStartedAt().isBefore(from)) {
                    since.add(record);
                }
            }
            return new LedgerRead(since, 0);
        }

        @Override
        public LedgerRead readAll() {
            reads++;
            return new LedgerRead(records, 0);
        }

        @Override
        public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) {
            reads++;
            for (int i = records.size() - 1; i >= 0; i--) {
                if (matching.test(records.get(i))) {
                    return Optional.of(records.get(i));
                }
            }
            return Optional.empty();
        }

        @Override
        public List<DeployRecord> readRecent(int skip, int limit) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public String version() {
            return String.valueOf(records.size());
        }

        @Override
        public Compaction compact(Instant horizon) {
            throw new UnsupportedOperationException("read-only");
        }
    }
}
