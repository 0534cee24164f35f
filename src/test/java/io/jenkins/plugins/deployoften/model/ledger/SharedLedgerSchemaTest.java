package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.Rule;
import org.junit.Test;

/** Flyway creates the schema, leaves it alone when current, and refuses a newer one with a clear message. */
public class SharedLedgerSchemaTest {
    @Rule
    public PostgresDatabase database = new PostgresDatabase(false);

    @Test
    public void migrateCreatesTheTablesOnceAndThenLeavesThemAlone() throws Exception {
        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("2");
        JdbcDeployLedger ledger = new JdbcDeployLedger(database.dataSource(), "payments", "controller-a");
        ledger.append(DeployLedgerContract.at(1, Instant.parse("2026-01-05T09:00:00Z")));

        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("2");
        assertThat(ledger.readAll().records()).hasSize(1);
    }

    @Test
    public void aVersionOneSchemaWithRecordsIsUpgradedKeepingThem() throws Exception {
        Flyway.configure(SharedLedgerSchema.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations(SharedLedgerSchema.LOCATION)
                .table(SharedLedgerSchema.HISTORY_TABLE)
                .target("1")
                .load()
                .migrate();
        JdbcDeployLedger ledger = new JdbcDeployLedger(database.dataSource(), "payments", "controller-a");
        ledger.append(DeployLedgerContract.at(1, Instant.parse("2026-01-05T09:00:00Z")));

        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("2");
        assertThat(ledger.readAll().records()).hasSize(1);
        assertThat(ledger.lastSuccessStartedBy(
                        ledger.readAll().records().get(0).getEnvironment(), Instant.parse("2026-01-06T00:00:00Z")))
                .isEqualTo(ledger.readAll().records().stream().findFirst());
    }

    @Test
    public void aSchemaHoldingOtherTablesGetsOursBeside() throws Exception {
        database.execute("CREATE TABLE someone_elses (id INTEGER)");

        assertThat(SharedLedgerSchema.migrate(database.dataSource())).isEqualTo("2");
        assertThat(new JdbcDeployLedger(database.dataSource(), "payments", "controller-a")
                        .readAll()
                        .records())
                .isEmpty();
    }

    @Test
    public void aSchemaNewerThanThePluginKnowsIsRefusedWithAMessageToUpgrade() throws Exception {
        SharedLedgerSchema.migrate(database.dataSource());
        // what a newer plugin's V3 migration would have left in Flyway's history table
        database.execute("INSERT INTO " + SharedLedgerSchema.HISTORY_TABLE + " (installed_rank, version, description,"
                + " type, script, checksum, installed_by, installed_on, execution_time, success)"
                + " SELECT max(installed_rank) + 1, '3', 'future change', 'SQL', 'V3__future_change.sql', 0,"
                + " current_user, now(), 1, TRUE FROM " + SharedLedgerSchema.HISTORY_TABLE);

        assertThatThrownBy(() -> SharedLedgerSchema.migrate(database.dataSource()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database schema version 3 is newer than this plugin supports (2): upgrade the plugin");
    }
}
