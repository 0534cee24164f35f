package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.ledger.JdbcDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.SharedLedgerSchema;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared ledger on PostgreSQL (named by {@code DEPLOYOFTEN_PG_URL}, {@code _USER}, {@code _PASSWORD}):
 *
 * <ul>
 *   <li>{@code statisticsOfOneServiceFromTwelveWeeks}: {@code DeployStatistics.compute} for one service's
 *       12-week window, in a table of 1,000,000 records from 1,000 services (1,000 each, one every 17 hours,
 *       so about 118 of a service in the window; the services' rows interleaved in time as real deploys are).
 *   <li>{@code appendFromEightThreads}: appends per second from 8 threads, each with its own connection.
 * </ul>
 *
 * Works in the schema {@value #SCHEMA}, created anew at setup and dropped at the end.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SharedLedgerBenchmark {
    static final String SCHEMA = "deployoften_bench";
    static final int SERVICES = 1_000;
    static final int RECORDS_PER_SERVICE = 1_000;
    static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");
    static final EnvironmentName PRODUCTION = EnvironmentName.of("production");

    /** A migrated schema holding the million records. */
    @State(Scope.Benchmark)
    public static class Database {
        DataSource dataSource;
        JdbcDeployLedger oneService;
        JdbcDeployLedger appends;
        final AtomicInteger builds = new AtomicInteger();

        @Setup(Level.Trial)
        public void load() throws SQLException {
            execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "CREATE SCHEMA " + SCHEMA);
            dataSource = new ConnectionPerThread(source(SCHEMA));
            SharedLedgerSchema.migrate(dataSource);
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                // deploy i of service s starts (RECORDS_PER_SERVICE - i) * 17 h before NOW; every 10th fails
                statement.execute("INSERT INTO deployoften_deploy (service, controller, recorded_at, environment,"
                        + " job, build_number, build_url, commit_id, commit_time, commit_time_nanos, artifact,"
                        + " outcome, started_at, started_nanos, duration_ms, trigger_text, message)"
                        + " SELECT 'service-' || s, 'controller-' || (s % 3), t + interval '5 minutes', 'production',"
                        + " 'folder/service-' || s, i, 'job/folder/job/service-' || s || '/' || i || '/',"
                        + " md5(s || '-' || i), t - interval '1 hour', 0, md5('a' || s || '-' || i),"
                        + " CASE WHEN i % 10 = 0 THEN 'FAILURE' ELSE 'SUCCESS' END, t, 0,"
                        + " 60000 + (i % 50) * 1000, 'timer', 'deploy ' || i"
                        + " FROM generate_series(1, " + RECORDS_PER_SERVICE + ") i,"
                        + " generate_series(1, " + SERVICES + ") s,"
                        + " LATERAL (SELECT timestamptz '" + NOW + "' - (" + RECORDS_PER_SERVICE
                        + " - i) * interval '17 hours' - s * interval '1 second' AS t) times"
                        + " ORDER BY i, s");
                statement.execute("ANALYZE deployoften_deploy");
            }
            System.out.printf(
                    "%nloaded %,d records in %d s%n",
                    SERVICES * RECORDS_PER_SERVICE, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            oneService = new JdbcDeployLedger(dataSource, "service-500", "controller-bench", Clock.systemUTC());
            appends = new JdbcDeployLedger(dataSource, "append-bench", "controller-bench", Clock.systemUTC());
        }

        @TearDown(Level.Trial)
        public void drop() throws SQLException {
            execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DeployStatistics statisticsOfOneServiceFromTwelveWeeks(Database database) throws IOException {
        return DeployStatistics.compute(database.oneService, PRODUCTION, NOW, 12);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public void appendFromEightThreads(Database database) throws IOException {
        int build = database.builds.incrementAndGet();
        database.appends.append(DeployRecord.builder("production", "folder/append-bench", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(NOW.plusSeconds(build))
                .duration(Duration.ofMinutes(1))
                .commit("c0ffee" + build)
                .message("deploy " + build)
                .build());
    }

    static PGSimpleDataSource source(String schema) {
        String url = System.getenv("DEPLOYOFTEN_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("DEPLOYOFTEN_PG_URL is not set: this benchmark needs a PostgreSQL server");
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(System.getenv("DEPLOYOFTEN_PG_USER"));
        source.setPassword(System.getenv("DEPLOYOFTEN_PG_PASSWORD"));
        if (schema != null) {
            source.setCurrentSchema(schema);
        }
        return source;
    }

    private static void execute(String... sql) throws SQLException {
        try (Connection connection = source(null).getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** One open connection per thread, as a pool serving 8 threads would give; closing it keeps it open. */
    static final class ConnectionPerThread extends PGSimpleDataSource {
        private static final long serialVersionUID = 1L;
        private final transient PGSimpleDataSource target;
        private final transient ThreadLocal<Connection> connections = new ThreadLocal<>();

        ConnectionPerThread(PGSimpleDataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = connections.get();
            if (connection == null) {
                connection = target.getConnection();
                connections.set(connection);
            }
            Connection open = connection;
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if ("close".equals(method.getName())) {
                            if (!open.getAutoCommit()) {
                                open.rollback();
                                open.setAutoCommit(true);
                            }
                            return null;
                        }
                        try {
                            return method.invoke(open, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
