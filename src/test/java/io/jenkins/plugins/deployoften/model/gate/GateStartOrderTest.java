package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.days;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.verdictOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * FRESH and HEALTHY's last K follow the deploy that <em>started</em> last (ties: the greater build number, then the
 * later appended), never the one appended last nor the recording clock: checked against a brute force written
 * here, which sorts by start, for the {@link FileDeployLedger} (its summary) and for records in memory.
 */
public class GateStartOrderTest {
    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    // ---- named histories ----

    @Test
    public void freshNamesTheDeployThatStartedLastWhenALongerOneEndsAfterIt() throws IOException {
        DeployRecord shortOne = record("staging", 11, DeployOutcome.SUCCESS, TEN.plusSeconds(30 * 60), minutes(1));
        DeployRecord longOne = record("staging", 10, DeployOutcome.SUCCESS, TEN, minutes(60));
        // the short one (10:30-10:31) ends, and is appended, before the long one (10:00-11:00)
        List<DeployRecord> appendOrder = List.of(shortOne, longOne);
        GatePolicy policy = freshAndStreak(14, 3);

        for (GateDecision decision : bothWays(policy, appendOrder, NOW, byEnd(appendOrder))) {
            assertThat(verdictOf(decision, GateRule.FRESH))
                    .contains(RuleVerdict.pass(
                            GateRule.FRESH,
                            new Finding.LastSuccess(
                                    STAGING,
                                    Duration.between(shortOne.getStartedAt(), NOW),
                                    14,
                                    11,
                                    shortOne.getSource())));
        }
        assertAllAgree(policy, appendOrder, NOW, byEnd(appendOrder));
    }

    @Test
    public void healthyCountsTheLastDeploysByStartWhenTheyEndOutOfOrder() throws IOException {
        // the long failure started first but ended last; by start, the newest completed deploy is the success
        DeployRecord shortSuccess = record("staging", 11, DeployOutcome.SUCCESS, TEN.plusSeconds(30 * 60), minutes(1));
        DeployRecord longFailure = record("staging", 10, DeployOutcome.FAILURE, TEN, minutes(60));
        List<DeployRecord> passing = List.of(shortSuccess, longFailure);
        for (GateDecision decision : bothWays(freshAndStreak(14, 1), passing, NOW, byEnd(passing))) {
            assertThat(verdictOf(decision, GateRule.HEALTHY))
                    .contains(RuleVerdict.pass(GateRule.HEALTHY, new Finding.FailureStreak(STAGING, 1, 0, true)));
        }

        // and the other way round: the newest by start failed, though a success was appended after it
        DeployRecord shortFailure = record("staging", 11, DeployOutcome.FAILURE, TEN.plusSeconds(30 * 60), minutes(1));
        DeployRecord longSuccess = record("staging", 10, DeployOutcome.SUCCESS, TEN, minutes(60));
        List<DeployRecord> failing = List.of(shortFailure, longSuccess);
        for (GateDecision decision : bothWays(freshAndStreak(14, 1), failing, NOW, byEnd(failing))) {
            assertThat(verdictOf(decision, GateRule.HEALTHY))
                    .contains(RuleVerdict.fail(GateRule.HEALTHY, new Finding.FailureStreak(STAGING, 1, 1, false)));
            assertThat(decision.failedRules()).containsExactly(GateRule.HEALTHY);
        }
    }

