package io.jenkins.plugins.deployoften.model.view;

import static io.jenkins.plugins.deployoften.model.view.TableFixtures.FRESH;
import static io.jenkins.plugins.deployoften.model.view.TableFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.view.TableFixtures.job;
import static io.jenkins.plugins.deployoften.model.view.TableFixtures.lastDeployed;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.view.TableFixtures.Records;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The Deploy health page's rows: what runs where, the order, the states, the pages. */
public class DeployHealthTableTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static DeployHealthTable table(List<DeployHealthTable.Job> jobs) {
        return DeployHealthTable.of(jobs, HealthStateFilter.ALL, FRESH, NOW);
    }

    private static List<String> names(List<DeployHealthTable.Row> rows) {
        return rows.stream().map(row -> row.getJob().fullName()).toList();
    }

    @Test
    public void anEmptyScopeHasNoRowNoColumnAndOnePage() {
        DeployHealthTable table = table(List.of());

        assertThat(table.getRows()).isEmpty();
        assertThat(table.getEnvironments()).isEmpty();
        assertThat(table.getScopeHealth().isEmpty()).isTrue();
        assertThat(table.getPages()).isEqualTo(1);
        assertThat(table.page(1).rows()).isEmpty();
        assertThat(table.page(1).isPaged()).isFalse();
    }

    @Test
    public void oneJobShowsWhatRunsOnItsEnvironment() throws IOException {
        DeployHealthTable.Job app = job(
                "app",
                new Records("app")
                        .deploy("staging", DeployOutcome.FAILURE, Duration.ofHours(5))
                        .deploy(
                                "staging",
                                DeployOutcome.SUCCESS,
                                Duration.ofHours(3),
                                COMMIT,
                                "Started by user alice"));

        DeployHealthTable table = table(List.of(app));

        assertThat(table.getEnvironments()).containsExactly("staging");
        DeployHealthTable.Row row = table.getRows().get(0);
        DeployHealthTable.Cell cell = row.cell("staging");
        DeployRecord shown = cell.getShown().orElseThrow();
        assertThat(shown.getBuildNumber()).isEqualTo(2);
        assertThat(shown.getOutcome()).isEqualTo(DeployOutcome.SUCCESS);
        assertThat(shown.getCommit()).contains(COMMIT);
        assertThat(shown.getTrigger()).contains("Started by user alice");
        assertThat(shown.getStartedAt()).isEqualTo(NOW.minus(Duration.ofHours(3)));
        // the failure was before the success: nothing to mark
        assertThat(cell.isLastAttemptFailed()).isFalse();
        assertThat(cell.getFailedAttempt()).isEmpty();
        assertThat(table.getScopeHealth().getJobs()).isEqualTo(1);
    }

    @Test
    public void aLastAttemptThatFailedAfterTheCurrentSuccessIsMarked() throws IOException {
        DeployHealthTable.Job app = job(
                "app",
                new Records("app")
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofHours(3))
                        .deploy("staging", DeployOutcome.FAILURE, Duration.ofHours(1)));

        DeployHealthTable.Cell cell = table(List.of(app)).getRows().get(0).cell("staging");

        // build 1 still runs there; build 2 failed to replace it
        assertThat(cell.getShown().orElseThrow().getBuildNumber()).isEqualTo(1);
        assertThat(cell.isLastAttemptFailed()).isTrue();
        assertThat(cell.getFailedAttempt().orElseThrow().getBuildNumber()).isEqualTo(2);
        assertThat(cell.getLastAttempt().orElseThrow().getOutcome()).isEqualTo(DeployOutcome.FAILURE);
    }

    @Test
    public void anEnvironmentThatNeverHadASuccessShowsTheFailedAttemptMarked() throws IOException {
        DeployHealthTable.Job app =
                job("app", new Records("app").deploy("staging", DeployOutcome.ABORTED, Duration.ofHours(1)));

        DeployHealthTable.Cell cell = table(List.of(app)).getRows().get(0).cell("staging");

        assertThat(cell.getShown().orElseThrow().getOutcome()).isEqualTo(DeployOutcome.ABORTED);
        assertThat(cell.isLastAttemptFailed()).isTrue();
        assertThat(cell.getFailedAttempt()).isEmpty();
    }

    @Test
    public void theColumnsAreTheEnvironmentsOfTheShownJobsAndAJobLacksTheOthers() throws IOException {
        DeployHealthTable.Job web = job(
                "web",
                new Records("web")
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofHours(4))
                        .deploy("production", DeployOutcome.SUCCESS, Duration.ofHours(2)));
        DeployHealthTable.Job api = job(
                "api",
                new Records("api")
                        .deploy("staging", DeployOutcome.SUCCESS, Duration.ofHours(4))
                        .deploy("qa", DeployOutcome.FAILURE, Duration.ofHours(3))
                        // a build that did not deploy: its environment makes no column
                        .deploy("sandbox", DeployOutcome.SKIPPED, Duration.ofHours(1)));

        DeployHealthTable table = table(List.of(web, api));

        assertThat(table.getEnvironments()).containsExactly("production", "qa", "staging");
        DeployHealthTable.Row apiRow = table.getRows().get(0);
        DeployHealthTable.Row webRow = table.getRows().get(1);
        assertThat(apiRow.getCells().keySet()).containsExactly("qa", "staging");
        assertThat(apiRow.cell("production")).isNull();
        assertThat(apiRow.cell("sandbox")).isNull();
        assertThat(webRow.cell("qa")).isNull();
        assertThat(webRow.cell("production").getShown().orElseThrow().getBuildNumber())
                .isEqualTo(2);
    }

    @Test
    public void blockedGatesComeFirstThenStaleJobsThenTheRestEachByName() throws IOException {
        List<DeployHealthTable.Job> jobs = List.of(
                lastDeployed("a-fresh", Duration.ofDays(1)),
                lastDeployed("b-stale", Duration.ofDays(20)),
                job(
                        "c-blocked",
                        new Records("c-blocked").deploy("staging", DeployOutcome.SUCCESS, Duration.ofDays(1)),
                        true),
                lastDeployed("aa-stale", Duration.ofDays(30)),
                job(
                        "b-blocked-and-stale",
                        new Records("b").deploy("staging", DeployOutcome.SUCCESS, Duration.ofDays(20)),
                        true),
                lastDeployed("0-going-stale", Duration.ofDays(13)));

        assertThat(names(table(jobs).getRows()))
                .containsExactly("b-blocked-and-stale", "c-blocked", "aa-stale", "b-stale", "0-going-stale", "a-fresh");
    }

    @Test
    public void theStateFilterKeepsTheWidgetsCountsAndTheTrendFollowsTheShownRows() throws IOException {
        List<DeployHealthTable.Job> jobs = List.of(
                lastDeployed("fresh", Duration.ofDays(1)),
                lastDeployed("stale", Duration.ofDays(20)),
                lastDeployed("going-stale", Duration.ofDays(13)),
                job(
                        "blocked",
                        new Records("blocked").deploy("staging", DeployOutcome.SUCCESS, Duration.ofDays(1)),
                        true));

        DeployHealthTable stale = DeployHealthTable.of(jobs, HealthStateFilter.STALE, FRESH, NOW);
        DeployHealthTable goingStale = DeployHealthTable.of(jobs, HealthStateFilter.GOING_STALE, FRESH, NOW);
        DeployHealthTable blocked = DeployHealthTable.of(jobs, HealthStateFilter.BLOCKED, FRESH, NOW);
        DeployHealthTable all = DeployHealthTable.of(jobs, HealthStateFilter.ALL, FRESH, NOW);

        assertThat(names(stale.getRows())).containsExactly("stale");
        assertThat(names(goingStale.getRows())).containsExactly("going-stale");
        assertThat(names(blocked.getRows())).containsExactly("blocked");
        assertThat(all.getRows()).hasSize(4);
        // the counts are the widget's for the whole scope, whichever state is shown
        ViewDeployHealth widget = ViewDeployHealth.of(
                jobs.stream().map(DeployHealthTable.Job::health).toList(), FRESH, NOW);
        for (DeployHealthTable table : List.of(stale, goingStale, blocked, all)) {
            assertThat(table.getScopeHealth().getJobs())
                    .isEqualTo(widget.getJobs())
                    .isEqualTo(4);
            assertThat(table.getScopeHealth().getStale())
                    .isEqualTo(widget.getStale())
                    .isEqualTo(1);
            assertThat(table.getScopeHealth().getGoingStale())
                    .isEqualTo(widget.getGoingStale())
                    .isEqualTo(1);
            assertThat(table.getScopeHealth().getBlocked())
                    .isEqualTo(widget.getBlocked())
                    .isEqualTo(1);
        }
        assertThat(stale.getShownHealth().getJobs()).isEqualTo(1);
        assertThat(stale.getShownHealth().getSuccessful()).isEqualTo(1);
        assertThat(all.getShownHealth().getSuccessful()).isEqualTo(4);
    }

    @Test
    public void aJobLeftOutOfTheScopeChangesNoRowColumnOrFigure() throws IOException {
        DeployHealthTable.Job readable = lastDeployed("readable", Duration.ofDays(1));
        DeployHealthTable.Job hidden = job(
                "hidden",
                new Records("hidden")
                        .deploy("production", DeployOutcome.FAILURE, Duration.ofDays(1))
                        .deploy("secret-env", DeployOutcome.SUCCESS, Duration.ofDays(30)),
                true);

        DeployHealthTable withHidden = table(List.of(readable, hidden));
        DeployHealthTable readableOnly = table(List.of(readable));

        // control: the hidden job would show in rows, columns and every count
        assertThat(withHidden.getEnvironments()).contains("production", "secret-env");
        assertThat(withHidden.getScopeHealth().getBlocked()).isEqualTo(1);
        // the caller leaves it out, and nothing of it is left
        assertThat(names(readableOnly.getRows())).containsExactly("readable");
        assertThat(readableOnly.getEnvironments()).containsExactly("staging");
        assertThat(readableOnly.getScopeHealth().getJobs()).isEqualTo(1);
        assertThat(readableOnly.getScopeHealth().getBlocked()).isZero();
        assertThat(readableOnly.getScopeHealth().getStale()).isZero();
        assertThat(readableOnly.getScopeHealth().getFailed()).isZero();
        assertThat(readableOnly.getShownHealth().getWeeks())
                .isEqualTo(ViewDeployHealth.of(List.of(readable.health()), FRESH, NOW)
                        .getWeeks());
    }

    @Test
    public void rowsComeInPagesOfOneHundred() throws IOException {
        List<DeployHealthTable.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            jobs.add(lastDeployed(String.format("job-%03d", i), Duration.ofDays(1)));
        }
        DeployHealthTable table = table(jobs);

        assertThat(table.getPages()).isEqualTo(3);
        DeployHealthTable.Page first = table.page(1);
        assertThat(first.rows()).hasSize(100);
        assertThat(first.rows().get(0).getJob().fullName()).isEqualTo("job-000");
        assertThat(first.isPaged()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        DeployHealthTable.Page second = table.page(2);
        assertThat(second.rows().get(0).getJob().fullName()).isEqualTo("job-100");
        DeployHealthTable.Page last = table.page(3);
        assertThat(last.rows()).hasSize(50);
        assertThat(last.rows().get(49).getJob().fullName()).isEqualTo("job-249");
        assertThat(last.hasNext()).isFalse();
        // out of range: the nearest page
        assertThat(table.page(0).number()).isEqualTo(1);
        assertThat(table.page(-5).number()).isEqualTo(1);
        assertThat(table.page(99).number()).isEqualTo(3);
        // exactly one page of rows: no pagination
        assertThat(table(jobs.subList(0, 100)).page(1).isPaged()).isFalse();
        assertThat(table(jobs.subList(0, 101)).page(1).isPaged()).isTrue();
    }

    @Test
    public void thePageParameterIsReadLeniently() {
        assertThat(DeployHealthTable.pageNumber(null)).isEqualTo(1);
        assertThat(DeployHealthTable.pageNumber("")).isEqualTo(1);
        assertThat(DeployHealthTable.pageNumber(" 2 ")).isEqualTo(2);
        assertThat(DeployHealthTable.pageNumber("two")).isEqualTo(1);
        assertThat(DeployHealthTable.pageNumber("99999999999")).isEqualTo(1);
    }

    @Test
    public void longHexadecimalCommitsAreShortenedOthersKept() {
        assertThat(DeployHealthTable.shortCommit(COMMIT)).isEqualTo("0123456");
        assertThat(DeployHealthTable.shortCommit("0123456789AB")).isEqualTo("0123456");
        assertThat(DeployHealthTable.shortCommit("0123456789a")).isEqualTo("0123456789a");
        assertThat(DeployHealthTable.shortCommit("release-1.2.3")).isEqualTo("release-1.2.3");
        assertThat(DeployHealthTable.shortCommit("abc\u202Edef")).isEqualTo("abcdef");
        assertThat(DeployHealthTable.shortCommit(null)).isEmpty();
    }
}
