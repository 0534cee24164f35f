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
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.util.Optional;
import org.junit.Test;

/** Modes, the empty ledger, overrides and what the rules found; {@code GateWordsTest} words them. */
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
        assertThat(GateFixtures.verdictOf(enforce, GateRule.FRESH).orElseThrow().getFindings())
                .containsExactly(new Finding.LastSuccess(STAGING, days(20), 14, 42, DeploySource.UNKNOWN));
    }

    @Test
    public void anEmptyLedgerIsAClearBlockNeverAnException() {
        GateDecision enforce = evaluate(ENFORCE, history(), Optional.empty());
        GateDecision warn = evaluate(WARN, history(), Optional.empty());

        assertThat(enforce.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(warn.getStatus()).isEqualTo(GateStatus.WARN);
        assertThat(GateFixtures.explanation(enforce, GateRule.FRESH)).isEqualTo("no staging deploy recorded yet");
        assertThat(enforce.failedRules())
                .containsExactly(GateRule.FRESH, GateRule.FREQUENT, GateRule.CANDIDATE_PRACTISED);
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
        assertThat(GateFixtures.explanation(overrideVerdict))
                .isEqualTo("overridden by alice for build #42 (expires 2026-03-03T11:59:00Z): hotfix for incident 123");
        assertThat(overrideVerdict.getFindings()).containsExactly(new Finding.Overridden(override));
    }

    @Test
    public void anOverrideOfAPassingGateIsStillRecorded() {
        GateOverride override = GateFixtures.overrideFor42("bob", "just in case", NOW);

        GateDecision decision = evaluate(WARN, HEALTHY, Optional.of(override));

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(GateFixtures.verdictOf(decision, GateRule.OVERRIDE)).isPresent();
        assertThat(GateFixtures.verdictOf(decision, GateRule.OVERRIDE)
                        .orElseThrow()
                        .getFindings())
                .containsExactly(new Finding.Overridden(override));
    }

    @Test
    public void skippedLedgerLinesAreSurfaced() {
        LedgerRead withGarbage = new LedgerRead(STALE.records(), 3);

        GateDecision decision = evaluate(ENFORCE, withGarbage, Optional.empty());

        assertThat(decision.getSkippedLedgerLines()).isEqualTo(3);
    }

    @Test
    public void everyFailedRuleFindsWhatFailedIt() {
        GateDecision decision = ENFORCE.evaluate(
                history(staging(1, DeployOutcome.FAILURE, NOW.minus(days(1)))),
                STAGING,
                CandidateIdentity.none(),
                NOW,
                Optional.empty());

        assertThat(decision.getVerdicts())
                .filteredOn(RuleVerdict::isFailed)
                .flatExtracting(RuleVerdict::getFindings)
                .containsExactly(
                        new Finding.NoSuccessfulDeploy(STAGING),
                        new Finding.Frequency(STAGING, 0, 2, 28),
                        new Finding.CandidateNotGiven());
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
