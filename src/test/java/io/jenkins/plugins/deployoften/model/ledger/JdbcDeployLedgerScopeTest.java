package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.LATE;
import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.T0;
import static io.jenkins.plugins.deployoften.model.ledger.DeployLedgerContract.builds;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * Issue 12, finding 1, on PostgreSQL: a job's own history is its own. Rows that another job, or another
 * controller, wrote under the job's full name as service are not read, by any query; a service's history is
 * this controller's unless it is shared. Nothing is deleted: the rows stay for the scopes they belong to.
 */
public class JdbcDeployLedgerScopeTest {
    private static final String VICTIM = "prod/payments";
    private static final String HERE = "ci-eu";
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");

    @Rule
    public PostgresDatabase database = new PostgresDatabase(true);

    private JdbcDeployLedger own;

    @Before
    public void history() throws Exception {
        // the job's own records, as every version wrote them: its full name as service key, this controller
        JdbcDeployLedger writer = ledger(HistoryScope.everywhere(VICTIM), HERE);
        writer.append(record(VICTIM, 1, T0, DeployOutcome.FAILURE, "aaaa"));
        writer.append(record(VICTIM, 2, T0.plusSeconds(60), DeployOutcome.SUCCESS, "bbbb"));
        // what an unrelated job put under that name (the finding), and another controller's job of the same name
        writer.append(record("sandbox/intruder", 40, T0.plusSeconds(120), DeployOutcome.SUCCESS, "cccc"));
        ledger(HistoryScope.everywhere(VICTIM), "ci-us")
                .append(record(VICTIM, 50, T0.plusSeconds(180), DeployOutcome.SUCCESS, "dddd"));
        own = ledger(HistoryScope.ofJob(VICTIM, HERE), HERE);
    }

    @Test
    public void everyReadOfAJobsOwnHistorySkipsRowsOfOtherJobsAndControllers() throws Exception {
        Instant now = T0.plusSeconds(3600);
        assertThat(builds(own.readAll().records())).containsExactly(1, 2);
        assertThat(builds(own.readSince(T0).records())).containsExactly(1, 2);
        assertThat(builds(own.readRecent(0, 10))).containsExactly(2, 1);
        assertThat(own.findLast(record -> true).map(DeployRecord::getBuildNumber))
                .contains(2);
        assertThat(own.lastSuccessStartedBy(STAGING, now).map(DeployRecord::getBuildNumber))
                .contains(2);
        assertThat(builds(own.lastCompletedStartedBy(STAGING, now, 5))).containsExactly(2, 1);
        assertThat(own.lastAttemptStartedBy(STAGING, now).map(DeployRecord::getBuildNumber))
                .contains(2);
        assertThat(own.firstStarted(STAGING).map(DeployRecord::getBuildNumber)).contains(1);
        assertThat(own.environments()).containsExactly(STAGING);
        assertThat(own.lastSuccessOfCandidate(STAGING, Optional.empty(), Optional.of("cccc"), OptionalInt.empty()))
                .isEmpty();
        assertThat(own.lastSuccessOfCandidate(STAGING, Optional.empty(), Optional.of("dddd"), OptionalInt.empty()))
                .isEmpty();
        assertThat(own.lastSuccessOfCandidate(STAGING, Optional.empty(), Optional.of("bbbb"), OptionalInt.empty()))
                .isPresent();
        assertThat(own.version()).startsWith("2@");
    }

    @Test
    public void anUnsharedServiceIsThisControllersAndASharedOneEveryControllers() throws Exception {
        JdbcDeployLedger payments = ledger(HistoryScope.everywhere("payments"), HERE);
        payments.append(record("team-a/api", 1, T0, DeployOutcome.SUCCESS, "aaaa"));
        payments.append(record("team-a/web", 2, T0.plusSeconds(60), DeployOutcome.SUCCESS, "bbbb"));
        ledger(HistoryScope.everywhere("payments"), "ci-us")
                .append(record("team-a/api", 3, T0.plusSeconds(120), DeployOutcome.SUCCESS, "cccc"));

        assertThat(builds(ledger(HistoryScope.ofService("payments", HERE, false), HERE)
                        .readAll()
                        .records()))
                .containsExactly(1, 2);
        assertThat(builds(ledger(HistoryScope.ofService("payments", HERE, true), HERE)
                        .readAll()
                        .records()))
                .containsExactly(1, 2, 3);
    }

    @Test
    public void compactingAJobsOwnHistoryDeletesNoOtherRows() throws Exception {
        own.compact(T0.plusSeconds(3600));

        assertThat(own.readAll().records()).isEmpty();
        assertThat(builds(
                        ledger(HistoryScope.everywhere(VICTIM), HERE).readAll().records()))
                .containsExactly(40, 50);
    }

    private JdbcDeployLedger ledger(HistoryScope scope, String controller) {
        return new JdbcDeployLedger(database.dataSource(), scope, controller, LATE);
    }

    private static DeployRecord record(String job, int build, Instant start, DeployOutcome outcome, String commit) {
        return DeployRecord.builder("staging", job, build)
                .outcome(outcome)
                .commit(commit)
                .startedAt(start)
                .duration(Duration.ofSeconds(30))
                .build();
    }
}
