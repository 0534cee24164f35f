package io.jenkins.plugins.deployoften.ledger;

import hudson.model.Job;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.HistoryScope;
import io.jenkins.plugins.deployoften.model.ledger.JdbcDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.SharedDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.SharedLedgerSchema;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jenkinsci.plugins.database.Database;
import org.jenkinsci.plugins.database.GlobalDatabaseConfiguration;
import org.jvnet.localizer.Localizable;

/**
 * The shared ledger over the Jenkins Database plugin's DataSource, the way the pipeline-maven plugin shares
 * its data. Only loaded when the Database plugin is installed.
 */
final class SharedLedgers {
    private static final Logger LOGGER = Logger.getLogger(SharedLedgers.class.getName());

    private static final Set<DataSource> MIGRATED = ConcurrentHashMap.newKeySet();
    /** Kept as a message, not text: the monitor words it in the language of whoever looks. */
    private static final AtomicReference<Localizable> LAST_PROBLEM = new AtomicReference<>();

    /** The build log's language. */
    private static final Locale LOG = Locale.ROOT;
    /** What the last read or append found; the administrative monitor shows a failure until the next answer. */
    private static final SharedDeployLedger.DatabaseHealth HEALTH = new SharedDeployLedger.DatabaseHealth() {
        @Override
        public void answered() {
            LAST_PROBLEM.set(null);
        }

        @Override
        public void failed(String problem) {
            LAST_PROBLEM.set(Messages._SharedLedgers_notAnswering(
                    problem == null ? Messages._SharedLedgers_spoolWaiting() : problem));
        }
    };

    private SharedLedgers() {}

    /**
     * @param job the job
     * @param scope the rows of the shared ledger that are the history the job reads
     * @param controller this controller's name, kept with every record
     * @param warnings told about database problems (for the build log)
     * @return the job's shared ledger, or empty when no database is configured
     */
    static Optional<DeployLedger> of(Job<?, ?> job, HistoryScope scope, String controller, Consumer<String> warnings) {
        Optional<DataSource> dataSource = dataSource(warnings);
        if (dataSource.isEmpty()) {
            return Optional.empty();
        }
        ensureSchema(dataSource.get(), warnings);
        JdbcDeployLedger shared = new JdbcDeployLedger(dataSource.get(), scope, controller);
        return Optional.of(SharedDeployLedger.inJobDirectory(
                job.getRootDir().toPath(),
                shared,
                (notice, details) -> LedgerWords.tell(notice, details, warnings),
                HEALTH));
    }

    /**
     * Connects and brings the schema up to date, for the "Test connection" button.
     *
     * @return the schema version
     * @throws IllegalStateException with a message a person can act on
     */
    static String testConnection() {
        Database database = GlobalDatabaseConfiguration.get().getDatabase();
        if (database == null) {
            throw new IllegalStateException(Messages.SharedLedgers_noDatabase());
        }
        try {
            DataSource dataSource = database.getDataSource();
            String version = SharedLedgerSchema.migrate(dataSource);
            MIGRATED.add(dataSource);
            LAST_PROBLEM.set(null);
            return version;
        } catch (SQLException | RuntimeException | LinkageError e) {
            // a LinkageError: a library the driver or Flyway needs is missing or of another version
            LAST_PROBLEM.set(Messages._SharedLedgers_notAvailable(messageOf(e)));
            throw new IllegalStateException(messageOf(e), e);
        }
    }

    /**
     * @return why the shared ledger cannot be used, as builds last found it or as the configuration shows now;
     *     empty when it worked the last time it was used
     */
    static Optional<String> problem() {
        if (GlobalDatabaseConfiguration.get().getDatabase() == null) {
            return Optional.of(Messages.SharedLedgers_noDatabase());
        }
        return Optional.ofNullable(LAST_PROBLEM.get()).map(Localizable::toString);
    }

    /**
     * The configured database's pool, asked for at each connection: a database that is down now (its pool
     * cannot even be created) still gets a shared ledger, whose records wait in the spool until it answers.
     */
    /** @throws IllegalStateException when no database is configured */
    static void checkConfigured() {
        if (GlobalDatabaseConfiguration.get().getDatabase() == null) {
            throw new IllegalStateException(Messages.SharedLedgers_noDatabase());
        }
    }

    private static Optional<DataSource> dataSource(Consumer<String> warnings) {
        Database database = GlobalDatabaseConfiguration.get().getDatabase();
        if (database == null) {
            LAST_PROBLEM.set(Messages._SharedLedgers_noDatabase());
            warnings.accept(Messages._SharedLedgers_noDatabaseForBuild().toString(LOG));
            return Optional.empty();
        }
        return Optional.of(new DatabasePluginDataSource(database));
    }

    /** Migrates once per data source; a failure is retried by the next ledger, the records wait in the spool. */
    private static void ensureSchema(DataSource dataSource, Consumer<String> warnings) {
        if (MIGRATED.contains(dataSource)) {
            return;
        }
        try {
            SharedLedgerSchema.migrate(dataSource);
            MIGRATED.add(dataSource);
            LAST_PROBLEM.set(null);
        } catch (RuntimeException e) {
            LAST_PROBLEM.set(Messages._SharedLedgers_schemaUnchecked(messageOf(e)));
            // the database's words can name its host, port and user: the controller log, not the build log
            LOGGER.log(Level.WARNING, "DeployOften: the shared deploy ledger's schema could not be checked", e);
            warnings.accept(Messages._SharedLedgers_schemaUncheckedForBuild().toString(LOG));
        }
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String firstLine = message.lines().findFirst().orElse("");
        return e instanceof Error ? e.getClass().getSimpleName() + ": " + firstLine : firstLine;
    }
}