    @Test
    public void aReplayedSpoolOfOlderDeploysDoesNotBecomeTheLast() throws IOException {
        List<DeployRecord> appendOrder = new ArrayList<>();
        appendOrder.add(record("staging", 50, DeployOutcome.SUCCESS, NOW.minus(days(3)), minutes(3)));
        appendOrder.add(record("staging", 51, DeployOutcome.SUCCESS, NOW.minus(days(2)), minutes(3)));
        // a spool replayed today: deploys of 20 to 30 days ago, ending with three failures and an old success
        appendOrder.add(record("staging", 30, DeployOutcome.SUCCESS, NOW.minus(days(30)), minutes(3)));
        appendOrder.add(record("staging", 31, DeployOutcome.FAILURE, NOW.minus(days(22)), minutes(3)));
        appendOrder.add(record("staging", 32, DeployOutcome.FAILURE, NOW.minus(days(21)), minutes(3)));
        appendOrder.add(record("staging", 33, DeployOutcome.FAILURE, NOW.minus(days(20)), minutes(3)));
        IntFunction<Instant> replayedNow = i -> i < 2 ? appendOrder.get(i).getEndedAt() : NOW.minusSeconds(60 - i);
        GatePolicy policy = freshAndStreak(14, 3);

        for (GateDecision decision : bothWays(policy, appendOrder, NOW, replayedNow)) {
            assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
            assertThat(verdictOf(decision, GateRule.FRESH))
                    .contains(RuleVerdict.pass(
                            GateRule.FRESH, new Finding.LastSuccess(STAGING, days(2), 14, 51, DeploySource.UNKNOWN)));
            assertThat(verdictOf(decision, GateRule.HEALTHY))
                    .contains(RuleVerdict.pass(GateRule.HEALTHY, new Finding.FailureStreak(STAGING, 3, 0, true)));
        }
        assertAllAgree(policy, appendOrder, NOW, replayedNow);
    }

    @Test
    public void clockStepsOfHoursDaysAndYearsChangeNoDecision() throws IOException {
        Duration[] steps = {Duration.ofHours(5), days(3), days(365 * 3), days(365 * 40)};
        Random random = new Random(20261201L);
        for (Duration step : steps) {
            for (int trial = 0; trial < 20; trial++) {
                List<DeployRecord> appendOrder = randomHistory(random, 60, List.of("staging"), days(40));
                // the recording clock runs with the deploys' ends but jumps back by the step from every tenth
                // append on, and forward again ten later: the ledger's recorded times go back hours to decades
                IntFunction<Instant> recordedAt = i -> {
                    Instant ended = appendOrder.get(i).getEndedAt();
                    return (i / 10) % 2 == 1 ? ended.minus(step) : ended;
                };
                for (int k : new int[] {1, 2, 3, 5}) {
                    for (int maxDays : new int[] {1, 7, 30}) {
                        assertAllAgree(freshAndStreak(maxDays, k), appendOrder, NOW, recordedAt);
                    }
                }
            }
        }
    }

    @Test
    public void appendingTheSameDeploysInAnotherOrderNeverFlipsADecision() throws IOException {
        Random random = new Random(7L);
        for (int trial = 0; trial < 30; trial++) {
            List<DeployRecord> records = randomHistory(random, 80, List.of("staging", "production"), days(20));
            // distinct (start, build): the only tie append order may break is then absent
            records = distinctStartAndBuild(records);
            List<DeployRecord> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            for (int k : new int[] {1, 2, 4}) {
                GatePolicy policy = freshAndStreak(5, k);
                for (String environment : List.of("staging", "production")) {
                    EnvironmentName name = EnvironmentName.of(environment);
                    List<DeployRecord> inOrder = records;
                    List<DeployRecord> reordered = shuffled;
                    GateDecision first = onLedger(policy, inOrder, name, NOW, byEnd(inOrder));
                    GateDecision second = onLedger(policy, reordered, name, NOW, byEnd(reordered));
                    assertThat(second.getVerdicts()).isEqualTo(first.getVerdicts());
                    assertThat(inMemory(policy, reordered, name, NOW).getVerdicts())
                            .isEqualTo(inMemory(policy, inOrder, name, NOW).getVerdicts());
                    assertThat(first.getVerdicts()).isEqualTo(bruteForce(policy, inOrder, name, NOW));
                }
            }
        }
    }

