package io.jenkins.plugins.deployoften.model;

import static io.jenkins.plugins.deployoften.model.DeployOutcome.ABORTED;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.FAILURE;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.SKIPPED;
import static io.jenkins.plugins.deployoften.model.DeployOutcome.SUCCESS;
import static io.jenkins.plugins.deployoften.model.DurationSketch.sketched;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.FOUR_WEEK_START;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.TWELVE_WEEK_START;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.record;
import static io.jenkins.plugins.deployoften.model.StatisticsFixtures.staging;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;

public class DeployStatisticsTest {
    private static DeployStatistics fourWeeks(DeployRecord... records) {
        return DeployStatistics.compute(List.of(records), STAGING, NOW, 4);
    }

    private static List<Integer> successfulPerWeek(DeployStatistics statistics) {
        return statistics.getWeeks().stream().map(WeeklyBucket::getSuccessful).collect(Collectors.toList());
    }

    /** @return Monday 00:00 UTC of the week */
    private static Instant weekStart(WeeklyBucket week) {
        return week.getWeekStart().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    public void anEmptyHistoryHasEveryWeekAtZeroAndNoFigures() {
        DeployStatistics statistics = DeployStatistics.compute(List.of(), STAGING, NOW, 12);

        assertThat(statistics.getSuccessful()
                        + statistics.getFailed()
                        + statistics.getAborted()
                        + statistics.getSkipped())
                .isZero();
        assertThat(statistics.getWeeks()).hasSize(12);
        assertThat(weekStart(statistics.getWeeks().get(0))).isEqualTo(TWELVE_WEEK_START);
        assertThat(weekStart(statistics.getWeeks().get(11))).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(statistics.getWeeks()).allSatisfy(week -> {
            assertThat(week.getSuccessful() + week.getFailed() + week.getAborted() + week.getSkipped())
                    .isZero();
            assertThat(week.getMedianDuration()).isEmpty();
            assertThat(week.getP90Duration()).isEmpty();
        });
        assertThat(statistics.getDeploysPerDay()).isZero();
        assertThat(statistics.getFrequencyClass()).isEqualTo(FrequencyClass.NO_DATA);
        assertThat(statistics.getChangeFailureRate()).isEmpty();
        assertThat(statistics.getMedianDuration()).isEmpty();
        assertThat(statistics.getP90Duration()).isEmpty();
        assertThat(statistics.getTimeSinceLastSuccess()).isEmpty();
        assertThat(statistics.getStreak().getOutcome()).isEmpty();
        assertThat(statistics.getStreak().getLength()).isZero();
        assertThat(statistics.getMedianRecoveryTime()).isEmpty();
        assertThat(statistics.getMedianLeadTime()).isEmpty();
        assertThat(statistics.getSkippedBuildsNeverDeployed() + statistics.getMissingBuilds())
                .isZero();
        assertThat(statistics.getDoraDeploymentFrequency()).isEmpty();
        assertThat(statistics.getDoraChangeFailureRate()).isEmpty();
        assertThat(statistics.getDoraRecoveryTime()).isEmpty();
        assertThat(statistics.getSkippedLines()).isZero();
    }

    @Test
    public void aSingleSuccessfulDeploy() {
        // a skipped build before the window: the history began earlier, so the whole window counts
        DeployStatistics statistics = fourWeeks(
                staging(6, SKIPPED, FOUR_WEEK_START.minusSeconds(3600)),
                staging(7, SUCCESS, "2026-03-17T10:00:00Z", Duration.ofSeconds(90)));

        assertThat(successfulPerWeek(statistics)).containsExactly(0, 0, 0, 1);
        WeeklyBucket current = statistics.getWeeks().get(3);
        assertThat(current.getDaysWithSuccess()).isEqualTo(1);
        assertThat(current.getMedianDuration()).contains(sketched(Duration.ofSeconds(90)));
        assertThat(current.getP90Duration()).contains(sketched(Duration.ofSeconds(90)));
        assertThat(statistics.getChangeFailureRate()).contains(0.0);
        assertThat(statistics.getMedianDuration()).contains(sketched(Duration.ofSeconds(90)));
        // 4-week window on a Wednesday: 3 * 7 + 3 = 24 days so far
        assertThat(statistics.getDeploysPerDay()).isCloseTo(1.0 / 24, within(1e-12));
        assertThat(statistics.getDeploysPerWeek()).isCloseTo(7.0 / 24, within(1e-12));
        // days per week [0,0,0,1] median 0; 1 of 4 weeks; one 4-week month with 1 deploy -> MONTHLY
        assertThat(statistics.getFrequencyClass()).isEqualTo(FrequencyClass.MONTHLY);
        // ended 2026-03-17T10:01:30, now 2026-03-18T12:00:00
        assertThat(statistics.getTimeSinceLastSuccess())
                .contains(Duration.ofHours(25).plusMinutes(58).plusSeconds(30));
        assertThat(statistics.getStreak().getOutcome()).contains(SUCCESS);
        assertThat(statistics.getStreak().getLength()).isEqualTo(1);
        assertThat(statistics.getMedianRecoveryTime()).isEmpty();
        assertThat(statistics.getUnrecoveredFailures()).isZero();
        // 1 deploy in 24 days: below weekly (7 < 24), at least monthly (30 >= 24)
        assertThat(statistics.getDoraDeploymentFrequency()).contains(DoraBand.MEDIUM);
        assertThat(statistics.getDoraChangeFailureRate()).contains(DoraBand.ELITE);
    }

    @Test
    public void onlyFailedDeploys() {
        DeployStatistics statistics = fourWeeks(
                staging(1, FAILURE, "2026-03-02T10:00:00Z", Duration.ofMinutes(2)),
                staging(2, FAILURE, "2026-03-09T10:00:00Z", Duration.ofMinutes(4)),
                staging(3, FAILURE, "2026-03-16T10:00:00Z", Duration.ofMinutes(6)));

        assertThat(statistics.getFailed()).isEqualTo(3);
        assertThat(statistics.getChangeFailureRate()).contains(1.0);
        assertThat(statistics.getFrequencyClass()).isEqualTo(FrequencyClass.NO_DATA);
        assertThat(statistics.getDeploysPerDay()).isZero();
        assertThat(statistics.getMedianDuration()).contains(sketched(Duration.ofMinutes(4)));
        assertThat(statistics.getTimeSinceLastSuccess()).isEmpty();
        assertThat(statistics.getStreak().getOutcome()).contains(FAILURE);
        assertThat(statistics.getStreak().getLength()).isEqualTo(3);
        assertThat(statistics.getMedianRecoveryTime()).isEmpty();
        assertThat(statistics.getRecoveredFailures()).isZero();
        assertThat(statistics.getUnrecoveredFailures()).isEqualTo(3);
        assertThat(statistics.getDoraDeploymentFrequency()).contains(DoraBand.LOW);
        assertThat(statistics.getDoraChangeFailureRate()).contains(DoraBand.LOW);
        assertThat(statistics.getDoraRecoveryTime()).isEmpty();
    }

    @Test
    public void emptyWeeksInTheMiddleArePresentWithZeroCounts() {
        DeployStatistics statistics = fourWeeks(
                staging(1, SUCCESS, "2026-02-24T10:00:00Z", Duration.ofMinutes(3)),
                staging(2, FAILURE, "2026-02-25T10:00:00Z", Duration.ofMinutes(5)),
                staging(3, SUCCESS, "2026-03-17T10:00:00Z", Duration.ofMinutes(1)));

        assertThat(statistics.getWeeks())
                .extracting(DeployStatisticsTest::weekStart)
                .containsExactly(
                        FOUR_WEEK_START,
                        Instant.parse("2026-03-02T00:00:00Z"),
                        Instant.parse("2026-03-09T00:00:00Z"),
                        Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(successfulPerWeek(statistics)).containsExactly(1, 0, 0, 1);
        assertThat(statistics.getWeeks()).extracting(WeeklyBucket::getFailed).containsExactly(1, 0, 0, 0);
        assertThat(statistics.getWeeks().get(1).getMedianDuration()).isEmpty();
        assertThat(statistics.getWeeks().get(2).getP90Duration()).isEmpty();
        // week 0 completed durations [3, 5] min: median rank 1 -> 3 min, p90 rank 2 -> 5 min
        assertThat(statistics.getWeeks().get(0).getMedianDuration()).contains(sketched(Duration.ofMinutes(3)));
        assertThat(statistics.getWeeks().get(0).getP90Duration()).contains(sketched(Duration.ofMinutes(5)));
    }

    @Test
    public void deploysExactlyAtTheWindowStartAndAtNowCountButNotOneMillisecondOutside() {
        DeployStatistics statistics = fourWeeks(
                staging(1, SUCCESS, FOUR_WEEK_START.minusMillis(1)),
                staging(2, SUCCESS, FOUR_WEEK_START),
                staging(3, FAILURE, NOW),
                staging(4, SUCCESS, NOW.plusMillis(1)));

        assertThat(successfulPerWeek(statistics)).containsExactly(1, 0, 0, 0);
        assertThat(statistics.getWeeks().get(3).getFailed()).isEqualTo(1);
        assertThat(statistics.getSuccessful()).isEqualTo(1);
        assertThat(statistics.getFailed()).isEqualTo(1);
        assertThat(statistics.getStreak().getOutcome()).contains(FAILURE);
    }

    @Test
    public void localTimesAcrossTheMarchDaylightSavingSwitchInBerlinAreBucketedByUtcWeek() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Clocks go from 02:00 CET (+01:00) to 03:00 CEST (+02:00) on Sunday 2026-03-29.
        Instant beforeSwitchMondayHalfPastMidnight =
                LocalDateTime.parse("2026-03-23T00:30").atZone(berlin).toInstant();
        Instant justAfterSwitch =
                LocalDateTime.parse("2026-03-29T03:30").atZone(berlin).toInstant();
        Instant afterSwitchMondayHalfPastMidnight =
                LocalDateTime.parse("2026-03-30T00:30").atZone(berlin).toInstant();
        Instant afterSwitchMondayHalfPastTwo =
                LocalDateTime.parse("2026-03-30T02:30").atZone(berlin).toInstant();
        // the local Monday 00:30 is still Sunday in UTC, one hour earlier in winter, two in summer
        assertThat(beforeSwitchMondayHalfPastMidnight).isEqualTo(Instant.parse("2026-03-22T23:30:00Z"));
        assertThat(justAfterSwitch).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(afterSwitchMondayHalfPastMidnight).isEqualTo(Instant.parse("2026-03-29T22:30:00Z"));
        assertThat(afterSwitchMondayHalfPastTwo).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));

