package io.jenkins.plugins.deployoften.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.deploy.BuildResult;
import io.jenkins.plugins.deployoften.model.deploy.DeployAttempts;
import io.jenkins.plugins.deployoften.model.deploy.NotDeployed;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.junit.After;
import org.junit.Test;

/** The deploy steps' log lines and recorded reasons: English from Messages, whatever the controller's language. */
public class DeployWordsTest {
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");
    private final Locale defaultLocale = Locale.getDefault();

    @After
    public void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    @Test
    public void bannersFrameTheDeployWithOutcomeAndDuration() {
        assertThat(DeployWords.start(STAGING, 42, 3))
                .isEqualTo("============ DeployOften: deploying build #42 to staging (up to 3 attempts) ============");
        assertThat(DeployWords.start(STAGING, 1234, 1))
                .isEqualTo("============ DeployOften: deploying build #1234 to staging ============");
        assertThat(DeployWords.end(STAGING, DeployOutcome.FAILURE, Duration.ofSeconds(42), "exit code 1"))
                .isEqualTo("============ DeployOften: deploy to staging FAILURE in 42 s: exit code 1 ============");
        assertThat(DeployWords.end(STAGING, DeployOutcome.SUCCESS, Duration.ofSeconds(3), ""))
                .isEqualTo("============ DeployOften: deploy to staging SUCCESS in 3 s ============");
        assertThat(DeployWords.skipped(STAGING, "build ended FAILURE before deploying"))
                .isEqualTo("DeployOften: not deploying to staging: build ended FAILURE before deploying");
    }

    @Test
    public void reasonsQuotingUserTextStayOneLineInOrder() {
        String reason = "exit 1\nDeployOften: deployed \u202Eevil";

        assertThat(DeployWords.end(STAGING, DeployOutcome.FAILURE, Duration.ofSeconds(3), reason))
                .doesNotContain("\n", "\u202E")
                .contains("exit 1 DeployOften: deployed evil");
        assertThat(DeployWords.skipped(STAGING, reason)).doesNotContain("\n", "\u202E");
    }

    @Test
    public void whyABuildDidNotDeploy() {
        assertThat(DeployWords.reason(NotDeployed.unstable()))
                .isEqualTo("build is UNSTABLE and only successful builds deploy");
        assertThat(DeployWords.reason(NotDeployed.buildEnded(BuildResult.NOT_BUILT)))
                .isEqualTo("build ended NOT_BUILT before deploying");
        assertThat(DeployWords.reason(NotDeployed.supersededBy(1234))).isEqualTo("superseded by #1234");
        assertThat(DeployWords.reason(NotDeployed.neverDeployed("SUCCESS")))
                .isEqualTo("build ended SUCCESS without deploying (the deploy stage was skipped)");
    }

    @Test
    public void whyADeployFailed() {
        Duration timeout = Duration.ofMinutes(15);

        assertThat(DeployWords.reason(
                        new DeployAttempts.Failure(false, DeployAttempts.AttemptResult.exited(4), timeout, 2)))
                .isEqualTo("exit code 4 (after 2 attempts)");
        assertThat(DeployWords.reason(
                        new DeployAttempts.Failure(false, DeployAttempts.AttemptResult.timedOut(), timeout, 1)))
                .isEqualTo("timed out after 15 min");
        assertThat(DeployWords.reason(
                        new DeployAttempts.Failure(true, DeployAttempts.AttemptResult.exited(-1), timeout, 0)))
                .isEqualTo("deploy interrupted: the build was aborted");
        assertThat(DeployWords.reason((DeployAttempts.Failure) null)).isEmpty();
    }

    @Test
    public void theOtherLinesAndTheLanguageOfTheController() {
        Locale.setDefault(Locale.GERMANY);

        assertThat(DeployWords.retrying(Duration.ofSeconds(30))).isEqualTo("DeployOften: retrying in 30 s");
        assertThat(DeployWords.couldNotRun(new IOException("no shell")))
                .isEqualTo("DeployOften: could not run the deploy command: java.io.IOException: no shell");
        assertThat(DeployWords.failed(STAGING, "exit code 1"))
                .isEqualTo("DeployOften: deploy to staging failed: exit code 1");
        assertThat(DeployWords.couldNotRecord(new IOException("disk full")))
                .isEqualTo(
                        "DeployOften: could not record the deploy in the job's ledger: java.io.IOException: disk full");
        assertThat(DeployWords.recorded(DeployOutcome.SUCCESS, STAGING, 12345))
                .isEqualTo("DeployOften: recorded SUCCESS deploy to staging (12345 ms)");
        assertThat(DeployWords.interruptedBody())
                .isEqualTo("the deploy was interrupted: the build was aborted or timed out");
    }
}
