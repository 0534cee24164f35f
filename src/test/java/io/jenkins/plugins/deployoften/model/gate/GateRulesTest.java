package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.days;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.deploy;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.history;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.staging;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.stagingSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.time.Duration;
import java.util.Optional;
import org.junit.Test;

/** Each rule at and around its thresholds, through the pure overload. */
public class GateRulesTest {
    private static final GatePolicy ONLY_FRESH = GatePolicy.builder()
            .frequentEnabled(false)
            .candidatePractisedEnabled(false)
            .healthyEnabled(false)
            .build();
    private static final GatePolicy ONLY_FREQUENT = GatePolicy.builder()
            .freshEnabled(false)
            .candidatePractisedEnabled(false)
            .healthyEnabled(false)
            .build();
    private static final GatePolicy ONLY_CANDIDATE = GatePolicy.builder()
            .freshEnabled(false)
            .frequentEnabled(false)
            .healthyEnabled(false)
            .build();
    private static final GatePolicy ONLY_STREAK = GatePolicy.builder()
            .freshEnabled(false)
            .frequentEnabled(false)
            .candidatePractisedEnabled(false)
            .build();
    private static final GatePolicy ONLY_RATE = ONLY_STREAK.toBuilder()
            .healthyEnabled(false)
            .failureRateEnabled(true)
            .failureRateMaxPercent(25)
            .build();

    private static RuleVerdict verdict(GatePolicy policy, GateRule rule, CandidateIdentity candidate, LedgerRead h) {
        return GateFixtures.verdictOf(policy.evaluate(h, STAGING, candidate, NOW, Optional.empty()), rule)
                .orElseThrow();
    }

    private static RuleVerdict verdict(GatePolicy policy, GateRule rule, DeployRecord... records) {
        return verdict(policy, rule, CandidateIdentity.none(), history(records));
    }

    // FRESH

    @Test
    public void freshPassesAtExactlyTheLimitAndFailsOneMillisecondLater() {
        RuleVerdict atLimit = verdict(ONLY_FRESH, GateRule.FRESH, stagingSuccess(40, days(14)));
        RuleVerdict past = verdict(ONLY_FRESH, GateRule.FRESH, stagingSuccess(40, days(14).plusMillis(1)));

        assertThat(atLimit.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(atLimit))
                .isEqualTo("last successful staging deploy (build #40) was 14 days ago (limit 14 days), recorded before"
                        + " sources were kept");
        assertThat(past.getStatus()).isEqualTo(RuleStatus.FAIL);
        // 14 days + 1 ms rounds down to 14 whole days, so the text says "more than"
        assertThat(GateFixtures.explanation(past))
                .isEqualTo("last successful staging deploy was more than 14 days ago (limit 14 days)");
    }

    @Test
    public void freshFailureExplainsAgeLimitAndRemedy() {
        RuleVerdict old = verdict(ONLY_FRESH, GateRule.FRESH, stagingSuccess(40, days(19).plusHours(5)));

        assertThat(GateFixtures.described(old))
                .isEqualTo(
                        "last successful staging deploy was 19 days ago (limit 14 days): deploy a current build to staging");
    }