        // weeks: Mon 03-16, Mon 03-23, Mon 03-30 (UTC)
        DeployStatistics statistics = DeployStatistics.compute(
                List.of(
                        staging(1, SUCCESS, beforeSwitchMondayHalfPastMidnight),
                        staging(2, SUCCESS, justAfterSwitch),
                        staging(3, SUCCESS, afterSwitchMondayHalfPastMidnight),
                        staging(4, SUCCESS, afterSwitchMondayHalfPastTwo)),
                STAGING,
                Instant.parse("2026-04-01T12:00:00Z"),
                3);

        assertThat(statistics.getWindow().getStart()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(successfulPerWeek(statistics)).containsExactly(1, 2, 1);
        // builds 2 and 3 start on UTC days 03-29 01:30 and 03-29 22:30: one distinct day
        assertThat(statistics.getWeeks().get(1).getDaysWithSuccess()).isEqualTo(1);
    }

    @Test
    public void recordsOfOtherEnvironmentsAreIgnored() {
        Instant tuesday = Instant.parse("2026-03-17T10:00:00Z");
        DeployStatistics statistics = fourWeeks(
                record("production", 1, FAILURE, tuesday, Duration.ofHours(1)),
                record("production", 2, FAILURE, tuesday.plusSeconds(60), Duration.ofHours(1)),
                staging(3, SUCCESS, tuesday.plusSeconds(120)),
                record("staging-eu", 4, SKIPPED, tuesday, Duration.ZERO));

        assertThat(statistics.getEnvironment()).isEqualTo(STAGING);
        assertThat(statistics.getSuccessful()).isEqualTo(1);
        assertThat(statistics.getFailed()).isZero();
        assertThat(statistics.getSkipped()).isZero();
        assertThat(statistics.getChangeFailureRate()).contains(0.0);
        assertThat(statistics.getMedianDuration()).contains(sketched(Duration.ofMinutes(1)));
        // builds 3 alone: no gap, no skipped build
        assertThat(statistics.getSkippedBuildsNeverDeployed() + statistics.getMissingBuilds())
                .isZero();
    }

