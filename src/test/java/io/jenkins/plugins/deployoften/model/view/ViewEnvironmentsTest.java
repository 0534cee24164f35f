package io.jenkins.plugins.deployoften.model.view;

import static io.jenkins.plugins.deployoften.model.view.TableFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.view.TableFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.view.TableFixtures.Records;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;

/** The Deploy health portlet's environments: one row per environment of the jobs the caller hands in. */
public class ViewEnvironmentsTest {
    private static ViewEnvironments.Row row(String environment, int jobs, int deploys, int failures, Duration ago) {
        return new ViewEnvironments.Row(environment, jobs, deploys, failures, NOW.minus(ago));
    }

    @Test
    public void anEmptyViewHasNoEnvironment() {
        ViewEnvironments environments = ViewEnvironments.of(List.of());

        assertThat(environments.isEmpty()).isTrue();
        assertThat(environments.getRows()).isEmpty();
    }

    @Test
    public void oneJobCountsItsDeploysOfTheLastFourWeeks() throws IOException {
        // NOW is a Thursday: the last 4 ISO weeks start on the Monday 24 days and 12 hours before it
        DeployHealthTable.Job app = job(
                "app",
                new Records("app")
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofDays(25))
                        .deploy("staging", DeployOutcome.FAILURE, Duration.ofDays(24))
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofDays(3))
                        .deploy("staging", DeployOutcome.ABORTED, Duration.ofDays(2))
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofHours(5)));

        ViewEnvironments environments = ViewEnvironments.of(List.of(app));

        // neither the deploy before those weeks nor the aborted one is a completed deploy of the last 4 weeks
        assertThat(environments.getRows()).containsExactly(row("staging", 1, 3, 1, Duration.ofHours(5)));
        assertThat(environments.isEmpty()).isFalse();
    }

    @Test
    public void mixedEnvironmentsAddUpTheirJobsByNameAndKeepTheLatestDeploy() throws IOException {
        DeployHealthTable.Job app = job(
                "app",
                new Records("app")
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofDays(2))
                        .deploy("prod", DeployOutcome.FAILURE, Duration.ofHours(30))
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofHours(4)));
        DeployHealthTable.Job web = job(
                "web",
                new Records("web")
                        .deploy("staging", DeployOutcome.FAILURE, Duration.ofHours(2))
                        .deploy("qa", DeployOutcome.SKIPPED, Duration.ofHours(1)));
        DeployHealthTable.Job old =
                job("old", new Records("old").deploy("prod", DeployOutcome.SUCCESS, Duration.ofDays(60)));

        ViewEnvironments environments = ViewEnvironments.of(List.of(app, web, old));

        // qa has only a SKIPPED record: no deploy ran there, so it has no row; prod counts the job that deployed
        // there 60 days ago, with no deploy of the last 4 weeks
        assertThat(environments.getRows())
                .containsExactly(
                        row("prod", 2, 1, 1, Duration.ofHours(30)), row("staging", 2, 3, 1, Duration.ofHours(2)));
    }

    @Test
    public void aJobTheCallerLeavesOutChangesNoRow() throws IOException {
        DeployHealthTable.Job visible =
                job("visible", new Records("visible").deploy("staging", DeployOutcome.SUCCESS, Duration.ofHours(6)));
        DeployHealthTable.Job hidden = job(
                "hidden",
                new Records("hidden")
                        .deploy("secret-env", DeployOutcome.FAILURE, Duration.ofHours(2))
                        .deploy("staging", DeployOutcome.FAILURE, Duration.ofHours(1)));

        List<ViewEnvironments.Row> withHidden =
                ViewEnvironments.of(List.of(visible, hidden)).getRows();
        List<ViewEnvironments.Row> without =
                ViewEnvironments.of(List.of(visible)).getRows();

        // control: the hidden job would add an environment, a job, a failure and a later deploy
        assertThat(withHidden)
                .containsExactly(
                        row("secret-env", 1, 1, 1, Duration.ofHours(2)), row("staging", 2, 2, 1, Duration.ofHours(1)));
        assertThat(without).containsExactly(row("staging", 1, 1, 0, Duration.ofHours(6)));
    }

    @Test
    public void aMissingJobIsRefused() {
        assertThatThrownBy(() -> ViewEnvironments.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobs");
        assertThatThrownBy(() -> ViewEnvironments.of(Arrays.asList((DeployHealthTable.Job) null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jobs");
    }

    @Test
    public void recentDeploysCountTheLastFourWeeksOfLongerStatistics() throws IOException {
        Records records = new Records("app")
                .deploy("staging", DeployOutcome.FAILURE, Duration.ofDays(40))
                .deploy("staging", DeployOutcome.SUCCESS, Duration.ofDays(20))
                .deploy("staging", DeployOutcome.FAILURE, Duration.ofDays(1));
        EnvironmentName staging = EnvironmentName.of("staging");

        RecentDeploys ofTwelveWeeks = RecentDeploys.of(DeployStatistics.compute(records.records(), staging, NOW, 12));
        RecentDeploys ofFourWeeks =
                RecentDeploys.of(DeployStatistics.compute(records.records(), staging, NOW, RecentDeploys.WEEKS));

        assertThat(ofTwelveWeeks).isEqualTo(new RecentDeploys(staging, 2, 1)).isEqualTo(ofFourWeeks);
    }

    @Test
    public void recentDeploysRefuseImpossibleCounts() {
        EnvironmentName staging = EnvironmentName.of("staging");

        assertThatThrownBy(() -> new RecentDeploys(staging, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failures at most deploys");
        assertThatThrownBy(() -> new RecentDeploys(staging, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentDeploys(null, 0, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("environment");
    }
}
