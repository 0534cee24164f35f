package io.jenkins.plugins.deployoften.model.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Environment status, the deploy command's variables, recordDeploy parsing and log banners. */
public class PromotionValuesTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofHours(1));
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private static DeployRecord record(String environment, int build, DeployOutcome outcome) {
        return DeployRecord.builder(environment, "app", build)
                .outcome(outcome)
                .startedAt(T0.plusSeconds(build))
                .trigger("user " + build)
                .build();
    }

    @Test
    public void statusShowsTheLastSuccessAsCurrentAndTheFailedAttemptAfterIt() throws IOException {
        FileDeployLedger ledger = new FileDeployLedger(temporary.getRoot().toPath());
        ledger.append(record("staging", 1, DeployOutcome.SUCCESS));
        ledger.append(record("staging", 2, DeployOutcome.SUCCESS));
        ledger.append(record("qa", 3, DeployOutcome.SUCCESS));
        ledger.append(record("staging", 4, DeployOutcome.FAILURE));
        ledger.append(record("staging", 5, DeployOutcome.SKIPPED));

        EnvironmentStatus status = EnvironmentStatus.of(ledger, STAGING, LATER);

        assertThat(status.getCurrent()).map(DeployRecord::getBuildNumber).contains(2);
        assertThat(status.getLastAttempt()).map(DeployRecord::getBuildNumber).contains(4);
        assertThat(status.isLastAttemptFailed()).isTrue();
    }

    @Test
    public void statusFollowsStartTimeNotAppendOrderAndLeavesOutDeploysNotStartedYet() throws IOException {
        FileDeployLedger ledger = new FileDeployLedger(temporary.getRoot().toPath());
        ledger.append(record("staging", 3, DeployOutcome.SUCCESS));
        // started before build 3's deploy, appended after it (a long deploy, or a spool replayed late)
        ledger.append(record("staging", 2, DeployOutcome.FAILURE));
        // started a day after LATER: a clock running ahead
        ledger.append(DeployRecord.builder("staging", "app", 9)
                .outcome(DeployOutcome.ABORTED)
                .startedAt(LATER.plus(Duration.ofDays(1)))
                .build());

        EnvironmentStatus status = EnvironmentStatus.of(ledger, STAGING, LATER);

        assertThat(status.getCurrent()).map(DeployRecord::getBuildNumber).contains(3);
        assertThat(status.getLastAttempt()).map(DeployRecord::getBuildNumber).contains(3);
        assertThat(status.isLastAttemptFailed()).isFalse();
        EnvironmentStatus dayAfter = EnvironmentStatus.of(ledger, STAGING, LATER.plus(Duration.ofDays(2)));
        assertThat(dayAfter.getLastAttempt()).map(DeployRecord::getBuildNumber).contains(9);
        assertThat(dayAfter.getCurrent()).map(DeployRecord::getBuildNumber).contains(3);
        assertThat(dayAfter.isLastAttemptFailed()).isTrue();
    }

    @Test
    public void statusOfAHealthyAndOfAnUnknownEnvironment() throws IOException {
        FileDeployLedger ledger = new FileDeployLedger(temporary.getRoot().toPath());
        ledger.append(record("staging", 1, DeployOutcome.FAILURE));
        ledger.append(record("staging", 2, DeployOutcome.SUCCESS));

        EnvironmentStatus staging = EnvironmentStatus.of(ledger, STAGING, LATER);
        assertThat(staging.getCurrent()).map(DeployRecord::getBuildNumber).contains(2);
        assertThat(staging.isLastAttemptFailed()).isFalse();

        EnvironmentStatus unknown = EnvironmentStatus.of(ledger, EnvironmentName.of("prod"), LATER);
        assertThat(unknown.getCurrent()).isEmpty();
        assertThat(unknown.getLastAttempt()).isEmpty();
        assertThat(unknown.isLastAttemptFailed()).isFalse();
    }

    @Test
    public void theDeployCommandSeesWhatToDeployWhere() {
        Map<String, String> variables = DeployEnvironmentVariables.of(
                STAGING, "folder/app", 42, Optional.of("abc123"), List.of("app.war", "db/migrate.sql"), 2);

        assertThat(variables)
                .containsEntry("DEPLOYOFTEN_ENVIRONMENT", "staging")
                .containsEntry("DEPLOYOFTEN_JOB", "folder/app")
                .containsEntry("DEPLOYOFTEN_BUILD_NUMBER", "42")
                .containsEntry("DEPLOYOFTEN_COMMIT", "abc123")
                .containsEntry("DEPLOYOFTEN_ARTIFACTS", "app.war\ndb/migrate.sql")
                .containsEntry("DEPLOYOFTEN_ATTEMPT", "2");
        assertThat(DeployEnvironmentVariables.of(STAGING, "a", 1, Optional.empty(), List.of(), 1))
                .containsEntry("DEPLOYOFTEN_COMMIT", "")
                .containsEntry("DEPLOYOFTEN_ARTIFACTS", "");
    }

    @Test
    public void recordDeployAcceptsKnownResultsInAnyCase() {
        assertThat(ExternalDeploy.parseResult("SUCCESS")).isEqualTo(DeployOutcome.SUCCESS);
        assertThat(ExternalDeploy.parseResult(" failure ")).isEqualTo(DeployOutcome.FAILURE);
        assertThat(ExternalDeploy.parseResult("Aborted")).isEqualTo(DeployOutcome.ABORTED);
    }

    @Test
    public void recordDeployRejectsUnknownResultsListingTheAllowedOnes() {
        assertThatThrownBy(() -> ExternalDeploy.parseResult("GREEN"))
                .hasMessage("result: 'GREEN' is not a deploy result; use one of SUCCESS, FAILURE, ABORTED, SKIPPED");
        assertThatThrownBy(() -> ExternalDeploy.parseResult(null)).hasMessageStartingWith("result: ");
    }

    @Test
    public void recordDeployChecksTheDuration() {
        assertThat(ExternalDeploy.checkDurationMillis(0)).isZero();
        assertThat(ExternalDeploy.checkDurationMillis(ExternalDeploy.MAX_DURATION_MILLIS))
                .isEqualTo(ExternalDeploy.MAX_DURATION_MILLIS);
        assertThatThrownBy(() -> ExternalDeploy.checkDurationMillis(-1))
                .hasMessageStartingWith("durationMillis: must be 0 to ");
        assertThatThrownBy(() -> ExternalDeploy.checkDurationMillis(ExternalDeploy.MAX_DURATION_MILLIS + 1))
                .hasMessageStartingWith("durationMillis: ");
    }
}
