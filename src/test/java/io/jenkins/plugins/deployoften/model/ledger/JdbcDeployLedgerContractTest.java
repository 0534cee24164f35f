package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * The ledger contract for {@link JdbcDeployLedger} on PostgreSQL, and what only it does: idempotent appends,
 * one history per service across controllers.
 */
public class JdbcDeployLedgerContractTest extends DeployLedgerContract {
    static final String SERVICE = "payments";

    @Rule
    public PostgresDatabase database = new PostgresDatabase(true);

    @Override
    protected DeployLedger ledger() {
        return jdbc(SERVICE, "controller-a");
    }

    private JdbcDeployLedger jdbc(String service, String controller) {
        return new JdbcDeployLedger(database.dataSource(), service, controller, LATE);
    }

    @Override
    protected ChildJvm startAppender(String prefix, int count) throws IOException {
        // each child is a controller of its own: same build numbers, different deploy attempts
        return ChildJvm.start(
                JdbcLedgerAppenderProcess.class,
                logs(),
                prefix,
                database.schema(),
                "controller-" + prefix,
                prefix,
                Integer.toString(count));
    }

    @Override
    protected String stored(String text) {
        return JdbcDeployLedger.storable(text);
    }

    @Test
    public void appendingTheSameDeployAttemptAgainStoresItOnce() throws Exception {
        JdbcDeployLedger ledger = jdbc(SERVICE, "controller-a");
        DeployRecord record = at(7, T0);
        DeployRecord retry =
                record.toBuilder().message("the same attempt, appended again").build();
        DeployRecord nextAttempt =
                record.toBuilder().startedAt(T0.plusSeconds(60)).build();

        ledger.append(record);
        ledger.append(retry);
        ledger.appendAll(List.of(record, nextAttempt, nextAttempt));

        // the natural key is (service, controller, job, build, environment, start, outcome): 2 attempts
        assertThat(ledger.readAll().records()).containsExactly(record, nextAttempt);
    }

    @Test
    public void oneServiceDeployedFromTwoControllersIsOneHistory() throws Exception {
        JdbcDeployLedger first = jdbc(SERVICE, "https://ci-eu.example.com/");
        JdbcDeployLedger second = jdbc(SERVICE, "https://ci-us.example.com/");
        JdbcDeployLedger other = jdbc("billing", "https://ci-eu.example.com/");
        first.append(at(1, T0));
        // the same job and build number on another controller is another deploy attempt
        second.append(at(1, T0));
        second.append(at(2, T0.plusSeconds(60)));
        other.append(at(9, T0));

        assertThat(builds(first.readAll().records())).containsExactly(1, 1, 2);
        assertThat(builds(second.readSince(T0).records())).containsExactly(1, 1, 2);
        assertThat(builds(first.readRecent(0, 10))).containsExactly(2, 1, 1);
        assertThat(builds(other.readAll().records())).containsExactly(9);
    }

    @Test
    public void rowsWithValuesNoRecordAllowsAreSkippedAndCounted() throws Exception {
        JdbcDeployLedger ledger = jdbc(SERVICE, "controller-a");
        ledger.append(at(1, T0));
        database.execute("INSERT INTO deployoften_deploy (service, controller, recorded_at, environment, job,"
                + " build_number, outcome, started_at, started_nanos, duration_ms) VALUES ('" + SERVICE
                + "', 'other-tool', now(), 'not a name!', 'folder/app', 2, 'SUCCESS', '2026-01-05T09:01:00Z', 0, 0)");
        ledger.append(at(3, T0.plusSeconds(120)));

        LedgerRead read = ledger.readAll();
        assertThat(builds(read.records())).containsExactly(1, 3);
        assertThat(read.skippedLines()).isEqualTo(1);
        assertThat(ledger.readSince(T0).skippedLines()).isEqualTo(1);
        assertThat(builds(ledger.readRecent(0, 2))).containsExactly(3, 1);
    }

    @Test
    public void theServiceKeyIsTheConfiguredNameOrElseTheJob() {
        assertThat(JdbcDeployLedger.serviceKey("folder/app", null)).isEqualTo("folder/app");
        assertThat(JdbcDeployLedger.serviceKey("folder/app", "  ")).isEqualTo("folder/app");
        assertThat(JdbcDeployLedger.serviceKey("folder/app", " payments ")).isEqualTo("payments");
        assertThatThrownBy(() -> jdbc(" ", "controller-a")).hasMessageStartingWith("service:");
        assertThatThrownBy(() -> jdbc(SERVICE, "")).hasMessageStartingWith("controller:");
    }

    @Test
    public void anUnreachableDatabaseIsAnIOExceptionNamingTheService() {
        JdbcDeployLedger unreachable =
                new JdbcDeployLedger(PostgresDatabase.plainOnPort(1), SERVICE, "controller-a", LATE);

        assertThatThrownBy(() -> unreachable.append(at(1, T0)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'payments'");
        assertThatThrownBy(unreachable::readAll).isInstanceOf(IOException.class);
    }

    @Test
    public void textPostgresCannotHoldIsStoredAsTheReplacementCharacter() throws Exception {
        assertThat(JdbcDeployLedger.storable("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(JdbcDeployLedger.storable("x\ud83d")).isEqualTo("x\uFFFD");
        assertThat(JdbcDeployLedger.storable("\udc00y")).isEqualTo("\uFFFDy");
        assertThat(JdbcDeployLedger.storable("ok \ud83d\ude00")).isEqualTo("ok \ud83d\ude00");
        JdbcDeployLedger ledger = jdbc(SERVICE, "controller-a");
        ledger.append(DeployRecord.builder("staging", "folder/\ud83d\u0000", 1)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0)
                .message("nul\u0000")
                .build());

        DeployRecord read = ledger.readAll().records().get(0);
        assertThat(read.getJobFullName()).isEqualTo("folder/\uFFFD\uFFFD");
        assertThat(read.getMessage()).contains("nul\uFFFD");
    }

    @Test
    public void longTextIsCutBetweenCharactersNeverInsideASurrogatePair() {
        // 600 emoji are 1,200 chars; the cut keeps 999 chars, whose last would be the high half of emoji 500,
        // so it keeps 998 chars (499 emoji) and adds the ellipsis
        DeployRecord record = at(1, T0).toBuilder().message("😀".repeat(600)).build();

        assertThat(record.getMessage()).contains("😀".repeat(499) + "…");
    }
}
