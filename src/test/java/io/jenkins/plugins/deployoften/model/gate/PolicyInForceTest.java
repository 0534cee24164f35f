package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.STAGING;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.history;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.gate.GatePolicy.CandidateRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FailureRateRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FrequentRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FreshRule;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.HealthyRule;
import java.util.Optional;
import org.junit.Test;

/** The administrator's floor, and a job's policy that may only tighten it. */
public class PolicyInForceTest {
    private static final GatePolicy FLOOR = GatePolicy.defaults();

    private static PolicyInForce underDefaultFloor(GatePolicy job) {
        return PolicyInForce.of(FLOOR, "global", Optional.of(job));
    }

    @Test
    public void aJobPolicyWithEveryRuleOffCannotPassAnEmptyHistory() {
        GatePolicy everythingOff = GatePolicy.builder()
                .mode(GateMode.WARN)
                .fresh(new FreshRule(false, 14))
                .frequent(new FrequentRule(false, 2, 28))
                .candidatePractised(new CandidateRule(false))
                .healthy(new HealthyRule(false, 3))
                .failureRate(new FailureRateRule(false, 50, 28))
                .build();

        PolicyInForce inForce = underDefaultFloor(everythingOff);

        assertThat(inForce.rules()).isEqualTo(FLOOR);
        assertThat(inForce.notApplied()).containsExactly("mode", "fresh", "frequent", "candidatePractised", "healthy");
        GateDecision decision = inForce.rules()
                .evaluate(history(), STAGING, CandidateIdentity.none().withCommit("abc"), NOW, Optional.empty());
        assertThat(decision.getStatus()).isEqualTo(GateStatus.BLOCK);
        assertThat(everythingOff
                        .evaluate(history(), STAGING, CandidateIdentity.none().withCommit("abc"), NOW, Optional.empty())
                        .getStatus())
                .as("the same history under the job's own rules, as before the floor")
                .isEqualTo(GateStatus.PASS);
    }

    @Test
    public void stricterRulesOfTheJobAreApplied() {
        GatePolicy stricter = GatePolicy.builder()
                .fresh(new FreshRule(true, 3))
                .frequent(new FrequentRule(true, 5, 14))
                .healthy(new HealthyRule(true, 1))
                .failureRate(new FailureRateRule(true, 20, 28))
                .build();

        PolicyInForce inForce = underDefaultFloor(stricter);

        assertThat(inForce.rules()).isEqualTo(stricter);
        assertThat(inForce.notApplied()).isEmpty();
        assertThat(inForce.tightenedByJob()).isTrue();
    }

    @Test
    public void eachLooserParameterKeepsTheFloorsRule() {
        assertThat(underDefaultFloor(
                                FLOOR.toBuilder().fresh(new FreshRule(true, 15)).build())
                        .notApplied())
                .containsExactly("fresh");
        assertThat(underDefaultFloor(FLOOR.toBuilder()
                                .frequent(new FrequentRule(true, 1, 28))
                                .build())
                        .notApplied())
                .containsExactly("frequent");
        assertThat(underDefaultFloor(FLOOR.toBuilder()
                                .frequent(new FrequentRule(true, 2, 29))
                                .build())
                        .notApplied())
                .containsExactly("frequent");
        assertThat(underDefaultFloor(FLOOR.toBuilder()
                                .healthy(new HealthyRule(true, 4))
                                .build())
                        .notApplied())
                .as("HEALTHY blocks when the last K all failed: a larger K blocks later")
                .containsExactly("healthy");
    }

    @Test
    public void aFrequencyOverMoreDaysWithMoreDeploysIsNotComparableAndKeepsTheFloor() {
        PolicyInForce inForce = underDefaultFloor(
                FLOOR.toBuilder().frequent(new FrequentRule(true, 10, 60)).build());

        assertThat(inForce.rules().frequent()).isEqualTo(FLOOR.frequent());
        assertThat(inForce.notApplied()).containsExactly("frequent");
    }

    @Test
    public void aFailureRateOverOtherDaysIsNotComparableAndKeepsTheFloor() {
        GatePolicy floor =
                FLOOR.toBuilder().failureRate(new FailureRateRule(true, 30, 28)).build();

        PolicyInForce otherDays = PolicyInForce.of(
                floor,
                "global",
                Optional.of(floor.toBuilder()
                        .failureRate(new FailureRateRule(true, 10, 7))
                        .build()));
        PolicyInForce lowerRate = PolicyInForce.of(
                floor,
                "global",
                Optional.of(floor.toBuilder()
                        .failureRate(new FailureRateRule(true, 10, 28))
                        .build()));

        assertThat(otherDays.rules().failureRate()).isEqualTo(floor.failureRate());
        assertThat(otherDays.notApplied()).containsExactly("failureRate");
        assertThat(lowerRate.rules().failureRate()).isEqualTo(new FailureRateRule(true, 10, 28));
    }

    @Test
    public void aRuleTheFloorLeavesOffTakesTheJobsSettingWhateverItIs() {
        GatePolicy floor = FLOOR.toBuilder()
                .mode(GateMode.WARN)
                .fresh(new FreshRule(false, 14))
                .build();
        GatePolicy job = FLOOR.toBuilder()
                .mode(GateMode.ENFORCE)
                .fresh(new FreshRule(true, 400))
                .build();

        PolicyInForce inForce = PolicyInForce.of(floor, "global", Optional.of(job));

        assertThat(inForce.rules().getMode()).isEqualTo(GateMode.ENFORCE);
        assertThat(inForce.rules().fresh()).isEqualTo(new FreshRule(true, 400));
        assertThat(inForce.notApplied()).isEmpty();
    }

    @Test
    public void withoutAJobPolicyTheFloorAppliesAsItIs() {
        PolicyInForce inForce = PolicyInForce.of(FLOOR, "folder team-a", Optional.empty());

        assertThat(inForce.rules()).isEqualTo(FLOOR);
        assertThat(inForce.tightenedByJob()).isFalse();
        assertThat(inForce.audited().source()).isEqualTo("folder team-a floor");
    }

    @Test
    public void theAuditedPolicySaysWhereTheRulesCameFromAndWhatWasNotApplied() {
        AuditedPolicy audited =
                underDefaultFloor(FLOOR.toBuilder().mode(GateMode.WARN).build()).audited();

        assertThat(audited.source()).isEqualTo("global floor, tightened by the job's policy");
        assertThat(audited.rules()).isEqualTo(FLOOR.toString());
        assertThat(audited.notApplied()).containsExactly("mode");
    }
}
