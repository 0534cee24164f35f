package io.jenkins.plugins.deployoften.model.ledger;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * A {@link DeployLedger} in a PostgreSQL table shared by several Jenkins controllers (schema:
 * {@link SharedLedgerSchema}). Each row carries the service key and the controller that recorded it; reads
 * are by service key across all controllers, so one service deployed from two controllers has one history.
 *
 * <ul>
 *   <li>Appends are idempotent: the natural key of a deploy attempt is (service, controller, job, build
 *       number, environment, start, outcome), and {@code INSERT ... ON CONFLICT DO NOTHING} drops a repeat, so
 *       a retried or replayed append never stores a record twice.
 *   <li>Windowed reads use the index on (service, started_at): they cost O(records in the window).
 *   <li>"Appended order" is the order of the generated {@code id}.
 *   <li>The look-ups by start ({@link #lastSuccessStartedBy}, {@link #lastCompletedStartedBy}, {@link
 *       #lastSuccessOfCandidate}) are queries ordered by {@link DeployLedger#START_ORDER} (start, build number,
 *       then {@code id}) on the index over (service, environment, start): they read the rows they return and
 *       not the history.
 *   <li>PostgreSQL text cannot hold U+0000 or a lone surrogate; they are stored as U+FFFD.
 * </ul>
 *
 * Every failure of the database (unreachable, timed out, refused) is thrown as an {@link IOException}.
 */
@SuppressFBWarnings(
        value = "SQL_PREPARED_STATEMENT_GENERATED_FROM_NONCONSTANT_STRING",
        justification = "the only text not constant is HistoryScope.condition(), one of three fixed conditions;"
                + " every value is bound as a parameter")
public final class JdbcDeployLedger implements DeployLedger {
    /** The most characters of a service key or controller identity. */
    public static final int MAX_KEY_LENGTH = 1000;

    /** Rows fetched per round trip when {@link #findLast} walks backwards. */
    static final int FIND_PAGE = 200;

    private static final String COLUMNS = "id, recorded_at, environment, job, build_number, build_url, commit_id,"
            + " commit_time, commit_time_nanos, artifact, outcome, reason, started_at, started_nanos, duration_ms,"
            + " trigger_text, message, source";

    private static final String INSERT = "INSERT INTO deployoften_deploy (service, controller, recorded_at,"
            + " environment, job, build_number, build_url, commit_id, commit_time, commit_time_nanos, artifact,"
            + " outcome, reason, started_at, started_nanos, duration_ms, trigger_text, message, source)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT ON CONSTRAINT deployoften_deploy_attempt DO NOTHING";

    private static final String INSERT_UNLESS_STORED_UNDER_ANY_SERVICE = "INSERT INTO deployoften_deploy (service,"
            + " controller, recorded_at, environment, job, build_number, build_url, commit_id, commit_time,"
            + " commit_time_nanos, artifact, outcome, reason, started_at, started_nanos, duration_ms, trigger_text,"
            + " message, source) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
            + " (SELECT 1 FROM"
            + " deployoften_deploy WHERE controller = ? AND job = ? AND build_number = ? AND environment = ?"
            + " AND started_at = ? AND started_nanos = ? AND outcome = ?)"
            + " ON CONFLICT ON CONSTRAINT deployoften_deploy_attempt DO NOTHING";

    private final DataSource dataSource;
    private final String service;
    private final HistoryScope scope;
    private final String controller;
    private final Clock clock;

    /**
     * A ledger that reads every row of the service key, whichever controller or job wrote it.
     *
     * @param dataSource the shared database, its schema migrated by {@link SharedLedgerSchema#migrate}
     * @param service the service key: see {@link #serviceKey(String, String)}
     * @param controller this controller's identity, such as its root URL or instance id
     */
    public JdbcDeployLedger(DataSource dataSource, String service, String controller) {
        this(dataSource, service, controller, Clock.systemUTC());
    }

    /**
     * @param clock stamps the rows' {@code recorded_at}
     */
    public JdbcDeployLedger(DataSource dataSource, String service, String controller, Clock clock) {
        this(dataSource, HistoryScope.everywhere(service), controller, clock);
    }

    /**
     * @param dataSource the shared database, its schema migrated by {@link SharedLedgerSchema#migrate}
     * @param scope the rows that make this history; appends carry its service key
     * @param controller this controller's identity, such as its root URL or instance id
     */
    public JdbcDeployLedger(DataSource dataSource, HistoryScope scope, String controller) {
        this(dataSource, scope, controller, Clock.systemUTC());
    }

    /**
     * @param clock stamps the rows' {@code recorded_at}
     */
    public JdbcDeployLedger(DataSource dataSource, HistoryScope scope, String controller, Clock clock) {
        this.dataSource = dataSource;
        this.service = checkKey("service", scope.service());
        this.scope = scope;
        this.controller = checkKey("controller", controller);
        this.clock = clock;
    }

    /**
     * The key that makes records of different jobs one history: an explicit service name when one is
     * configured, otherwise the job's full name.
     *
     * @param jobFullName the job's full name
     * @param serviceName the configured service name, or {@code null} or blank for none
     * @return the service key
     */
    public static String serviceKey(String jobFullName, String serviceName) {
        return serviceName == null || serviceName.isBlank() ? jobFullName : serviceName.strip();
    }

    /** @return the service key whose history this ledger reads and appends to */
    public String getService() {
        return service;
    }

    /** @return the identity this controller's rows carry */
    public String getController() {
        return controller;
    }

    /** @return the rows this ledger reads */
    public HistoryScope getScope() {
        return scope;
    }

    /** @return the SQL condition selecting this ledger's rows: see {@link #bindScope} */
    private String scoped() {
        return scope.condition();
    }

    /**
     * Binds the parameters of {@link #scoped()}.
     *
     * @param statement the statement
     * @param first the index of the condition's first parameter
     * @return the index of the parameter after them
     */
    private int bindScope(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        statement.setString(index++, service);
        if (scope.controller().isPresent()) {
            statement.setString(index++, scope.controller().get());
        }
        if (scope.job().isPresent()) {
            statement.setString(index++, storable(scope.job().get()));
        }
        return index;
    }

    /**
     * Appends the record unless a record of the same deploy attempt (the natural key) is already stored.
     *
     * @return nothing; when this returns the row is committed
     */
    @Override
    public void append(DeployRecord record) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bindInsert(insert, record);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (isRefusedForContent(e)) {
                throw new RefusedRecordException(service, record, e.getMessage(), e);
            }
            throw new SharedLedgerIOException("append to", service, e);
        }
    }

    /**
     * Stores each record unless this controller already stored the same deploy attempt under any service key
     * (so a record replayed from the spool under the service it was meant for is not stored again under this
     * one). For reconciling the job folder's ledger with the database; one transaction.
     *
     * @param records the records
     * @return how many were stored
     * @throws IOException when the database failed; then none of them is stored
     */
    public int storeUnlessStoredUnderAnyService(List<DeployRecord> records) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_UNLESS_STORED_UNDER_ANY_SERVICE)) {
                int stored = 0;
                for (DeployRecord record : records) {
                    bindInsert(insert, record);
                    insert.setString(20, controller);
                    insert.setString(21, storable(record.getJobFullName()));
                    insert.setInt(22, record.getBuildNumber());
                    insert.setString(23, record.getEnvironment().value());
                    insert.setObject(24, timestamp(record.getStartedAt()));
                    insert.setInt(25, record.getStartedAt().getNano());
                    insert.setString(26, record.getOutcome().name());
                    stored += insert.executeUpdate();
                }
                connection.commit();
                return stored;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SharedLedgerIOException("reconcile with", service, e);
        }
    }

    /**
     * @return whether the database answered and refused the values (SQLSTATE class 22, data exception, or 23,
     *     integrity constraint violation), rather than being unavailable
     */
    static boolean isRefusedForContent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * @param otherService another service key
     * @return the ledger of that service in the same database, recording as the same controller; for appends (a
     *     spooled record replayed under the key it was meant for): its reads are not narrowed
     */
    public JdbcDeployLedger forService(String otherService) {
        return otherService.equals(service)
                ? this
                : new JdbcDeployLedger(dataSource, HistoryScope.everywhere(otherService), controller, clock);
    }

    /**
     * Appends the records in one transaction, in order; repeats of stored attempts are dropped.
     *
     * @param records the records
     * @return how many of them were not stored before
     * @throws IOException when the database failed; then none of them is stored
     */
    public int appendAll(List<DeployRecord> records) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int stored = 0;
                for (DeployRecord record : records) {
                    bindInsert(insert, record);
                    stored += insert.executeUpdate();
                }
                connection.commit();
                return stored;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SharedLedgerIOException("append to", service, e);
        }
    }

    @Override
    public LedgerRead readSince(Instant from) throws IOException {
        // timestamptz holds microseconds: select from the truncated instant, then compare exactly
        LedgerRead candidates = query(
                "SELECT " + COLUMNS + " FROM deployoften_deploy WHERE " + scoped() + " AND started_at >= ? ORDER BY id",
                statement -> statement.setObject(bindScope(statement, 1), timestamp(from)),
                Integer.MAX_VALUE);
        List<DeployRecord> inWindow = new ArrayList<>();
        for (DeployRecord record : candidates.records()) {
            if (!record.getStartedAt().isBefore(from)) {
                inWindow.add(record);
            }
        }
        return new LedgerRead(inWindow, candidates.skippedLines());
    }

    @Override
    public LedgerRead readAll() throws IOException {
        return query(
                "SELECT " + COLUMNS + " FROM deployoften_deploy WHERE " + scoped() + " ORDER BY id",
                statement -> bindScope(statement, 1),
                Integer.MAX_VALUE);
    }

    @Override
    public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
        long before = Long.MAX_VALUE;
        while (true) {
            long below = before;
            List<Row> page = rows(
                    "SELECT " + COLUMNS + " FROM deployoften_deploy WHERE " + scoped() + " AND id < ?"
                            + " ORDER BY id DESC LIMIT " + FIND_PAGE,
                    statement -> statement.setLong(bindScope(statement, 1), below));
            for (Row row : page) {
                if (row.record != null && matching.test(row.record)) {
                    return Optional.of(row.record);
                }
                before = row.id;
            }
            if (page.size() < FIND_PAGE) {
                return Optional.empty();
            }
        }
    }

    /** Newest first in {@link DeployLedger#START_ORDER}: start (with its nanoseconds), build number, then append. */
    private static final String BY_START_NEWEST_FIRST =
            " ORDER BY started_at DESC, started_nanos DESC, build_number DESC, id DESC";

    private static final String SUCCESSES = "('SUCCESS')";
    private static final String COMPLETED = "('SUCCESS', 'FAILURE')";
    private static final String ATTEMPTS = "('SUCCESS', 'FAILURE', 'ABORTED')";

    /** @return the query of the newest rows of an environment started by a time, with one of the outcomes */
    private String newestStartedByQuery(String outcomes) {
        return "SELECT " + COLUMNS + " FROM deployoften_deploy WHERE " + scoped()
                + " AND environment = ? AND started_at <= ? AND outcome IN " + outcomes + BY_START_NEWEST_FIRST
                + " OFFSET ? LIMIT ?";
    }

    @Override
    public Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now) throws IOException {
        return newestStartedBy(SUCCESSES, environment, now, 1).stream().findFirst();
    }

    @Override
    public List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count)
            throws IOException {
        DeployLedger.checkCount(count);
        if (count == 0) {
            return List.of();
        }
        return newestStartedBy(COMPLETED, environment, now, count);
    }

    @Override
    public Optional<DeployRecord> lastAttemptStartedBy(EnvironmentName environment, Instant now) throws IOException {
        return newestStartedBy(ATTEMPTS, environment, now, 1).stream().findFirst();
    }

    @Override
    public Optional<DeployRecord> firstStarted(EnvironmentName environment) throws IOException {
        String sql = "SELECT " + COLUMNS + " FROM deployoften_deploy WHERE " + scoped() + " AND environment = ?"
                + " ORDER BY started_at, started_nanos, build_number, id OFFSET ? LIMIT " + FIND_PAGE;
        int offset = 0;
        while (true) {
            int start = offset;
            List<Row> page = rows(sql, statement -> {
                int index = bindScope(statement, 1);
                statement.setString(index++, environment.value());
                statement.setInt(index, start);
            });
            for (Row row : page) {
                if (row.record != null) {
                    return Optional.of(row.record);
                }
            }
            if (page.size() < FIND_PAGE) {
                return Optional.empty();
            }
            offset += page.size();
        }
    }

    @Override
    public SortedSet<EnvironmentName> environments() throws IOException {
        SortedSet<EnvironmentName> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        // one index probe per environment, not a read of the service's rows
                        "WITH RECURSIVE recorded AS (SELECT min(environment) AS environment FROM deployoften_deploy"
                                + " WHERE " + scoped() + " UNION ALL SELECT (SELECT min(environment) FROM"
                                + " deployoften_deploy WHERE " + scoped() + " AND environment > recorded.environment)"
                                + " FROM recorded WHERE recorded.environment IS NOT NULL)"
                                + " SELECT environment FROM recorded WHERE environment IS NOT NULL")) {
            bindScope(select, bindScope(select, 1));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    // a name another tool wrote that is not one is left out, as its unreadable rows are
                    String name = result.getString(1);
                    if (EnvironmentName.problemWith("environment", name).isEmpty()) {
                        names.add(EnvironmentName.of(name));
                    }
                }
            }
        } catch (SQLException e) {
            throw new SharedLedgerIOException("read the environments of", service, e);
        }
        return Collections.unmodifiableSortedSet(names);
    }

    /**
     * Answers by one query on the candidate's identities, newest by start first (not the default's newest
     * appended), through the indexes over them. Fingerprints and commits are compared with PostgreSQL's {@code
     * lower()}, which for ASCII text (as commits and fingerprints are) is the default's comparison ignoring case;
     * a candidate with any other character in them is looked for by the default scan.
     */
    @Override
    public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
            EnvironmentName environment,
            Optional<String> artifactFingerprint,
            Optional<String> commit,
            OptionalInt buildNumber,
            TrustedSources trusted)
            throws IOException {
        if (artifactFingerprint.isEmpty() && commit.isEmpty() && buildNumber.isEmpty()) {
            return Optional.empty();
        }
        if (!artifactFingerprint.map(JdbcDeployLedger::isAscii).orElse(true)
                || !commit.map(JdbcDeployLedger::isAscii).orElse(true)) {
            return DeployLedger.super.lastSuccessOfCandidate(
                    environment, artifactFingerprint, commit, buildNumber, trusted);
        }
        List<String> matches = new ArrayList<>();
        artifactFingerprint.ifPresent(x -> matches.add("lower(artifact) = lower(?)"));
        commit.ifPresent(x -> matches.add("lower(commit_id) = lower(?)"));
        buildNumber.ifPresent(x -> matches.add("build_number = ?"));
        String sql = "SELECT " + COLUMNS + " FROM deployoften_deploy WHERE " + scoped() + " AND environment = ?"
                + " AND outcome = 'SUCCESS' AND (" + String.join(" OR ", matches) + ")" + SOURCE_FILTER
                + BY_START_NEWEST_FIRST
                + " LIMIT " + FIND_PAGE;
        int offset = 0;
        while (true) {
            List<Row> page = rows(sql.replace(" LIMIT ", " OFFSET " + offset + " LIMIT "), statement -> {
                int index = bindScope(statement, 1);
                statement.setString(index++, environment.value());
                if (artifactFingerprint.isPresent()) {
                    statement.setString(index++, artifactFingerprint.get());
                }
                if (commit.isPresent()) {
                    statement.setString(index++, commit.get());
                }
                if (buildNumber.isPresent()) {
                    statement.setInt(index++, buildNumber.getAsInt());
                }
                bindSources(statement, index, trusted);
            });
            for (Row row : page) {
                Optional<SuccessfulDeploy.MatchedBy> matched = row.record == null
                        ? Optional.empty()
                        : SuccessfulDeploy.matchedBy(row.record, artifactFingerprint, commit, buildNumber);
                if (matched.isPresent()) {
                    return Optional.of(SuccessfulDeploy.of(row.record, matched.get()));
                }
            }
            if (page.size() < FIND_PAGE) {
                return Optional.empty();
            }
            offset += page.size();
        }
    }

    /**
     * The condition on the source column that keeps the trusted sources' rows: one parameter per known source (its
     * id when trusted, else NULL, which matches nothing) and one saying whether a NULL source ({@link
     * DeploySource#UNKNOWN}) is trusted. Constant text, so the sources are bound, never written into the SQL.
     */
    private static final String SOURCE_FILTER = " AND (source IN (?, ?, ?, ?) OR (source IS NULL AND ?))";

    private static void bindSources(PreparedStatement statement, int first, TrustedSources trusted)
            throws SQLException {
        int index = first;
        for (DeploySource source : DeploySource.values()) {
            if (source == DeploySource.UNKNOWN) {
                continue;
            }
            if (trusted.trusts(source)) {
                statement.setString(index++, source.id());
            } else {
                statement.setNull(index++, Types.VARCHAR);
            }
        }
        statement.setBoolean(index, trusted.trusts(DeploySource.UNKNOWN));
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /**
     * The newest {@code count} readable records of the environment started at or before {@code now}, by start,
     * newest first. timestamptz holds microseconds, so the query takes the rows started by the truncated instant
     * and the few of them that started after {@code now} within its microsecond are dropped here.
     */
    private List<DeployRecord> newestStartedBy(String outcomes, EnvironmentName environment, Instant now, int count)
            throws IOException {
        String sql = newestStartedByQuery(outcomes);
        // a few more than asked for: rows started after now within its microsecond, or unreadable, are dropped
        int pageSize = count + 8;
        List<DeployRecord> newestFirst = new ArrayList<>();
        int offset = 0;
        while (true) {
            int start = offset;
            List<Row> page = rows(sql, statement -> {
                int index = bindScope(statement, 1);
                statement.setString(index++, environment.value());
                statement.setObject(index++, timestamp(now));
                statement.setInt(index++, start);
                statement.setInt(index, pageSize);
            });
            for (Row row : page) {
                if (row.record != null && !row.record.getStartedAt().isAfter(now)) {
                    newestFirst.add(row.record);
                    if (newestFirst.size() == count) {
                        return List.copyOf(newestFirst);
                    }
                }
            }
            if (page.size() < pageSize) {
                return List.copyOf(newestFirst);
            }
            offset += page.size();
        }
    }

    @Override
    public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
        DeployLedger.checkPage(skip, limit);
        List<DeployRecord> page = new ArrayList<>();
        // unreadable rows do not count towards the page, so fetch until it is full or the history ends
        int offset = 0;
        int toSkip = skip;
        while (true) {
            int start = offset;
            List<Row> rows = rows(
                    "SELECT " + COLUMNS + " FROM deployoften_deploy WHERE " + scoped()
                            + " ORDER BY id DESC OFFSET ? LIMIT ?",
                    statement -> {
                        int index = bindScope(statement, 1);
                        statement.setInt(index++, start);
                        statement.setInt(index, skip + limit);
                    });
            for (Row row : rows) {
                if (row.record == null) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                } else if (page.size() < limit) {
                    page.add(row.record);
                }
            }
            offset += rows.size();
            if (page.size() == limit || rows.size() < skip + limit) {
                return page;
            }
        }
    }

    /** The number of this service's rows and the newest id: both change with every append and compaction. */
    @Override
    public String version() throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*), coalesce(max(id), 0) FROM deployoften_deploy WHERE " + scoped())) {
            bindScope(select, 1);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1) + "@" + result.getLong(2);
            }
        } catch (SQLException e) {
            throw new SharedLedgerIOException("read the version of", service, e);
        }
    }

    /** Deletes the rows of this ledger's scope that started before the horizon, in one transaction. */
    @Override
    public Compaction compact(Instant horizon) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM deployoften_deploy" + " WHERE "
                            + scoped() + " AND (started_at < ? OR (started_at = ? AND started_nanos < ?))");
                    PreparedStatement count =
                            connection.prepareStatement("SELECT count(*) FROM deployoften_deploy WHERE " + scoped())) {
                OffsetDateTime micros = timestamp(horizon);
                int index = bindScope(delete, 1);
                delete.setObject(index++, micros);
                delete.setObject(index++, micros);
                delete.setInt(index, horizon.getNano());
                int dropped = delete.executeUpdate();
                bindScope(count, 1);
                int kept;
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    kept = result.getInt(1);
                }
                connection.commit();
                return new Compaction(kept, dropped, 0);
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new SharedLedgerIOException("compact", service, e);
        }
    }

    private void bindInsert(PreparedStatement insert, DeployRecord record) throws SQLException {
        insert.setString(1, service);
        insert.setString(2, controller);
        insert.setObject(3, timestamp(clock.instant()));
        insert.setString(4, record.getEnvironment().value());
        insert.setString(5, storable(record.getJobFullName()));
        insert.setInt(6, record.getBuildNumber());
        setText(insert, 7, record.getBuildUrl());
        setText(insert, 8, record.getCommit());
        Optional<Instant> commitTime = record.getCommitTime();
        if (commitTime.isPresent()) {
            insert.setObject(9, timestamp(commitTime.get()));
            insert.setInt(10, commitTime.get().getNano());
        } else {
            insert.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setNull(10, Types.INTEGER);
        }
        setText(insert, 11, record.getArtifactFingerprint());
        insert.setString(12, record.getOutcome().name());
        setText(insert, 13, record.getReason());
        insert.setObject(14, timestamp(record.getStartedAt()));
        insert.setInt(15, record.getStartedAt().getNano());
        insert.setLong(16, record.getDuration().toMillis());
        setText(insert, 17, record.getTrigger());
        setText(insert, 18, record.getMessage());
        if (record.getSource() == DeploySource.UNKNOWN) {
            insert.setNull(19, Types.VARCHAR); // as a row stored before sources were: the two read the same
        } else {
            insert.setString(19, record.getSource().id());
        }
    }

    private static void setText(PreparedStatement statement, int index, Optional<String> text) throws SQLException {
        if (text.isPresent()) {
            statement.setString(index, storable(text.get()));
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    /**
     * @return the text with what PostgreSQL's UTF-8 text cannot hold (U+0000, a lone surrogate) replaced by
     *     U+FFFD
     */
    public static String storable(String text) {
        StringBuilder stored = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            boolean unstorable = codePoint == 0 || Character.isSurrogate((char) codePoint) && width == 1;
            if (unstorable && stored == null) {
                stored = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (stored != null) {
                if (unstorable) {
                    stored.append('\uFFFD');
                } else {
                    stored.appendCodePoint(codePoint);
                }
            }
            i += width;
        }
        return stored == null ? text : stored.toString();
    }

    /** A row and, when it could be read, its record. */
    private static final class Row {
        final long id;
        final DeployRecord record;

        Row(long id, DeployRecord record) {
            this.id = id;
            this.record = record;
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private LedgerRead query(String sql, Binder binder, int max) throws IOException {
        List<DeployRecord> records = new ArrayList<>();
        int skipped = 0;
        for (Row row : rows(sql, binder)) {
            if (row.record == null) {
                skipped++;
            } else if (records.size() < max) {
                records.add(row.record);
            }
        }
        return new LedgerRead(records, skipped);
    }

    private List<Row> rows(String sql, Binder binder) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            select.setFetchSize(1000);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong("id"), decode(result)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new SharedLedgerIOException("read", service, e);
        }
    }

    /** @return the row's record, or {@code null} when a value in it is not acceptable (written by other tools) */
    private static DeployRecord decode(ResultSet row) throws SQLException {
        String outcome = row.getString("outcome");
        if (outcome == null) {
            return null;
        }
        try {
            return DeployRecord.builder(row.getString("environment"), row.getString("job"), row.getInt("build_number"))
                    .buildUrl(row.getString("build_url"))
                    .commit(row.getString("commit_id"))
                    .commitTime(instant(row, "commit_time", "commit_time_nanos"))
                    .artifactFingerprint(row.getString("artifact"))
                    .outcome(DeployOutcome.valueOf(outcome))
                    .reason(row.getString("reason"))
                    .startedAt(instant(row, "started_at", "started_nanos"))
                    .duration(Duration.ofMillis(row.getLong("duration_ms")))
                    .trigger(row.getString("trigger_text"))
                    .message(row.getString("message"))
                    .source(source(row.getString("source")))
                    .build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the source a row names; NULL (a row stored before schema version 3) is {@link DeploySource#UNKNOWN} */
    private static DeploySource source(String id) {
        if (id == null) {
            return DeploySource.UNKNOWN;
        }
        return DeploySource.ofId(id).orElseThrow(() -> new IllegalArgumentException("source: unknown " + id));
    }

    private static Instant instant(ResultSet row, String column, String nanosColumn) throws SQLException {
        OffsetDateTime timestamp = row.getObject(column, OffsetDateTime.class);
        if (timestamp == null) {
            return null;
        }
        return Instant.ofEpochSecond(timestamp.toEpochSecond(), row.getInt(nanosColumn));
    }

    /** Truncated, not rounded, to the microseconds timestamptz holds, so the second stays the record's. */
    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String checkKey(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be empty");
        }
        if (value.length() > MAX_KEY_LENGTH || value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(
                    field + ": must be 1 to " + MAX_KEY_LENGTH + " characters without U+0000, was " + value.length());
        }
        return value;
    }

    /** A failure of the database under a shared ledger: its message names what failed, the service and the cause. */
    static final class SharedLedgerIOException extends IOException {
        private static final long serialVersionUID = 1L;

        SharedLedgerIOException(String action, String service, SQLException cause) {
            super("cannot " + action + " the shared deploy ledger of '" + service + "': " + cause.getMessage(), cause);
        }
    }
}
