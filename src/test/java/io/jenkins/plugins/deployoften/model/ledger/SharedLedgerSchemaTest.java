package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.Rule;
import org.junit.Test;

/** Flyway creates the schema, leaves it alone when current, and refuses a newer one with a clear message. */
public class SharedLedgerSchemaTest {
    @Rule
    public PostgresDatabase database = new PostgresDatabase(false);

    @Test
    public void migrateCreatesTheTablesOnceAndThenLeavesThemAlone() throws Exception {
        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("3");
        JdbcDeployLedger ledger = new JdbcDeployLedger(database.dataSource(), "payments", "controller-a");
        ledger.append(DeployLedgerContract.at(1, Instant.parse("2026-01-05T09:00:00Z")));

        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("3");
        assertThat(ledger.readAll().records()).hasSize(1);
    }

    @Test
    public void aVersionOneSchemaWithRecordsIsUpgradedKeepingThem() throws Exception {
        migrateTo("1");
        JdbcDeployLedger ledger = new JdbcDeployLedger(database.dataSource(), "payments", "controller-a");
        insertAsVersionOneOrTwo(1);

        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("3");
        assertThat(ledger.readAll().records()).hasSize(1);
        assertThat(ledger.lastSuccessStartedBy(
                        ledger.readAll().records().get(0).getEnvironment(), Instant.parse("2026-01-06T00:00:00Z")))
                .isEqualTo(ledger.readAll().records().stream().findFirst());
    }

    @Test
    public void aRowStoredBeforeSourcesReadsAsUnknownAfterTheUpgradeAndNewRowsKeepTheirs() throws Exception {
        migrateTo("2");
        insertAsVersionOneOrTwo(1);

        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("3");
        JdbcDeployLedger ledger = new JdbcDeployLedger(database.dataSource(), "payments", "controller-a");
        DeployRecord fromRecordDeploy = DeployLedgerContract.at(2, Instant.parse("2026-01-05T10:00:00Z")).toBuilder()
                .source(DeploySource.RECORD_DEPLOY)
                .build();
        ledger.append(fromRecordDeploy);

        List<DeployRecord> records = ledger.readAll().records();
        assertThat(records)
                .extracting(DeployRecord::getSource)
                .containsExactly(DeploySource.UNKNOWN, DeploySource.RECORD_DEPLOY);
        assertThat(records.get(1)).isEqualTo(fromRecordDeploy);
        assertThat(records.get(0)).isEqualTo(DeployLedgerContract.at(1, Instant.parse("2026-01-05T09:00:00Z")));
    }

    private void migrateTo(String version) {
        Flyway.configure(SharedLedgerSchema.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations(SharedLedgerSchema.LOCATION)
                .table(SharedLedgerSchema.HISTORY_TABLE)
                .target(version)
                .load()
                .migrate();
    }

    /** A row as schema versions 1 and 2 (and plugin versions without sources) store it: no source column. */
    private void insertAsVersionOneOrTwo(int build) throws Exception {
        database.execute("INSERT INTO deployoften_deploy (service, controller, recorded_at, environment, job,"
                + " build_number, outcome, started_at, started_nanos, duration_ms) VALUES ('payments',"
                + " 'controller-a', '2026-01-05T09:00:30Z', 'staging', 'folder/app', " + build + ", 'SUCCESS',"
                + " '2026-01-05T09:00:00Z', 0, 30000)");
    }

    @Test
    public void aSchemaHoldingOtherTablesGetsOursBeside() throws Exception {
        database.execute("CREATE TABLE someone_elses (id INTEGER)");

        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("3");
        assertThat(new JdbcDeployLedger(database.dataSource(), "payments", "controller-a")
                        .readAll()
                        .records())
                .isEmpty();
    }

    @Test
    public void aSchemaNewerThanThePluginKnowsIsRefusedWithAMessageToUpgrade() throws Exception {
        SharedLedgerSchema.migrate(database.dataSource());
        // what a newer plugin's V4 migration would have left in Flyway's history table
        database.execute("INSERT INTO " + SharedLedgerSchema.HISTORY_TABLE + " (installed_rank, version, description,"
                + " type, script, checksum, installed_by, installed_on, execution_time, success)"
                + " SELECT max(installed_rank) + 1, '4', 'future change', 'SQL', 'V4__future_change.sql', 0,"
                + " current_user, now(), 1, TRUE FROM " + SharedLedgerSchema.HISTORY_TABLE);

        assertThatThrownBy(() -> SharedLedgerSchema.migrate(database.dataSource()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database schema version 4 is newer than this plugin supports (3): upgrade the plugin");
    }
}
