package io.jenkins.plugins.deployoften.model.ledger;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.Assume;
import org.junit.rules.ExternalResource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of the tests, named by {@code DEPLOYOFTEN_PG_URL}, {@code _USER} and {@code _PASSWORD}
 * (.ci/run starts one). A test rule: each test gets its own PostgreSQL schema, migrated, and dropped
 * afterwards. Without the URL the tests are skipped, except under CI ({@code CI=true}), where they fail:
 * a CI run must never pass by silently skipping them.
 */
final class PostgresDatabase extends ExternalResource {
    static final String URL = "DEPLOYOFTEN_PG_URL";
    static final String CTL = "DEPLOYOFTEN_PG_CTL";

    private static final AtomicLong SCHEMAS = new AtomicLong();

    private final boolean migrate;
    private String schema;
    private PooledDataSource dataSource;

    /** @param migrate whether the schema gets the shared ledger's tables before the test */
    PostgresDatabase(boolean migrate) {
        this.migrate = migrate;
    }

    /** Skips the test, or fails it under CI, when the environment variable is not set. */
    static String require(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            String message = variable + " is not set: the PostgreSQL tests need a server (bash .ci/run starts one)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + ", and under CI=true they must not be skipped");
            }
            Assume.assumeTrue(message + "; skipped", false);
        }
        return value;
    }

    @Override
    protected void before() throws Throwable {
        require(URL);
        schema = String.format(Locale.ROOT, "t%d_%d", ProcessHandle.current().pid(), SCHEMAS.incrementAndGet());
        try (Connection connection = plain(null).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        dataSource = new PooledDataSource(plain(schema));
        if (migrate) {
            SharedLedgerSchema.migrate(dataSource);
        }
    }

    @Override
    protected void after() {
        if (dataSource == null) {
            return;
        }
        dataSource.closeAll();
        try (Connection connection = plain(null).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    /** @return a pooled data source whose connections use this test's schema */
    DataSource dataSource() {
        return dataSource;
    }

    /** @return this test's schema */
    String schema() {
        return schema;
    }

    /** Runs SQL in this test's schema. */
    void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * A data source without pooling, on the server of the environment.
     *
     * @param schema the schema connections use, or {@code null} for the default
     */
    static PGSimpleDataSource plain(String schema) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(System.getenv(URL));
        source.setUser(System.getenv("DEPLOYOFTEN_PG_USER"));
        source.setPassword(System.getenv("DEPLOYOFTEN_PG_PASSWORD"));
        source.setConnectTimeout(5);
        source.setSocketTimeout(60);
        if (schema != null) {
            source.setCurrentSchema(schema);
        }
        return source;
    }

    /** @return a data source for a port where no server listens */
    static PGSimpleDataSource plainOnPort(int port) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName("deployoften");
        source.setConnectTimeout(2);
        return source;
    }

    /** Stops or starts the server through the script .ci/run provides. */
    static void serverControl(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(require(CTL), action)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(CTL + " " + action + " failed");
        }
    }

    /**
     * The smallest pool that serves the tests as the plugin's pooled data source would serve it: connections
     * are reused, checked before reuse, and dropped when broken (after a server restart).
     */
    static final class PooledDataSource extends DelegatingDataSource {
        private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

        PooledDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection;
            while ((connection = idle.pollFirst()) != null) {
                if (connection.isValid(2)) {
                    return lend(connection);
                }
                connection.close();
            }
            return lend(target.getConnection());
        }

        private Connection lend(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if ("close".equals(method.getName())) {
                            release(connection);
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private void release(Connection connection) {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                idle.addFirst(connection);
            } catch (SQLException broken) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // already gone
                }
            }
        }

        void closeAll() {
            Connection connection;
            while ((connection = idle.pollFirst()) != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // already gone
                }
            }
        }
    }
}