    @Test
    public void changeFailureRateLeavesSkippedAndAbortedOutOfBothSides() {
        Instant monday = Instant.parse("2026-03-16T08:00:00Z");
        List<DeployRecord> records = new ArrayList<>();
        int build = 1;
        for (DeployOutcome outcome :
                List.of(SUCCESS, SUCCESS, SUCCESS, FAILURE, SKIPPED, SKIPPED, ABORTED, ABORTED, ABORTED)) {
            records.add(staging(build, outcome, monday.plusSeconds(600L * build)));
            build++;
        }

        DeployStatistics statistics = DeployStatistics.compute(records, STAGING, NOW, 4);

        // 1 failed / (3 successful + 1 failed) = 0.25, not 1 / 9
        assertThat(statistics.getChangeFailureRate()).contains(0.25);
        assertThat(statistics.getSkipped()).isEqualTo(2);
        assertThat(statistics.getAborted()).isEqualTo(3);
        assertThat(statistics.getDoraChangeFailureRate()).contains(DoraBand.LOW); // 25% > 20%
        // the newest completed deploy is build 4's failure; skipped and aborted after it do not break the streak
        assertThat(statistics.getStreak().getOutcome()).contains(FAILURE);
        assertThat(statistics.getStreak().getLength()).isEqualTo(1);
    }

