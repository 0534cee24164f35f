package io.jenkins.plugins.deployoften.model.ledger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Creates and upgrades the shared ledger's tables with Flyway, from the versioned scripts in
 * {@code db/deployoften/} ({@code V1__deploy_records.sql}, ...). Flyway's own bookkeeping goes into the table
 * {@value #HISTORY_TABLE}, so the database may hold other applications' Flyway schemas too.
 */
public final class SharedLedgerSchema {
    /** Flyway's history table for this plugin's migrations. */
    public static final String HISTORY_TABLE = "deployoften_schema_history";

    static final String LOCATION = "classpath:db/deployoften";

    private SharedLedgerSchema() {}

    /**
     * Brings the schema up to the newest version this plugin knows.
     *
     * @param dataSource the shared database
     * @return the schema version afterwards
     * @throws IllegalStateException when the database holds a newer schema than this plugin knows, saying to
     *     upgrade the plugin
     * @throws org.flywaydb.core.api.FlywayException when the database cannot be reached or a migration fails
     */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = configure(dataSource);
        refuseNewerSchema(flyway.info());
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private static Flyway configure(DataSource dataSource) {
        return Flyway.configure(SharedLedgerSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // a schema that already holds other tables gets our history table beside them
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** Fails with a message a person can act on, rather than Flyway's report of an unknown migration. */
    static void refuseNewerSchema(MigrationInfoService info) {
        MigrationInfo current = info.current();
        if (current == null || current.getVersion() == null) {
            return;
        }
        Optional<MigrationVersion> known = Arrays.stream(info.all())
                .filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        MigrationVersion newestKnown = known.orElse(MigrationVersion.EMPTY);
        if (current.getVersion().compareTo(newestKnown) > 0) {
            throw new IllegalStateException("database schema version " + current.getVersion()
                    + " is newer than this plugin supports ("
                    + known.map(MigrationVersion::getVersion).orElse("none")
                    + "): upgrade the plugin");
        }
    }
}
