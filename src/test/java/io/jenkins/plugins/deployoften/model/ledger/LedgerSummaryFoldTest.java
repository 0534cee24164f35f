package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.T0;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.assertMatchesBruteForce;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.fold;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.randomHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployCounts;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Environment;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.Test;

/** The summary is a fold by start time: any append order gives the same summary, equal to the brute force. */
public class LedgerSummaryFoldTest {
    private static final EnvironmentName PRODUCTION = EnvironmentName.of("production");

    @Test
    public void randomHistoriesFoldToTheBruteForceInAppendAndShuffledOrder() {
        for (long seed = 1; seed <= 12; seed++) {
            List<DeployRecord> appended = randomHistory(seed, 3000);
            LedgerSummary inOrder = fold(appended);
            assertMatchesBruteForce(inOrder, appended);
            Random random = new Random(seed);
            for (int round = 0; round < 3; round++) {
                List<DeployRecord> shuffled = new ArrayList<>(appended);
                Collections.shuffle(shuffled, random);
                LedgerSummary reordered = fold(shuffled);
                assertThat(reordered).as("seed " + seed + " round " + round).isEqualTo(inOrder);
                assertThat(reordered.hashCode()).isEqualTo(inOrder.hashCode());
            }
            List<DeployRecord> reversed = new ArrayList<>(appended);
            Collections.reverse(reversed);
            assertThat(fold(reversed)).as("seed " + seed + " reversed").isEqualTo(inOrder);
        }
    }

    @Test
    public void theDisorderAndLatestStartAreTheAppendOrderBruteForceAndNotInEquals() {
        for (long seed = 1; seed <= 12; seed++) {
            List<DeployRecord> appended = randomHistory(seed, 2000);
            assertAppendOrderFacts(fold(appended), appended, "seed " + seed);
            List<DeployRecord> shuffled = new ArrayList<>(appended);
            Collections.shuffle(shuffled, new Random(seed));
            assertAppendOrderFacts(fold(shuffled), shuffled, "seed " + seed + " shuffled");
            // folded in two parts, as a catch-up does
            int cut = appended.size() / 3;
            LedgerSummary.Builder later = fold(appended.subList(0, cut)).toBuilder();
            appended.subList(cut, appended.size()).forEach(later::add);
            assertAppendOrderFacts(later.build(), appended, "seed " + seed + " in two parts");
        }
        List<DeployRecord> byStart = new ArrayList<>(randomHistory(3, 500));
        byStart.sort(LedgerSummary.START_ORDER);
        assertThat(fold(byStart).getDisorder()).isZero();
        Collections.reverse(byStart);
        LedgerSummary reversed = fold(byStart);
        assertThat(reversed.getDisorder())
                .isEqualTo(Duration.between(
                        byStart.get(byStart.size() - 1).getStartedAt(),
                        byStart.get(0).getStartedAt()));
        assertThat(reversed).isEqualTo(fold(List.copyOf(byStart).reversed()));
        assertThat(LedgerSummary.empty().getDisorder()).isZero();
        assertThat(LedgerSummary.empty().getLatestStart()).isEmpty();
    }

    private static void assertAppendOrderFacts(LedgerSummary summary, List<DeployRecord> appended, String context) {
        java.time.Instant latest = null;
        Duration disorder = Duration.ZERO;
        for (DeployRecord record : appended) {
            if (latest != null
                    && Duration.between(record.getStartedAt(), latest).compareTo(disorder) > 0) {
                disorder = Duration.between(record.getStartedAt(), latest);
            }
            if (latest == null || record.getStartedAt().isAfter(latest)) {
                latest = record.getStartedAt();
            }
        }
        assertThat(summary.getLatestStart()).as(context).contains(latest);
        assertThat(summary.getDisorder()).as(context).isEqualTo(disorder);
    }

    @Test
    public void foldedInStartOrderTheStreakAndEveryRecoveryAreExact() {
        for (long seed = 1; seed <= 12; seed++) {
            List<DeployRecord> byStart = SummaryHistories.byStart(randomHistory(seed, 3000));
            LedgerSummary summary = fold(byStart);
            // the brute force also checks that nothing is inexact when the records came in start order
            assertMatchesBruteForce(summary, byStart);
            for (Environment environment : summary.getEnvironments().values()) {
                assertThat(environment.getStreak().exact()).isTrue();
                assertThat(environment.getRecoveriesInexactThrough()).isEmpty();
            }
        }
    }

