package io.jenkins.plugins.deployoften.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.FieldProblem;
import java.time.Duration;
import org.junit.Test;

/** Which builds deploy, what a failed deploy does to the build, and how settings are validated. */
public class DeployDecisionsTest {
    @Test
    public void successfulBuildsDeployUnderEitherCondition() {
        assertThat(DeployCondition.SUCCESSFUL.skipReason(BuildResult.SUCCESS)).isEmpty();
        assertThat(DeployCondition.SUCCESSFUL_OR_UNSTABLE.skipReason(BuildResult.SUCCESS))
                .isEmpty();
    }

    @Test
    public void unstableBuildsDeployOnlyWhenAllowed() {
        assertThat(DeployCondition.SUCCESSFUL.skipReason(BuildResult.UNSTABLE)).contains(NotDeployed.unstable());
        assertThat(DeployCondition.SUCCESSFUL_OR_UNSTABLE.skipReason(BuildResult.UNSTABLE))
                .isEmpty();
    }

    @Test
    public void failedAbortedAndNotBuiltBuildsNeverDeployAndSayWhy() {
        for (DeployCondition condition : DeployCondition.values()) {
            for (BuildResult ended :
                    new BuildResult[] {BuildResult.FAILURE, BuildResult.ABORTED, BuildResult.NOT_BUILT}) {
                assertThat(condition.skipReason(ended)).contains(NotDeployed.buildEnded(ended));
            }
        }
    }

    @Test
    public void aRunningBuildWithoutResultCountsAsSuccessful() {
        assertThat(BuildResult.fromJenkins(null)).isEqualTo(BuildResult.SUCCESS);
        assertThat(BuildResult.fromJenkins("UNSTABLE")).isEqualTo(BuildResult.UNSTABLE);
        assertThatThrownBy(() -> BuildResult.fromJenkins("GREEN")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void failureEffectsMapToBuildResults() {
        assertThat(FailureEffect.FAIL_BUILD.buildResultAfterFailedDeploy()).contains(BuildResult.FAILURE);
        assertThat(FailureEffect.MARK_UNSTABLE.buildResultAfterFailedDeploy()).contains(BuildResult.UNSTABLE);
        assertThat(FailureEffect.LEAVE_RESULT.buildResultAfterFailedDeploy()).isEmpty();
    }

    @Test
    public void validSettingsKeepTheirValues() {
        DeploySettings settings = DeploySettings.of(
                "staging", "./deploy.sh", 15, 2, 30, DeployCondition.SUCCESSFUL, FailureEffect.MARK_UNSTABLE);

        assertThat(settings.getEnvironment().value()).isEqualTo("staging");
        assertThat(settings.getTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.getRetries()).isEqualTo(2);
        assertThat(settings.getRetryDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.getFailureEffect()).isEqualTo(FailureEffect.MARK_UNSTABLE);
    }

    @Test
    public void invalidSettingsNameTheFieldAndTheAllowedValues() {
        assertThatThrownBy(() -> settings("pre prod", "x", 15, 0, 0))
                .hasMessageStartingWith("environment: ")
                .hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> settings("staging", "  ", 15, 0, 0)).hasMessageStartingWith("command: ");
        assertThatThrownBy(() -> settings("staging", null, 15, 0, 0)).hasMessageStartingWith("command: ");
        assertThatThrownBy(() -> settings("staging", "x", 0, 0, 0))
                .hasMessage("timeoutMinutes: must be 1 to 1440, was 0");
        assertThatThrownBy(() -> settings("staging", "x", 1441, 0, 0))
                .hasMessage("timeoutMinutes: must be 1 to 1440, was 1441");
        assertThatThrownBy(() -> settings("staging", "x", 15, -1, 0)).hasMessage("retries: must be 0 to 10, was -1");
        assertThatThrownBy(() -> settings("staging", "x", 15, 11, 0)).hasMessage("retries: must be 0 to 10, was 11");
        assertThatThrownBy(() -> settings("staging", "x", 15, 0, -5))
                .hasMessage("retryDelaySeconds: must be 0 to 3600, was -5");
        assertThatThrownBy(() -> DeploySettings.of("staging", "x", 15, 0, 0, null, FailureEffect.FAIL_BUILD))
                .hasMessageStartingWith("deployWhen: ");
        assertThatThrownBy(() -> DeploySettings.of("staging", "x", 15, 0, 0, DeployCondition.SUCCESSFUL, null))
                .hasMessageStartingWith("onFailure: ");
    }

    @Test
    public void boundaryValuesAreAccepted() {
        assertThat(settings("staging", "x", 1, 0, 0).getTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings("staging", "x", 1440, 10, 3600).getRetries()).isEqualTo(10);
        assertThat(DeploySettings.problemWithRetries(10)).isEmpty();
        assertThat(DeploySettings.problemWithRetries(11).map(FieldProblem::message))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("retries:"));
        assertThat(DeploySettings.problemWithCommand("ok")).isEmpty();
    }

    @Test
    public void durationsReadNaturally() {
        assertThat(Durations.shown(Duration.ofMillis(850)))
                .isEqualTo(new Durations.Shown(Durations.Unit.MILLISECONDS, 850, 0));
        assertThat(Durations.shown(Duration.ofSeconds(42)))
                .isEqualTo(new Durations.Shown(Durations.Unit.SECONDS, 42, 0));
        assertThat(Durations.shown(Duration.ofSeconds(185)))
                .isEqualTo(new Durations.Shown(Durations.Unit.MINUTES, 3, 5));
        assertThat(Durations.shown(Duration.ofMinutes(125))).isEqualTo(new Durations.Shown(Durations.Unit.HOURS, 2, 5));
    }

    private static DeploySettings settings(String environment, String command, int timeout, int retries, int delay) {
        return DeploySettings.of(
                environment, command, timeout, retries, delay, DeployCondition.SUCCESSFUL, FailureEffect.FAIL_BUILD);
    }
}