    /**
     * Thousands of records in several environments, ending out of order, with equal starts and equal (start, build)
     * pairs, some started after now: the ledger (its summary, or its scan when the summary cannot answer) decides
     * as the records in memory do and as the brute force does, with every rule on or with FRESH and HEALTHY only.
     */
    @Test
    public void seededRandomHistoriesDecideAsAFullScanSortedByStart() throws IOException {
        List<String> environments = List.of("staging", "production", "qa");
        for (long seed : new long[] {1L, 2L, 3L}) {
            Random random = new Random(seed);
            List<DeployRecord> appendOrder = randomHistory(random, 3000, environments, days(60));
            // appended when they end, by a clock that never goes back (a replay is appended at replay time)
            Instant[] recorded = new Instant[appendOrder.size()];
            for (int i = 0; i < recorded.length; i++) {
                Instant ended = appendOrder.get(i).getEndedAt();
                recorded[i] = i > 0 && recorded[i - 1].isAfter(ended) ? recorded[i - 1] : ended;
            }
            FileDeployLedger ledger = ledgerOf(appendOrder, i -> recorded[i]);
            for (int evaluation = 0; evaluation < 40; evaluation++) {
                // now anywhere from 30 days before the newest start to after it
                Instant now = NOW.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
                if (evaluation % 4 == 0) {
                    now = NOW.plus(days(5));
                }
                EnvironmentName environment = EnvironmentName.of(environments.get(random.nextInt(3)));
                int k = evaluation % 10 == 0 ? 1 + random.nextInt(100) : 1 + random.nextInt(4);
                int maxDays = 1 + random.nextInt(10);
                GatePolicy freshAndStreak = freshAndStreak(maxDays, k);
                GateDecision onLedger =
                        freshAndStreak.evaluate(ledger, environment, CandidateIdentity.none(), now, Optional.empty());
                GateDecision inMemory = inMemory(freshAndStreak, appendOrder, environment, now);
                assertSameDecision(onLedger, inMemory);
                assertThat(onLedger.getVerdicts()).isEqualTo(bruteForce(freshAndStreak, appendOrder, environment, now));

                GatePolicy every = GatePolicy.builder()
                        .freshMaxDays(maxDays)
                        .healthyLastDeploys(k)
                        .failureRateEnabled(true)
                        .failureRateWindowDays(1 + random.nextInt(30))
                        .failureRateMaxPercent(random.nextInt(101))
                        .frequentWindowDays(1 + random.nextInt(30))
                        .frequentMinDeploys(1 + random.nextInt(20))
                        .build();
                CandidateIdentity candidate = CandidateIdentity.ofBuild(1 + random.nextInt(400));
                GateDecision everyOnLedger = every.evaluate(ledger, environment, candidate, now, Optional.empty());
                assertSameDecision(
                        everyOnLedger,
                        every.evaluate(new LedgerRead(appendOrder, 0), environment, candidate, now, Optional.empty()));
                assertThat(verdictOf(everyOnLedger, GateRule.FRESH))
                        .contains(
                                bruteForce(every, appendOrder, environment, now).get(0));
            }
        }
    }

    // ---- the brute force: sort by start (then build number, then append), read the end ----

