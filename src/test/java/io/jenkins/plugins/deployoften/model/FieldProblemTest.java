package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.deploy.DeployCondition;
import io.jenkins.plugins.deployoften.model.deploy.DeploySettings;
import io.jenkins.plugins.deployoften.model.deploy.ExternalDeploy;
import io.jenkins.plugins.deployoften.model.deploy.FailureEffect;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import org.junit.Test;

public class FieldProblemTest {
    @Test
    public void aNumberOutOfRangeNamesTheFieldTheLimitsAndTheValue() {
        FieldProblem problem = FieldProblem.outOfRange("retries", 0, 10, 11);

        assertThat(problem.kind()).isEqualTo(FieldProblem.Kind.OUT_OF_RANGE);
        assertThat(problem.min()).isZero();
        assertThat(problem.max()).isEqualTo(10);
        assertThat(problem.value()).isEqualTo("11");
        assertThat(problem.message()).isEqualTo("retries: must be 0 to 10, was 11");
        assertThat(FieldProblem.ifOutOfRange("retries", 0, 10, 10)).isEmpty();
        assertThat(FieldProblem.ifOutOfRange("retries", 0, 10, -1))
                .contains(FieldProblem.outOfRange("retries", 0, 10, -1));
    }

    @Test
    public void aProblemInsideASectionNamesTheFieldPath() {
        assertThat(FieldProblem.outOfRange("healthyLastDeploys", 1, 100, 0)
                        .within("gatePolicy")
                        .message())
                .isEqualTo("gatePolicy.healthyLastDeploys: must be 1 to 100, was 0");
    }

    @Test
    public void theModelsChecksReturnTheirProblemsAsValues() {
        assertThat(DeploySettings.problemWithTimeoutMinutes(0))
                .contains(FieldProblem.outOfRange("timeoutMinutes", 1, 1440, 0));
        assertThat(DeploySettings.problemWithCommand(" ")).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(FieldProblem.Kind.BLANK);
            assertThat(problem.message())
                    .isEqualTo(
                            "command: must not be empty: enter the shell (Unix) or batch (Windows) command that deploys"
                                    + " the build");
        });
        assertThat(DeploySettings.problemWith("staging", "x", 15, 0, 0, null, FailureEffect.FAIL_BUILD))
                .hasValueSatisfying(problem -> {
                    assertThat(problem.kind()).isEqualTo(FieldProblem.Kind.NOT_ONE_OF);
                    assertThat(problem.message())
                            .isEqualTo("deployWhen: must be one of SUCCESSFUL, SUCCESSFUL_OR_UNSTABLE");
                });
        assertThat(DeploySettings.problemWith(
                        "staging", "x", 15, 0, 0, DeployCondition.SUCCESSFUL, FailureEffect.FAIL_BUILD))
                .isEmpty();
        assertThat(LedgerRetention.problemWith(29)).contains(FieldProblem.outOfRange("retentionDays", 30, 3650, 29));
        assertThat(ExternalDeploy.problemWithResult("GREEN")).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(FieldProblem.Kind.UNKNOWN_RESULT);
            assertThat(problem.allowed()).isEqualTo("SUCCESS, FAILURE, ABORTED, SKIPPED");
        });
        assertThat(ExternalDeploy.problemWithResult("skipped")).isEmpty();
        assertThat(ExternalDeploy.problemWithDurationMillis(-1))
                .hasValueSatisfying(problem ->
                        assertThat(problem.message()).isEqualTo("durationMillis: must be 0 to 604800000, was -1"));
        assertThat(CandidateIdentity.problemWithToken("commit", "a b")).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(FieldProblem.Kind.NOT_ONE_WORD);
            assertThat(problem.message()).startsWith("commit: must be one word");
        });
        assertThat(CandidateIdentity.problemWithToken("commit", " ")).isEmpty();
    }

    @Test
    public void environmentNamesHaveTheirOwnKindsAndKeepTheirWording() {
        FieldProblem tooLong =
                EnvironmentName.problemWith("environment", "x".repeat(70)).orElseThrow();

        assertThat(tooLong.kind()).isEqualTo(FieldProblem.Kind.NAME_TOO_LONG);
        assertThat(tooLong.max()).isEqualTo(EnvironmentName.MAX_LENGTH);
        assertThat(tooLong.shownValue()).isEqualTo("x".repeat(64) + "…");
        assertThat(tooLong.message())
                .startsWith("environment: environment name 'xxx")
                .contains("longer than 64");
        assertThat(EnvironmentName.problemWith("defaultEnvironment", "a b")
                        .orElseThrow()
                        .message())
                .isEqualTo("defaultEnvironment: environment name 'a b' has characters that are not allowed: use "
                        + "1 to 64 letters, digits, '-', '_' or '.'");
    }

    @Test
    public void theGatePolicyGroupsItsLimitsPerRuleAndReportsEveryProblem() {
        GatePolicy policy = GatePolicy.builder()
                .fresh(new GatePolicy.FreshRule(false, 7))
                .frequent(new GatePolicy.FrequentRule(true, 3, 7))
                .build();

        assertThat(policy.fresh()).isEqualTo(new GatePolicy.FreshRule(false, 7));
        assertThat(policy.isFreshEnabled()).isFalse();
        assertThat(policy.getFrequentWindowDays()).isEqualTo(7);
        assertThat(policy.healthy()).isEqualTo(GatePolicy.HealthyRule.DEFAULT);
        assertThat(new GatePolicy.FrequentRule(true, 25, 1).problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(FieldProblem.Kind.TOO_MANY_FOR_WINDOW);
            assertThat(problem.max()).isEqualTo(24);
            assertThat(problem.allowed()).isEqualTo("1");
        });
        assertThat(GatePolicy.builder().freshMaxDays(0).healthyLastDeploys(101).problems())
                .extracting(FieldProblem::field)
                .containsExactly("freshMaxDays", "healthyLastDeploys");
    }

    @Test
    public void refusalsCarryTheirProblem() {
        assertThatThrownBy(() -> GatePolicy.builder().failureRateMaxPercent(101).build())
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.problem())
                                .isEqualTo(FieldProblem.outOfRange("failureRateMaxPercent", 0, 100, 101)));
        assertThatThrownBy(() -> EnvironmentName.of("a b"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(FieldProblem.Kind.BAD_NAME))
                .hasMessageStartingWith("environment name 'a b'");
        assertThatThrownBy(() -> LedgerRetention.ofDays(5)).isInstanceOf(InvalidValueException.class);
    }
}