    @Test
    public void theStreakCountsConsecutiveCompletedDeploysNewestFirstIgnoringSkippedAndAborted() {
        DeployStatistics statistics = fourWeeks(
                staging(1, SUCCESS, "2026-03-16T08:00:00Z", Duration.ZERO),
                staging(2, FAILURE, "2026-03-16T09:00:00Z", Duration.ZERO),
                staging(3, SUCCESS, "2026-03-16T10:00:00Z", Duration.ZERO),
                staging(4, SKIPPED, "2026-03-16T11:00:00Z", Duration.ZERO),
                staging(5, SUCCESS, "2026-03-16T12:00:00Z", Duration.ZERO),
                staging(6, ABORTED, "2026-03-16T13:00:00Z", Duration.ZERO));

        assertThat(statistics.getStreak().getOutcome()).contains(SUCCESS);
        assertThat(statistics.getStreak().getLength()).isEqualTo(2); // builds 5 and 3, stopped by 2
    }

    @Test
    public void overallDurationPercentilesUseNearestRankOverCompletedDeploysOnly() {
        List<DeployRecord> records = new ArrayList<>();
        for (int minutes = 1; minutes <= 10; minutes++) {
            DeployOutcome outcome = minutes % 2 == 0 ? FAILURE : SUCCESS;
            records.add(stagingMinutes(minutes, outcome, FOUR_WEEK_START.plus(Duration.ofDays(minutes)), minutes));
        }
        records.add(stagingMinutes(11, ABORTED, FOUR_WEEK_START.plus(Duration.ofDays(11)), 600));
        records.add(stagingMinutes(12, SKIPPED, FOUR_WEEK_START.plus(Duration.ofDays(12)), 600));

        DeployStatistics statistics = DeployStatistics.compute(records, STAGING, NOW, 4);

        // completed durations 1..10 min: median rank ceil(5) = 5 min, p90 rank ceil(9) = 9 min
        assertThat(statistics.getMedianDuration()).contains(sketched(Duration.ofMinutes(5)));
        assertThat(statistics.getP90Duration()).contains(sketched(Duration.ofMinutes(9)));
    }