    private static List<RuleVerdict> bruteForce(
            GatePolicy policy, List<DeployRecord> appendOrder, EnvironmentName environment, Instant now) {
        List<DeployRecord> byStart = new ArrayList<>();
        for (DeployRecord record : appendOrder) {
            if (record.getEnvironment().equals(environment)
                    && !record.getStartedAt().isAfter(now)) {
                byStart.add(record);
            }
        }
        // written out rather than DeployLedger.START_ORDER: the tie rule as the README states it
        byStart.sort(Comparator.comparing(DeployRecord::getStartedAt).thenComparing(DeployRecord::getBuildNumber));

        DeployRecord lastSuccess = null;
        List<DeployRecord> completedNewestFirst = new ArrayList<>();
        for (int i = byStart.size() - 1; i >= 0; i--) {
            DeployRecord record = byStart.get(i);
            if (lastSuccess == null && record.getOutcome() == DeployOutcome.SUCCESS) {
                lastSuccess = record;
            }
            if (record.getOutcome().isCompleted()) {
                completedNewestFirst.add(record);
            }
        }
        RuleVerdict fresh;
        if (lastSuccess == null) {
            fresh = RuleVerdict.fail(
                    GateRule.FRESH,
                    byStart.isEmpty()
                            ? new Finding.NoDeploy(environment, List.of())
                            : new Finding.NoSuccessfulDeploy(environment));
        } else {
            Duration age = Duration.between(lastSuccess.getStartedAt(), now);
            int maxDays = policy.getFreshMaxDays();
            Finding found = new Finding.LastSuccess(
                    environment, age, maxDays, lastSuccess.getBuildNumber(), lastSuccess.getSource());
            fresh = age.compareTo(Duration.ofDays(maxDays)) <= 0
                    ? RuleVerdict.pass(GateRule.FRESH, found)
                    : RuleVerdict.fail(GateRule.FRESH, found);
        }
        int k = policy.getHealthyLastDeploys();
        List<DeployRecord> lastK = completedNewestFirst.subList(0, Math.min(k, completedNewestFirst.size()));
        int failedInARow = 0;
        boolean success = false;
        for (DeployRecord record : lastK) {
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                success = true;
                break;
            }
            failedInARow++;
        }
        RuleVerdict healthy = !success && failedInARow == k
                ? RuleVerdict.fail(GateRule.HEALTHY, new Finding.FailureStreak(environment, k, failedInARow, false))
                : RuleVerdict.pass(GateRule.HEALTHY, new Finding.FailureStreak(environment, k, failedInARow, success));
        return List.of(
                fresh,
                RuleVerdict.notChecked(GateRule.FREQUENT),
                RuleVerdict.notChecked(GateRule.CANDIDATE_PRACTISED),
                healthy);
    }

    // ---- helpers ----

    private static GatePolicy freshAndStreak(int maxDays, int k) {
        return GatePolicy.builder()
                .freshMaxDays(maxDays)
                .frequentEnabled(false)
                .candidatePractisedEnabled(false)
                .healthyLastDeploys(k)
                .failureRateEnabled(false)
                .build();
    }

    private void assertAllAgree(GatePolicy policy, List<DeployRecord> appendOrder, Instant now, IntFunction<Instant> at)
            throws IOException {
        GateDecision onLedger = onLedger(policy, appendOrder, STAGING, now, at);
        GateDecision inMemory = inMemory(policy, appendOrder, STAGING, now);
        assertSameDecision(onLedger, inMemory);
        assertThat(onLedger.getVerdicts()).isEqualTo(bruteForce(policy, appendOrder, STAGING, now));
    }

    private static void assertSameDecision(GateDecision actual, GateDecision expected) {
        assertThat(actual.getStatus()).isEqualTo(expected.getStatus());
        assertThat(actual.failedRules()).isEqualTo(expected.failedRules());
        assertThat(actual.getVerdicts()).isEqualTo(expected.getVerdicts());
    }

    private List<GateDecision> bothWays(
            GatePolicy policy, List<DeployRecord> appendOrder, Instant now, IntFunction<Instant> at)
            throws IOException {
        return List.of(onLedger(policy, appendOrder, STAGING, now, at), inMemory(policy, appendOrder, STAGING, now));
    }

    private GateDecision onLedger(
            GatePolicy policy,
            List<DeployRecord> appendOrder,
            EnvironmentName environment,
            Instant now,
            IntFunction<Instant> at)
            throws IOException {
        return policy.evaluate(ledgerOf(appendOrder, at), environment, CandidateIdentity.none(), now, Optional.empty());
    }

    private static GateDecision inMemory(
            GatePolicy policy, List<DeployRecord> appendOrder, EnvironmentName environment, Instant now) {
        return policy.evaluate(
                new LedgerRead(appendOrder, 0), environment, CandidateIdentity.none(), now, Optional.empty());
    }

    /** @return a ledger of the records in this order, each recorded at the instant given for its index */
    private FileDeployLedger ledgerOf(List<DeployRecord> appendOrder, IntFunction<Instant> recordedAt)
            throws IOException {
        Path directory = temporary.newFolder().toPath();
        for (int i = 0; i < appendOrder.size(); i++) {
            new FileDeployLedger(
                            directory,
                            Clock.fixed(recordedAt.apply(i), ZoneOffset.UTC),
                            FileDeployLedger.Durability.OS_BUFFERED)
                    .append(appendOrder.get(i));
        }
        return new FileDeployLedger(directory);
    }

    private static IntFunction<Instant> byEnd(List<DeployRecord> appendOrder) {
        return i -> appendOrder.get(i).getEndedAt();
    }

    /**
     * Random deploys started in the {@code span} before {@link GateFixtures#NOW} (and a few after it), on a
     * ten-minute grid so starts are often equal, with build numbers from a small range so equal (start, build)
     * pairs occur; appended in the order they end, some long ones ending hours after later starts, and one in
     * twenty replayed late (appended after deploys up to days newer).
     */
    private static List<DeployRecord> randomHistory(
            Random random, int count, List<String> environments, Duration span) {
        int slots = (int) (span.toMinutes() / 10);
        List<DeployRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = random.nextInt(slots + slots / 30);
            Instant started = NOW.minus(span).plus(Duration.ofMinutes(10L * slot));
            int roll = random.nextInt(100);
            DeployOutcome outcome = roll < 50
                    ? DeployOutcome.SUCCESS
                    : roll < 85 ? DeployOutcome.FAILURE : roll < 93 ? DeployOutcome.ABORTED : DeployOutcome.SKIPPED;
            Duration duration = random.nextInt(10) == 0
                    ? Duration.ofMinutes(60 + random.nextInt(600))
                    : Duration.ofMinutes(random.nextInt(15));
            records.add(record(
                    environments.get(random.nextInt(environments.size())),
                    1 + random.nextInt(count / 4 + 1),
                    outcome,
                    started,
                    duration));
        }
        records.sort(Comparator.comparing(DeployRecord::getEndedAt));
        List<DeployRecord> appendOrder = new ArrayList<>();
        List<DeployRecord> spool = new ArrayList<>();
        for (DeployRecord record : records) {
            if (random.nextInt(20) == 0) {
                spool.add(record);
            } else {
                appendOrder.add(record);
            }
            if (spool.size() == 8) {
                appendOrder.addAll(spool);
                spool.clear();
            }
        }
        appendOrder.addAll(spool);
        return appendOrder;
    }

    private static List<DeployRecord> distinctStartAndBuild(List<DeployRecord> records) {
        List<DeployRecord> distinct = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (DeployRecord record : records) {
            if (seen.add(record.getEnvironment() + " " + record.getStartedAt() + " " + record.getBuildNumber())) {
                distinct.add(record);
            }
        }
        return distinct;
    }

    private static DeployRecord record(
            String environment, int build, DeployOutcome outcome, Instant started, Duration duration) {
        return DeployRecord.builder(environment, "folder/app", build)
                .outcome(outcome)
                .startedAt(started)
                .duration(duration)
                .build();
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    /** The shared comparator states the same rule as the brute force. */
    @Test
    public void theLedgerOrderIsByStartThenBuildNumber() {
        DeployRecord early = record("staging", 9, DeployOutcome.SUCCESS, TEN, minutes(1));
        DeployRecord earlierGreaterBuild =
                record("staging", 12, DeployOutcome.SUCCESS, TEN.minusSeconds(1), minutes(1));
        assertThat(DeployLedger.START_ORDER.compare(earlierGreaterBuild, early)).isNegative();
        DeployRecord sameStartGreaterBuild = record("staging", 10, DeployOutcome.FAILURE, TEN, minutes(1));
        assertThat(DeployLedger.START_ORDER.compare(sameStartGreaterBuild, early))
                .isPositive();
        DeployRecord fullTie = record("staging", 9, DeployOutcome.FAILURE, TEN, minutes(5));
        assertThat(DeployLedger.START_ORDER.compare(fullTie, early)).isZero(); // then the later appended is later
    }
}
