package io.jenkins.plugins.deployoften.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class DeployMetricNamesTest {
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");

    @Test
    public void namesCarryEnvironmentAndResultButNeverTheJob() {
        DeployMetricNames names = new DeployMetricNames(List.of());

        assertThat(names.deployCounters("team/app", STAGING, DeployOutcome.FAILURE))
                .containsExactly("deployoften.deploys.staging.failure");
        assertThat(names.durationTimer(STAGING)).isEqualTo("deployoften.deploy.duration.staging");
        assertThat(names.gateCounter("BLOCK")).isEqualTo("deployoften.gate.decisions.block");
    }

    @Test
    public void seriesStayFewWhateverTheNumberOfJobs() {
        DeployMetricNames names = new DeployMetricNames(List.of());
        Set<String> series = new HashSet<>();
        for (int job = 0; job < 5000; job++) {
            for (DeployOutcome outcome : DeployOutcome.values()) {
                series.addAll(names.deployCounters("team-" + job % 50 + "/app-" + job, STAGING, outcome));
            }
        }

        assertThat(series).hasSize(DeployOutcome.values().length);
    }

    @Test
    public void optedInFoldersGetTheirOwnSeriesTheLongestFolderWinning() {
        DeployMetricNames names = new DeployMetricNames(List.of("/payments/", "payments/eu", " ", "search"));

        assertThat(names.deployCounters("payments/eu/api", STAGING, DeployOutcome.SUCCESS))
                .containsExactly(
                        "deployoften.deploys.staging.success",
                        "deployoften.folder.payments.eu.deploys.staging.success");
        assertThat(names.deployCounters("payments/web", STAGING, DeployOutcome.SUCCESS))
                .contains("deployoften.folder.payments.deploys.staging.success");
        assertThat(names.deployCounters("paymentsx/web", STAGING, DeployOutcome.SUCCESS))
                .hasSize(1);
        assertThat(names.deployCounters("search", STAGING, DeployOutcome.SUCCESS))
                .hasSize(1);
    }

    @Test
    public void folderNamesAreMadeSafeForMetricNames() {
        DeployMetricNames names = new DeployMetricNames(List.of("Team A (ops)"));

        assertThat(names.deployCounters("Team A (ops)/app", STAGING, DeployOutcome.SUCCESS))
                .contains("deployoften.folder.Team_A__ops_.deploys.staging.success");
    }
}