    @Test
    public void foldingOnAfterAppendsEqualsFoldingEverythingAtOnceAppendOrderFactsToo() {
        for (long seed = 1; seed <= 12; seed++) {
            List<DeployRecord> appended = randomHistory(seed, 2000);
            LedgerSummary atOnce = fold(appended);
            Random random = new Random(seed);
            // in several parts, each part's summary built and encoded, decoded and folded on, as catch-ups do
            LedgerSummary summary = LedgerSummary.empty();
            int from = 0;
            while (from < appended.size()) {
                int to = Math.min(appended.size(), from + 1 + random.nextInt(400));
                LedgerSummary.Builder builder = random.nextBoolean()
                        ? summary.toBuilder()
                        : LedgerSummaryFormat.decode(LedgerSummaryFormat.encode(summary)).orElseThrow().toBuilder();
                appended.subList(from, to).forEach(builder::add);
                summary = builder.build();
                from = to;
            }
            assertThat(summary).as("seed " + seed).isEqualTo(atOnce);
            // the encoding holds every field, the append-order facts (streak, recoveries, pending) too
            assertThat(new String(LedgerSummaryFormat.encode(summary), java.nio.charset.StandardCharsets.UTF_8))
                    .as("seed " + seed)
                    .isEqualTo(new String(LedgerSummaryFormat.encode(atOnce), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    public void aBuilderGoesOnFoldingAfterItBuilt() {
        List<DeployRecord> appended = randomHistory(4, 1000);
        LedgerSummary.Builder builder = LedgerSummary.builder();
        for (int i = 0; i < appended.size(); i++) {
            builder.add(appended.get(i));
            if (i % 97 == 0) {
                assertThat(builder.build()).isEqualTo(fold(appended.subList(0, i + 1)));
            }
        }
        assertThat(LedgerSummaryFormat.encode(builder.build())).isEqualTo(LedgerSummaryFormat.encode(fold(appended)));
    }

    @Test
    public void longHistoriesKeepOnlyTheNewestCompletedButTheRunsRealLength() {
        List<DeployRecord> appended = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            appended.add(record("production", i + 1, i, DeployOutcome.SUCCESS));
        }
        appended.add(record("production", 300, -5, DeployOutcome.FAILURE)); // older than all, appended last
        LedgerSummary summary = fold(appended);
        assertMatchesBruteForce(summary, appended);
        Environment production = summary.environment(PRODUCTION).orElseThrow();
        assertThat(production.getLastCompleted()).hasSize(LedgerSummary.COMPLETED_KEPT);
        // the run is every success, not only the 100 kept: the failure older than all records is its breaker
        assertThat(production.getStreak())
                .isEqualTo(new LedgerSummary.Streak(
                        Optional.of(DeployOutcome.SUCCESS),
                        250,
                        true,
                        Optional.of(new LedgerSummary.Ref(T0.minus(Duration.ofMinutes(5)), 300))));
        assertThat(production.getFirst().getBuildNumber()).isEqualTo(300);
        // a failure started in the middle of the kept window cuts the run
        appended.add(record("production", 301, 240, DeployOutcome.FAILURE));
        LedgerSummary cut = fold(appended);
        assertMatchesBruteForce(cut, appended);
        assertThat(cut.environment(PRODUCTION).orElseThrow().getStreak())
                .isEqualTo(new LedgerSummary.Streak(
                        Optional.of(DeployOutcome.SUCCESS),
                        9,
                        true,
                        Optional.of(new LedgerSummary.Ref(T0.plus(Duration.ofMinutes(240)), 301))));
    }

    @Test
    public void aDeployStartedEarlierButAppendedLaterIsNeitherLastNorLastSuccess() {
        DeployRecord newer = record("production", 7, 60, DeployOutcome.SUCCESS);
        DeployRecord older = record("production", 8, 0, DeployOutcome.SUCCESS);
        Environment production =
                fold(List.of(newer, older)).environment(PRODUCTION).orElseThrow();
        assertThat(production.getLast()).isEqualTo(newer);
        assertThat(production.getLastSuccess()).contains(newer);
        assertThat(production.getFirst()).isEqualTo(older);
    }

    @Test
    public void equalStartsAreOrderedByBuildNumberThenByAppend() {
        DeployRecord build9 = record("production", 9, 0, DeployOutcome.SUCCESS);
        DeployRecord build5 = record("production", 5, 0, DeployOutcome.FAILURE);
        Environment either =
                fold(List.of(build9, build5)).environment(PRODUCTION).orElseThrow();
        assertThat(either.getLast()).isEqualTo(build9);
        assertThat(either.getFirst()).isEqualTo(build5);
        assertThat(fold(List.of(build5, build9))).isEqualTo(fold(List.of(build9, build5)));

        // same start and same build: the one appended later is the later
        DeployRecord failed = record("production", 9, 0, DeployOutcome.FAILURE);
        Environment tie = fold(List.of(build9, failed)).environment(PRODUCTION).orElseThrow();
        assertThat(tie.getLast()).isEqualTo(failed);
        assertThat(tie.getFirst()).isEqualTo(build9);
        assertThat(tie.getLastCompleted()).containsExactly(build9, failed);
        assertThat(tie.getStreak().outcome()).contains(DeployOutcome.FAILURE);
        Environment other =
                fold(List.of(failed, build9)).environment(PRODUCTION).orElseThrow();
        assertThat(other.getLast()).isEqualTo(build9);
        assertThat(other.getLastCompleted()).containsExactly(failed, build9);
    }

    @Test
    public void fullTiesInRandomHistoriesFollowAppendOrderLikeTheStableBruteForce() {
        Random random = new Random(99);
        List<DeployRecord> appended = new ArrayList<>();
        DeployOutcome[] outcomes = DeployOutcome.values();
        for (int i = 0; i < 2000; i++) {
            // few starts and builds: many records share both
            appended.add(record(
                    random.nextBoolean() ? "production" : "staging",
                    1 + random.nextInt(5),
                    random.nextInt(20),
                    outcomes[random.nextInt(outcomes.length)]));
        }
        assertMatchesBruteForce(fold(appended), appended);
    }

    @Test
    public void skippedAndAbortedAreCountedButNotCompleted() {
        List<DeployRecord> appended = List.of(
                record("production", 1, 0, DeployOutcome.SUCCESS),
                record("production", 2, 1, DeployOutcome.ABORTED),
                record("production", 3, 2, DeployOutcome.SKIPPED));
        Environment production = fold(appended).environment(PRODUCTION).orElseThrow();
        assertThat(production.getLastCompleted()).containsExactly(appended.get(0));
        assertThat(production.getLast()).isEqualTo(appended.get(2));
        DeployCounts day = production.between(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5));
        assertThat(day.successful()).isEqualTo(1);
        assertThat(day.aborted()).isEqualTo(1);
        assertThat(day.skipped()).isEqualTo(1);
        assertThat(day.durations().count()).isEqualTo(1);
        assertThat(production.between(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 5)))
                .isEqualTo(DeployCounts.NONE);
        assertThatThrownBy(() -> production.week(LocalDate.of(2026, 1, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Monday");
    }

    @Test
    public void foldingOnFromADecodedSummaryEqualsFoldingEverything() {
        List<DeployRecord> appended = randomHistory(7, 2000);
        LedgerSummary firstHalf = fold(appended.subList(0, 1000));
        LedgerSummary decoded = LedgerSummaryFormat.decode(LedgerSummaryFormat.encode(firstHalf))
                .orElseThrow();
        LedgerSummary.Builder builder = decoded.toBuilder();
        appended.subList(1000, 2000).forEach(builder::add);
        assertThat(builder.build()).isEqualTo(fold(appended));
    }

    @Test
    public void identityKeysMatchEqualsIgnoreCase() {
        List<String> texts = new ArrayList<>(LedgerHostileStringsTest.HOSTILE);
        texts.addAll(
                List.of("ABCdef", "abcDEF", "ß", "SS", "İ", "i", "ı", "I", "ǅ", "ǆ", "Ǆ", "K", "\u212a", "𐐀", "𐐨"));
        for (String a : texts) {
            for (String b : texts) {
                assertThat(LedgerSummary.identityKey(a).equals(LedgerSummary.identityKey(b)))
                        .as(a + " vs " + b)
                        .isEqualTo(a.equalsIgnoreCase(b));
            }
        }
    }

    static DeployRecord record(String environment, int build, int minutes, DeployOutcome outcome) {
        return DeployRecord.builder(environment, "folder/app", build)
                .outcome(outcome)
                .startedAt(T0.plus(Duration.ofMinutes(minutes)))
                .duration(Duration.ofSeconds(build))
                .commit("c" + build)
                .build();
    }
}