    @Test
    public void freshLooksAtTheLastSuccessToThisEnvironmentOnly() {
        RuleVerdict verdict = verdict(
                ONLY_FRESH,
                GateRule.FRESH,
                stagingSuccess(1, days(20)),
                staging(2, DeployOutcome.FAILURE, NOW.minus(days(1))),
                deploy("production", 3, DeployOutcome.SUCCESS, NOW.minus(days(1))));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.explanation(verdict)).contains("20 days ago");
    }

    @Test
    public void freshWithOnlyFailedDeploysSaysNoSuccessfulDeploy() {
        RuleVerdict verdict =
                verdict(ONLY_FRESH, GateRule.FRESH, staging(1, DeployOutcome.FAILURE, NOW.minus(days(1))));

        assertThat(GateFixtures.explanation(verdict)).isEqualTo("no successful staging deploy recorded yet");
    }

    @Test
    public void recordsFromTheFutureAreIgnored() {
        RuleVerdict verdict = verdict(ONLY_FRESH, GateRule.FRESH, stagingSuccess(9, Duration.ofMinutes(-5)));

        assertThat(GateFixtures.explanation(verdict)).isEqualTo("no staging deploy recorded yet");
    }

    @Test
    public void freshAgeBelowADayIsShownInHours() {
        RuleVerdict verdict = verdict(ONLY_FRESH, GateRule.FRESH, stagingSuccess(7, Duration.ofHours(5)));

        assertThat(GateFixtures.explanation(verdict)).contains("was 5 hours ago");
    }

    // FREQUENT

    @Test
    public void frequentCountsSuccessesInsideTheWindowBoundaryIncluded() {
        // default 2 in 28 days: one at exactly now - 28 d counts, one 1 ms earlier does not
        DeployRecord atStart = stagingSuccess(1, days(28));
        DeployRecord beforeStart = stagingSuccess(2, days(28).plusMillis(1));
        DeployRecord recent = stagingSuccess(3, days(1));

        RuleVerdict two = verdict(ONLY_FREQUENT, GateRule.FREQUENT, atStart, recent);
        RuleVerdict one = verdict(ONLY_FREQUENT, GateRule.FREQUENT, beforeStart, recent);

        assertThat(two.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(two))
                .isEqualTo("2 successful staging deploys in the last 28 days (at least 2 required)");
        assertThat(one.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.described(one))
                .isEqualTo("1 successful staging deploy in the last 28 days (at least 2 required): deploy to staging"
                        + " more often: at least 2 successful deploys every 28 days");
    }

    @Test
    public void frequentIgnoresFailuresAndOtherEnvironments() {
        RuleVerdict verdict = verdict(
                ONLY_FREQUENT,
                GateRule.FREQUENT,
                stagingSuccess(1, days(2)),
                staging(2, DeployOutcome.FAILURE, NOW.minus(days(1))),
                staging(3, DeployOutcome.SKIPPED, NOW.minus(days(1))),
                deploy("production", 4, DeployOutcome.SUCCESS, NOW.minus(days(1))));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.explanation(verdict)).startsWith("1 successful staging deploy in");
    }

    @Test
    public void frequentHonoursACustomWindowAndCount() {
        GatePolicy threeInSeven = ONLY_FREQUENT.toBuilder()
                .frequentMinDeploys(3)
                .frequentWindowDays(7)
                .build();
        RuleVerdict verdict = verdict(
                threeInSeven,
                GateRule.FREQUENT,
                stagingSuccess(1, days(8)),
                stagingSuccess(2, days(6)),
                stagingSuccess(3, days(3)),
                stagingSuccess(4, days(0)));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(verdict)).startsWith("3 successful staging deploys in the last 7 days");
    }

    // CANDIDATE_PRACTISED

    private static DeployRecord practised(int build, DeployOutcome outcome) {
        return staging(build, outcome, NOW.minus(days(1))).toBuilder()
                .commit("0a1b2c3d4e5f")
                .artifactFingerprint("D41D8CD98F00B204E9800998ECF8427E")
                .build();
    }

    @Test
    public void theCandidateIsFoundByCommit() {
        RuleVerdict verdict = verdict(
                ONLY_CANDIDATE,
                GateRule.CANDIDATE_PRACTISED,
                CandidateIdentity.none().withCommit("0A1B2C3D4E5F"),
                history(practised(41, DeployOutcome.SUCCESS)));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(verdict))
                .isEqualTo("the release candidate (commit 0A1B2C3D4E5F) was deployed successfully to staging by"
                        + " build #41 (same commit), recorded before sources were kept");
    }

    @Test
    public void theCandidateIsFoundByArtifactFingerprint() {
        RuleVerdict verdict = verdict(
                ONLY_CANDIDATE,
                GateRule.CANDIDATE_PRACTISED,
                CandidateIdentity.none().withArtifactFingerprint("d41d8cd98f00b204e9800998ecf8427e"),
                history(practised(41, DeployOutcome.SUCCESS)));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(verdict)).contains("(same artifact fingerprint)");
    }

    @Test
    public void theCandidateIsFoundByBuild() {
        RuleVerdict found = verdict(
                ONLY_CANDIDATE,
                GateRule.CANDIDATE_PRACTISED,
                CandidateIdentity.ofBuild(41),
                history(practised(41, DeployOutcome.SUCCESS)));
        RuleVerdict other = verdict(
                ONLY_CANDIDATE,
                GateRule.CANDIDATE_PRACTISED,
                CandidateIdentity.ofBuild(42),
                history(practised(41, DeployOutcome.SUCCESS)));

        assertThat(found.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(found)).contains("(same build)");
        assertThat(other.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.described(other))
                .isEqualTo("the release candidate (build #42) was never deployed successfully to staging: deploy"
                        + " this candidate to staging successfully before releasing it");
    }

    @Test
    public void aFailedOrElsewhereDeployOfTheCandidateDoesNotCount() {
        DeployRecord succeeded = practised(41, DeployOutcome.SUCCESS);
        DeployRecord prod = DeployRecord.builder("production", "folder/app", 41)
                .commit("0a1b2c3d4e5f")
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(NOW.minus(days(1)))
                .build();

        RuleVerdict failedOnly = verdict(
                ONLY_CANDIDATE,
                GateRule.CANDIDATE_PRACTISED,
                CandidateIdentity.none().withCommit("0a1b2c3d4e5f"),
                history(practised(41, DeployOutcome.FAILURE), prod));
        RuleVerdict laterSuccess = verdict(
                ONLY_CANDIDATE,
                GateRule.CANDIDATE_PRACTISED,
                CandidateIdentity.none().withCommit("0a1b2c3d4e5f"),
                history(practised(41, DeployOutcome.FAILURE), succeeded));

        assertThat(failedOnly.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(laterSuccess.getStatus()).isEqualTo(RuleStatus.PASS);
    }

    @Test
    public void withoutAnIdentityTheCandidateCannotBeCheckedAndFails() {
        RuleVerdict verdict = verdict(
                ONLY_CANDIDATE,
                GateRule.CANDIDATE_PRACTISED,
                CandidateIdentity.none(),
                history(practised(41, DeployOutcome.SUCCESS)));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.described(verdict))
                .isEqualTo("the release candidate could not be checked: no commit, artifact fingerprint or build"
                        + " number was given: give the gate the candidate's commit, artifact fingerprint or build"
                        + " number");
    }

    // HEALTHY

    @Test
    public void threeFailuresInARowFailTheHealthRule() {
        RuleVerdict verdict = verdict(
                ONLY_STREAK,
                GateRule.HEALTHY,
                stagingSuccess(1, days(5)),
                staging(2, DeployOutcome.FAILURE, NOW.minus(days(3))),
                staging(3, DeployOutcome.SKIPPED, NOW.minus(days(3))),
                staging(4, DeployOutcome.FAILURE, NOW.minus(days(2))),
                staging(5, DeployOutcome.ABORTED, NOW.minus(days(2))),
                staging(6, DeployOutcome.FAILURE, NOW.minus(days(1))));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.described(verdict))
                .isEqualTo("the last 3 completed staging deploys all failed: fix the staging deploy and get it to"
                        + " succeed before releasing");
    }

    @Test
    public void twoFailuresAfterASuccessPass() {
        RuleVerdict verdict = verdict(
                ONLY_STREAK,
                GateRule.HEALTHY,
                stagingSuccess(1, days(5)),
                staging(2, DeployOutcome.FAILURE, NOW.minus(days(2))),
                deploy("production", 3, DeployOutcome.FAILURE, NOW.minus(days(2))),
                staging(4, DeployOutcome.FAILURE, NOW.minus(days(1))));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(verdict))
                .isEqualTo("not all of the last 3 completed staging deploys failed");
    }

    @Test
    public void fewerFailuresThanTheRunLengthPass() {
        RuleVerdict two = verdict(
                ONLY_STREAK,
                GateRule.HEALTHY,
                staging(1, DeployOutcome.FAILURE, NOW.minus(days(2))),
                staging(2, DeployOutcome.FAILURE, NOW.minus(days(1))));
        RuleVerdict none = verdict(ONLY_STREAK, GateRule.HEALTHY);

        assertThat(two.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(two)).startsWith("only 2 completed staging deploys recorded, all failed");
        assertThat(none.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(none)).startsWith("no completed staging deploy recorded yet");
    }

    @Test
    public void theFailureRateAtTheLimitPassesAndAboveFails() {
        // 1 failure of 4 completed = 25.0% <= 25%: pass
        RuleVerdict atLimit = verdict(
                ONLY_RATE,
                GateRule.HEALTHY,
                stagingSuccess(1, days(4)),
                stagingSuccess(2, days(3)),
                staging(3, DeployOutcome.FAILURE, NOW.minus(days(2))),
                stagingSuccess(4, days(1)),
                staging(5, DeployOutcome.SKIPPED, NOW.minus(days(1))));
        // 2 failures of 7 = 28.57% > 25%: fail; the failure 29 days ago lies outside the 28-day window
        RuleVerdict above = verdict(
                ONLY_RATE,
                GateRule.HEALTHY,
                staging(1, DeployOutcome.FAILURE, NOW.minus(days(29))),
                stagingSuccess(2, days(20)),
                stagingSuccess(3, days(19)),
                stagingSuccess(4, days(18)),
                staging(5, DeployOutcome.FAILURE, NOW.minus(days(10))),
                stagingSuccess(6, days(9)),
                staging(7, DeployOutcome.FAILURE, NOW.minus(days(8))),
                stagingSuccess(8, days(1)));

        assertThat(atLimit.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(atLimit))
                .isEqualTo("staging failure rate in the last 28 days was 25.0% (1 of 4 completed deploys, limit 25%)");
        assertThat(above.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.described(above))
                .isEqualTo("staging failure rate in the last 28 days was 28.6% (2 of 7 completed deploys, limit 25%):"
                        + " make staging deploys reliable: look into the failed deploys before releasing");
    }

    @Test
    public void noCompletedDeploysGiveNoFailureRate() {
        RuleVerdict verdict = verdict(ONLY_RATE, GateRule.HEALTHY);

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(GateFixtures.explanation(verdict))
                .isEqualTo("no completed staging deploys in the last 28 days, so no failure rate");
    }

    @Test
    public void bothHealthChecksFailingAreReportedTogether() {
        GatePolicy both = ONLY_RATE.toBuilder().healthyEnabled(true).build();
        RuleVerdict verdict = verdict(
                both,
                GateRule.HEALTHY,
                staging(1, DeployOutcome.FAILURE, NOW.minus(days(3))),
                staging(2, DeployOutcome.FAILURE, NOW.minus(days(2))),
                staging(3, DeployOutcome.FAILURE, NOW.minus(days(1))));

        assertThat(verdict.getStatus()).isEqualTo(RuleStatus.FAIL);
        assertThat(GateFixtures.explanation(verdict))
                .isEqualTo("the last 3 completed staging deploys all failed; staging failure rate in the last 28 days"
                        + " was 100.0% (3 of 3 completed deploys, limit 25%)");
        assertThat(GateFixtures.remedy(verdict))
                .get()
                .asString()
                .contains("fix the staging deploy", "make staging deploys");
    }

    // disabled rules

    @Test
    public void switchedOffRulesAreNotCheckedAndDoNotFail() {
        GatePolicy none = GatePolicy.builder()
                .freshEnabled(false)
                .frequentEnabled(false)
                .candidatePractisedEnabled(false)
                .healthyEnabled(false)
                .build();

        GateDecision decision = none.evaluate(history(), STAGING, CandidateIdentity.none(), NOW, Optional.empty());

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(decision.getVerdicts()).extracting(RuleVerdict::getStatus).containsOnly(RuleStatus.NOT_CHECKED);
        assertThat(decision.getVerdicts())
                .extracting(GateFixtures::explanation)
                .containsExactly(
                        "freshness is not checked (rule off)",
                        "deploy frequency is not checked (rule off)",
                        "candidate practice is not checked (rule off)",
                        "deploy health is not checked (rule off)");
    }
}