    private static DeployRecord stagingMinutes(int build, DeployOutcome outcome, Instant startedAt, int minutes) {
        return record("staging", build, outcome, startedAt, Duration.ofMinutes(minutes));
    }

    @Test
    public void deployFrequencyDividesSuccessfulDeploysByTheDaysSoFar() {
        List<DeployRecord> records = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            records.add(staging(i + 1, SUCCESS, TWELVE_WEEK_START.plus(Duration.ofDays(10L * i))));
        }
        records.add(staging(9, FAILURE, NOW.minusSeconds(3600)));

        DeployStatistics statistics = DeployStatistics.compute(records, STAGING, NOW, 12);

        // 12-week window on a Wednesday: 11 * 7 + 3 = 80 days; 8 successful deploys
        assertThat(statistics.getWindow().getDaysSoFar()).isEqualTo(80);
        assertThat(statistics.getDeploysPerDay()).isCloseTo(0.1, within(1e-12));
        assertThat(statistics.getDeploysPerWeek()).isCloseTo(0.7, within(1e-12));
        // 8 in 80 days: 7 * 8 = 56 < 80 (not weekly), 30 * 8 = 240 >= 80 (monthly)
        assertThat(statistics.getDoraDeploymentFrequency()).contains(DoraBand.MEDIUM);
    }

    @Test
    public void recoveryTimeRunsFromTheEndOfAFailureToTheEndOfTheNextSuccess() {
        DeployStatistics statistics = fourWeeks(
                staging(1, FAILURE, "2026-03-16T10:00:00Z", Duration.ofMinutes(1)), // ends 10:01
                staging(2, SUCCESS, "2026-03-16T10:30:00Z", Duration.ofMinutes(1)), // ends 10:31
                staging(3, FAILURE, "2026-03-16T11:00:00Z", Duration.ofMinutes(2)), // ends 11:02
                staging(4, SKIPPED, "2026-03-16T11:30:00Z", Duration.ZERO),
                staging(5, FAILURE, "2026-03-16T12:00:00Z", Duration.ofMinutes(1)), // ends 12:01
                staging(6, ABORTED, "2026-03-16T13:00:00Z", Duration.ofMinutes(1)),
                staging(7, SUCCESS, "2026-03-16T14:00:00Z", Duration.ofMinutes(1)), // ends 14:01
                staging(8, FAILURE, "2026-03-17T09:00:00Z", Duration.ofMinutes(1)), // never recovered
                record("production", 9, SUCCESS, Instant.parse("2026-03-17T10:00:00Z"), Duration.ZERO));

        // recoveries: #1 10:01->10:31 = 30 min, #3 11:02->14:01 = 2h59m, #5 12:01->14:01 = 2h
        // sorted [30m, 2h, 2h59m], median rank 2 -> 2h; the production success does not recover #8
        assertThat(statistics.getMedianRecoveryTime()).contains(sketched(Duration.ofHours(2)));
        assertThat(statistics.getRecoveredFailures()).isEqualTo(3);
        assertThat(statistics.getUnrecoveredFailures()).isEqualTo(1);
        assertThat(statistics.getDoraRecoveryTime()).contains(DoraBand.HIGH);
    }

    @Test
    public void leadTimeIsTheMedianFromCommitToTheEndOfSuccessfulDeploysWithAKnownCommitTime() {
        DeployStatistics statistics = fourWeeks(
                withCommit(staging(1, SUCCESS, "2026-03-16T10:00:00Z", Duration.ofMinutes(10)), "08:10"), // 2h
                withCommit(staging(2, SUCCESS, "2026-03-16T12:00:00Z", Duration.ofMinutes(5)), "11:05"), // 1h
                withCommit(staging(3, SUCCESS, "2026-03-16T13:00:00Z", Duration.ZERO), "03:00"), // 10h
                staging(4, SUCCESS, "2026-03-16T14:00:00Z", Duration.ZERO), // no commit time
                withCommit(staging(5, FAILURE, "2026-03-16T15:00:00Z", Duration.ZERO), "14:59")); // not a success

        // [1h, 2h, 10h]: median rank 2 -> 2h
        assertThat(statistics.getMedianLeadTime()).contains(sketched(Duration.ofHours(2)));
    }

    @Test
    public void leadTimeIsEmptyWithoutCommitTimes() {
        assertThat(fourWeeks(staging(1, SUCCESS, NOW)).getMedianLeadTime()).isEmpty();
    }

    private static DeployRecord withCommit(DeployRecord record, String commitTimeOnMarch16) {
        return record.toBuilder()
                .commitTime(Instant.parse("2026-03-16T" + commitTimeOnMarch16 + ":00Z"))
                .build();
    }

    @Test
    public void buildsNeverDeployedCountsSkippedBuildsWithoutADeployAndMissingBuildNumbers() {
        DeployStatistics statistics = fourWeeks(
                staging(10, SUCCESS, "2026-03-16T08:00:00Z", Duration.ZERO),
                staging(11, SKIPPED, "2026-03-16T09:00:00Z", Duration.ZERO), // never deployed
                staging(12, SKIPPED, "2026-03-16T10:00:00Z", Duration.ZERO),
                staging(12, SUCCESS, "2026-03-16T10:30:00Z", Duration.ZERO), // deployed after all
                staging(13, ABORTED, "2026-03-16T11:00:00Z", Duration.ZERO), // not a skip
                staging(15, SKIPPED, "2026-03-16T12:00:00Z", Duration.ZERO), // never deployed,
                staging(15, SKIPPED, "2026-03-16T12:30:00Z", Duration.ZERO), // counted once
                staging(17, FAILURE, "2026-03-16T13:00:00Z", Duration.ZERO),
                record("production", 14, SUCCESS, Instant.parse("2026-03-16T14:00:00Z"), Duration.ZERO));

        // skipped, never deployed: {11, 15}; missing in 10..17: {14, 16} (production's 14 is not staging's)
        assertThat(statistics.getSkippedBuildsNeverDeployed()).isEqualTo(2);
        assertThat(statistics.getMissingBuilds()).isEqualTo(2);
        assertThat(statistics.getSkippedBuildsNeverDeployed() + statistics.getMissingBuilds())
                .isEqualTo(4);
    }

    @Test
    public void rejectsWindowsOutsideOneTo520Weeks() {
        assertThatThrownBy(() -> DeployStatistics.compute(List.of(), STAGING, NOW, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("windowWeeks")
                .hasMessageContaining("between 1 and 520");
        assertThatThrownBy(() -> DeployStatistics.compute(List.of(), STAGING, NOW, 521))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("windowWeeks");
        assertThat(DeployStatistics.compute(List.of(), STAGING, NOW, 520).getWeeks())
                .hasSize(520);
        assertThat(DeployStatistics.compute(List.of(), STAGING, NOW, 1).getWeeks())
                .hasSize(1);
        assertThat(DeployStatistics.DEFAULT_WINDOW_WEEKS).isEqualTo(12);
    }

    @Test
    public void recordsInAnyOrderGiveTheSameStatistics() {
        List<DeployRecord> ordered = List.of(
                staging(1, FAILURE, "2026-03-16T08:00:00Z", Duration.ofMinutes(1)),
                staging(2, SUCCESS, "2026-03-16T09:00:00Z", Duration.ofMinutes(2)),
                staging(3, FAILURE, "2026-03-17T08:00:00Z", Duration.ofMinutes(3)));
        List<DeployRecord> shuffled = List.of(ordered.get(2), ordered.get(0), ordered.get(1));

        DeployStatistics fromOrdered = DeployStatistics.compute(ordered, STAGING, NOW, 4);
        DeployStatistics fromShuffled = DeployStatistics.compute(shuffled, STAGING, NOW, 4);

        assertThat(fromShuffled).isEqualTo(fromOrdered);
        assertThat(fromShuffled.getStreak().getOutcome()).contains(FAILURE);
        assertThat(fromShuffled.getMedianRecoveryTime()).contains(sketched(Duration.ofMinutes(61))); // 08:01 -> 09:02
    }
}
