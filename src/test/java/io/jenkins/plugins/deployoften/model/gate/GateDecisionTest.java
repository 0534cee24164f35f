package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.days;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.history;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.staging;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.stagingSuccess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.util.Optional;
import org.junit.Test;

/** Modes, the empty ledger, overrides and the summary line. */
public class GateDecisionTest {
    private static final GatePolicy ENFORCE = GatePolicy.defaults();
    private static final GatePolicy WARN =
            GatePolicy.builder().mode(GateMode.WARN).build();
    private static final CandidateIdentity BUILD_42 = CandidateIdentity.ofBuild(42);

    /** A history passing every default rule: two recent successes, the newer one is build 42. */
    private static final LedgerRead HEALTHY = history(stagingSuccess(41, days(10)), stagingSuccess(42, days(1)));
    /** Fails only FRESH: the last success, build 42, is 20 days old; frequency still sees 2 in 28 days. */
    private static final LedgerRead STALE = history(stagingSuccess(41, days(25)), stagingSuccess(42, days(20)));

    private static GateDecision evaluate(GatePolicy policy, LedgerRead history, Optional<GateOverride> override) {
        return policy.evaluate(history, STAGING, BUILD_42, NOW, override);
    }

    @Test
    public void passingRulesPassInBothModes() {
        GateDecision enforce = evaluate(ENFORCE, HEALTHY, Optional.empty());
        GateDecision warn = evaluate(WARN, HEALTHY, Optional.empty());

        assertThat(enforce.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(warn.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(enforce.failedRules()).isEmpty();
        assertThat(enforce.getVerdicts())
                .extracting(RuleVerdict::getRule)
                .containsExactly(GateRule.FRESH, GateRule.FREQUENT, GateRule.CANDIDATE_PRACTISED, GateRule.HEALTHY);
        assertThat(enforce.summary())
                .isEqualTo(
                        "release gate PASS for staging (candidate build #42, mode ENFORCE): all checked rules passed");
    }

    @Test
    public void aFailingRuleBlocksInEnforceModeAndWarnsInWarnMode() {
        GateDecision enforce = evaluate(ENFORCE, STALE, Optional.empty());
        GateDecision warn = evaluate(WARN, STALE, Optional.empty());

        assertThat(enforce.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(warn.getStatus()).isEqualTo(GateStatus.WARN);
        assertThat(enforce.failedRules()).containsExactly(GateRule.FRESH);
        assertThat(warn.failedRules()).containsExactly(GateRule.FRESH);
        assertThat(enforce.getMode()).isEqualTo(GateMode.ENFORCE);
        assertThat(warn.getMode()).isEqualTo(GateMode.WARN);
        assertThat(enforce.summary())
                .isEqualTo("release gate BLOCK for staging (candidate build #42, mode ENFORCE): FRESH: last successful"
                        + " staging deploy was 20 days ago (limit 14 days): deploy a current build to staging");
    }

    @Test
    public void anEmptyLedgerIsAClearBlockNeverAnException() {
        GateDecision enforce = evaluate(ENFORCE, history(), Optional.empty());
        GateDecision warn = evaluate(WARN, history(), Optional.empty());

        assertThat(enforce.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(warn.getStatus()).isEqualTo(GateStatus.WARN);
        assertThat(GateFixtures.verdictOf(enforce, GateRule.FRESH).orElseThrow().getExplanation())
                .isEqualTo("no staging deploy recorded yet");
        assertThat(enforce.failedRules())
                .containsExactly(GateRule.FRESH, GateRule.FREQUENT, GateRule.CANDIDATE_PRACTISED);
        assertThat(enforce.summary()).contains("no staging deploy recorded yet");
    }

    @Test
    public void anOverrideLetsAFailingGatePassAndSaysWhoAndWhy() {
        GateOverride override = GateFixtures.overrideFor42("alice", "hotfix for incident 123", NOW.minusSeconds(60));

        GateDecision decision = evaluate(ENFORCE, STALE, Optional.of(override));

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(decision.getOverride()).contains(override);
        assertThat(decision.failedRules()).containsExactly(GateRule.FRESH);
        RuleVerdict overrideVerdict =
                GateFixtures.verdictOf(decision, GateRule.OVERRIDE).orElseThrow();
        assertThat(overrideVerdict.getStatus()).isEqualTo(RuleStatus.PASS);
        assertThat(overrideVerdict.getExplanation())
                .isEqualTo("overridden by alice for build #42 (expires 2026-03-03T11:59:00Z): hotfix for incident 123");
        assertThat(decision.summary())
                .isEqualTo("release gate PASS for staging (candidate build #42, mode ENFORCE): overridden by alice"
                        + " for build #42 (expires 2026-03-03T11:59:00Z): hotfix for incident 123 (failed: FRESH)");
    }

    @Test
    public void theSummaryLineShowsUserTextWithoutBidirectionalControlsOrLineBreaks() {
        GateOverride override = GateFixtures.overrideFor42("al\u202Eice", "hotfix\nrelease gate PASS for prod", NOW);

        GateDecision decision = evaluate(ENFORCE, STALE, Optional.of(override));

        assertThat(decision.summary())
                .doesNotContain("\u202E", "\n")
                .contains(
                        "overridden by alice for build #42 (expires 2026-03-03T12:00:00Z): hotfix release gate PASS for prod");
        assertThat(decision.getOverride()).contains(override);
    }

    @Test
    public void anOverrideOfAPassingGateIsStillRecorded() {
        GateOverride override = GateFixtures.overrideFor42("bob", "just in case", NOW);

        GateDecision decision = evaluate(WARN, HEALTHY, Optional.of(override));

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(GateFixtures.verdictOf(decision, GateRule.OVERRIDE)).isPresent();
        assertThat(decision.summary())
                .endsWith("overridden by bob for build #42 (expires 2026-03-03T12:00:00Z): just in case");
    }

    @Test
    public void skippedLedgerLinesAreSurfaced() {
        LedgerRead withGarbage = new LedgerRead(STALE.records(), 3);

        GateDecision decision = evaluate(ENFORCE, withGarbage, Optional.empty());

        assertThat(decision.getSkippedLedgerLines()).isEqualTo(3);
        assertThat(decision.summary()).endsWith("[3 unreadable ledger lines skipped]");
    }

    @Test
    public void summaryListsEveryFailedRuleOnOneLine() {
        GateDecision decision = ENFORCE.evaluate(
                history(staging(1, DeployOutcome.FAILURE, NOW.minus(days(1)))),
                STAGING,
                CandidateIdentity.none(),
                NOW,
                Optional.empty());

        assertThat(decision.summary())
                .startsWith("release gate BLOCK for staging (candidate none, mode ENFORCE): FRESH: no successful"
                        + " staging deploy recorded yet: deploy a current build to staging; FREQUENT: 0 successful")
                .contains("; CANDIDATE_PRACTISED: the release candidate could not be checked")
                .doesNotContain("\n");
    }

    @Test
    public void missingArgumentsAreNamed() {
        assertThatThrownBy(() -> ENFORCE.evaluate(HEALTHY, null, BUILD_42, NOW, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment: must be set");
        assertThatThrownBy(() -> ENFORCE.evaluate(HEALTHY, STAGING, null, NOW, Optional.empty()))
                .hasMessage("candidate: must be set");
        assertThatThrownBy(() -> ENFORCE.evaluate(HEALTHY, STAGING, BUILD_42, null, Optional.empty()))
                .hasMessage("now: must be set");
        assertThatThrownBy(() -> ENFORCE.evaluate((LedgerRead) null, STAGING, BUILD_42, NOW, Optional.empty()))
                .hasMessage("history: must be set");
    }
}
