package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * A deploy ledger that survives an outage of the shared database.
 *
 * <ul>
 *   <li>An append goes first to the local {@link FileDeployLedger} (this controller's own history), then to
 *       the shared {@link JdbcDeployLedger}. When the database fails, the record goes to the {@link DeploySpool}
 *       and a warning goes to the listener (for the build log); the build never sees an exception for it.
 *   <li>Before each append, and on demand through {@link #replaySpool()}, the spooled records are replayed one
 *       by one, in order, each under the service key it was spooled for; a record the database refuses for its
 *       content goes to the dead-letter file, with a warning, and the ones after it flow on. While records wait
 *       in the spool, new ones queue behind them, so the database receives them in the order they were
 *       appended; while the database is down, a replay reads only the first spooled line. Replays are safe to
 *       repeat (inserts are idempotent), so a crash mid-replay stores nothing twice.
 *   <li>Reads use the database when it answers, otherwise the local ledger; {@link #isStale()} then says
 *       that the shared view is not current.
 * </ul>
 */
public final class SharedDeployLedger implements DeployLedger {
    private static final Logger LOGGER = Logger.getLogger(SharedDeployLedger.class.getName());

    private final FileDeployLedger local;
    private final DeploySpool spool;
    private final JdbcDeployLedger shared;
    private final SharedLedgerNotice.Listener notices;
    private final DatabaseHealth health;
    private volatile boolean lastReadLocal;

    /** Told each time the database answered or failed, for whoever shows its state to administrators. */
    public interface DatabaseHealth {
        /** Tells nobody. */
        DatabaseHealth NONE = new DatabaseHealth() {
            @Override
            public void answered() {}

            @Override
            public void failed(String problem) {}
        };

        /** The database answered a read or an append. */
        void answered();

        /**
         * @param problem why the database could not be used, in its own words; {@code null} when it was not asked
         *     because earlier records still wait in the spool
         */
        void failed(String problem);
    }

    /**
     * @param local this controller's ledger of the job, always appended first
     * @param spool where records wait while the database is unavailable
     * @param shared the shared database's ledger
     * @param notices told of each problem with the database, for the build log
     */
    public SharedDeployLedger(
            FileDeployLedger local, DeploySpool spool, JdbcDeployLedger shared, SharedLedgerNotice.Listener notices) {
        this(local, spool, shared, notices, DatabaseHealth.NONE);
    }

    /**
     * @param health told whether the database answered each read and append
     */
    public SharedDeployLedger(
            FileDeployLedger local,
            DeploySpool spool,
            JdbcDeployLedger shared,
            SharedLedgerNotice.Listener notices,
            DatabaseHealth health) {
        this.local = local;
        this.spool = spool;
        this.shared = shared;
        this.notices = notices;
        this.health = health;
    }

    /**
     * The production arrangement: the job's {@link FileDeployLedger} and a spool in its
     * {@value DeploySpool#FOLDER} sub-folder, both forced to disk.
     *
     * @param jobDirectory the job's directory
     */
    public static SharedDeployLedger inJobDirectory(
            Path jobDirectory, JdbcDeployLedger shared, SharedLedgerNotice.Listener notices, DatabaseHealth health) {
        return new SharedDeployLedger(
                new FileDeployLedger(jobDirectory),
                new DeploySpool(jobDirectory.resolve(DeploySpool.FOLDER), Clock.systemUTC(), true),
                shared,
                notices,
                health);
    }

    /**
     * Appends locally, then to the database, or to the spool when the database is unavailable. A record the
     * database refuses for its content goes to the spool's dead-letter file, with a warning.
     *
     * @throws IOException only when the local ledger cannot be written (as without a database)
     */
    @Override
    public void append(DeployRecord record) throws IOException {
        local.append(record);
        Replay replay = replaySpoolQuietly();
        if (replay != Replay.FAILED) {
            try {
                shared.append(record);
                health.answered();
                if (replay == Replay.REPLAYED) {
                    reconcileQuietly(); // the database is back after an outage
                }
                return;
            } catch (RefusedRecordException e) {
                health.answered();
                deadLetter(record, e);
                return;
            } catch (IOException e) {
                spoolAfterFailure(record, e);
                return;
            }
        }
        spoolAfterFailure(record, null);
    }

    /**
     * Replays the spooled records to the database one by one, in order, each under the service key it was
     * spooled for ({@link DeploySpool#drainTo}); records the database refuses, and unreadable lines, go to the
     * dead-letter file with a warning, and the records after them flow on.
     *
     * @return how many records were replayed
     * @throws IOException when the database was unavailable (the records from the first it could not take on
     *     stay spooled) or the spool failed
     */
    public int replaySpool() throws IOException {
        IOException[] unavailable = {null};
        DeploySpool.Drain drain = spool.drainTo((record, service) -> {
            try {
                shared.forService(service.orElse(shared.getService())).append(record);
            } catch (RefusedRecordException e) {
                throw e;
            } catch (IOException e) {
                unavailable[0] = e;
                throw e;
            }
        });
        for (RefusedRecordException refusal : drain.refusals()) {
            notices.tell(
                    new SharedLedgerNotice.Refused(
                            refusal.getService(), refusal.getRecord(), spool.getDeadLetterFile(), true),
                    refusal.getMessage());
        }
        int unreadable = drain.deadLettered() - drain.refusals().size();
        if (unreadable > 0) {
            notices.tell(new SharedLedgerNotice.UnreadableMoved(unreadable, spool.getDeadLetterFile()), null);
        }
        if (unavailable[0] != null) {
            throw unavailable[0];
        }
        return drain.stored();
    }

    /** How far back a reconciliation looks when it has no position to start from. */
    public static final Duration RECONCILE_LOOKBACK = Duration.ofDays(7);

    /** The file, in the spool's folder, of the job folder ledger's position reconciled up to. */
    public static final String RECONCILED_FILE_NAME = "deployoften-reconciled.json";

    /**
     * Sends the job folder's records that may be missing from the database, such as one appended locally by a
     * process killed before it reached the database or the spool: first the spool is replayed, then every local
     * record appended after the position reconciled last time is stored unless this controller stored the same
     * deploy attempt under any service key (so spooled records replayed under their own service are not stored
     * again under this one), and the position moves to the ledger's end. Without a position (the first time), or
     * when the job folder's ledger was compacted or replaced since, the records started in the last {@link
     * #RECONCILE_LOOKBACK} are looked at. Safe to repeat and to run beside appends.
     *
     * @param now the time, for the look-back
     * @return how many records were looked at and how many of them were missing and stored
     * @throws IOException when the database is unavailable or a file failed; the position is then unchanged
     */
    public Reconciliation reconcile(Instant now) throws IOException {
        replaySpool();
        Path positionFile = spool.getFile().resolveSibling(RECONCILED_FILE_NAME);
        Optional<LedgerSummary.Position> reconciled = readPosition(positionFile);
        Optional<FileDeployLedger.RecordsAfter> after =
                reconciled.isPresent() ? local.readAfter(reconciled.get()) : Optional.empty();
        List<DeployRecord> records;
        LedgerSummary.Position to;
        if (after.isPresent()) {
            records = after.get().read().records();
            to = after.get().to();
        } else {
            // the position first: what is appended after it is read too, and sent again next time, harmlessly
            to = local.position();
            records = local.readSince(now.minus(RECONCILE_LOOKBACK)).records();
        }
        int stored = 0;
        for (int i = 0; i < records.size(); i += IMPORT_BATCH) {
            stored += shared.storeUnlessStoredUnderAnyService(
                    records.subList(i, Math.min(records.size(), i + IMPORT_BATCH)));
        }
        writePosition(positionFile, to);
        return new Reconciliation(records.size(), stored);
    }

    /**
     * What {@link #reconcile} did.
     *
     * @param lookedAt local records looked at
     * @param stored of them, those the database did not hold and now holds
     */
    public record Reconciliation(int lookedAt, int stored) {}

    private static Optional<LedgerSummary.Position> readPosition(Path file) throws IOException {
        try {
            String[] parts =
                    Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
            return Optional.of(new LedgerSummary.Position(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : ""));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable: look back as without one
        }
    }

    private void writePosition(Path file, LedgerSummary.Position position) throws IOException {
        Files.createDirectories(AtomicFiles.directoryOf(file));
        AtomicFiles.replace(
                file,
                RECONCILED_FILE_NAME + ".writing",
                (position.length() + " " + position.lastLineHash() + "\n").getBytes(StandardCharsets.UTF_8),
                true);
    }

    /** @return how many records and lines the database refused or nobody could read, kept for a person */
    public int deadLettered() throws IOException {
        return spool.deadLettered();
    }

    /**
     * Copies this controller's job-folder history of the job into the database, for a job that deployed
     * before the shared ledger was chosen. Safe to repeat: records already stored (the natural key) are
     * dropped, so a second import stores nothing.
     *
     * @return how many records the job folder holds, how many of them were new to the database, and how many
     *     unreadable lines were passed over
     * @throws IOException when the job folder or the database failed; batches stored before stay stored
     */
    public ImportResult importLocalHistory() throws IOException {
        LedgerRead history = local.readAll();
        List<DeployRecord> records = history.records();
        int stored = 0;
        for (int from = 0; from < records.size(); from += IMPORT_BATCH) {
            stored += shared.appendAll(records.subList(from, Math.min(records.size(), from + IMPORT_BATCH)));
        }
        return new ImportResult(records.size(), stored, history.skippedLines());
    }

    private static final int IMPORT_BATCH = 500;

    /** What {@link #importLocalHistory()} did. */
    public static final class ImportResult {
        private final int read;
        private final int stored;
        private final int skippedLines;

        ImportResult(int read, int stored, int skippedLines) {
            this.read = read;
            this.stored = stored;
            this.skippedLines = skippedLines;
        }

        /** @return records in the job folder */
        public int getRead() {
            return read;
        }

        /** @return records that were new to the database */
        public int getStored() {
            return stored;
        }

        /** @return unreadable job-folder lines passed over */
        public int getSkippedLines() {
            return skippedLines;
        }
    }

    /**
     * @return whether the last read came from the local ledger because the database did not answer, or
     *     records of this controller still wait in the spool: either way the shared view is not current
     * @throws IOException when the spool cannot be looked at
     */
    public boolean isStale() throws IOException {
        return lastReadLocal || spool.hasPending();
    }

    @Override
    public LedgerRead readSince(Instant from) throws IOException {
        return read(ledger -> ledger.readSince(from));
    }

    @Override
    public LedgerRead readAll() throws IOException {
        return read(DeployLedger::readAll);
    }

    @Override
    public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
        return read(ledger -> ledger.findLast(matching));
    }

    @Override
    public Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now) throws IOException {
        return read(ledger -> ledger.lastSuccessStartedBy(environment, now));
    }

    @Override
    public List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count)
            throws IOException {
        DeployLedger.checkCount(count);
        return read(ledger -> ledger.lastCompletedStartedBy(environment, now, count));
    }

    @Override
    public Optional<DeployRecord> lastAttemptStartedBy(EnvironmentName environment, Instant now) throws IOException {
        return read(ledger -> ledger.lastAttemptStartedBy(environment, now));
    }

    @Override
    public Optional<DeployRecord> firstStarted(EnvironmentName environment) throws IOException {
        return read(ledger -> ledger.firstStarted(environment));
    }

    @Override
    public SortedSet<EnvironmentName> environments() throws IOException {
        return read(DeployLedger::environments);
    }

    @Override
    public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
            EnvironmentName environment,
            Optional<String> artifactFingerprint,
            Optional<String> commit,
            OptionalInt buildNumber,
            TrustedSources trusted)
            throws IOException {
        return read(ledger ->
                ledger.lastSuccessOfCandidate(environment, artifactFingerprint, commit, buildNumber, trusted));
    }

    @Override
    public List<DeployRecord> readRecent(int skip, int limit) throws IOException {
        DeployLedger.checkPage(skip, limit);
        return read(ledger -> ledger.readRecent(skip, limit));
    }

    /** The database's version, or the local ledger's, prefixed so the two never look alike. */
    @Override
    public String version() throws IOException {
        return read(ledger -> (ledger == local ? "local:" : "shared:") + ledger.version());
    }

    /**
     * Compacts the local ledger, then the shared history of the service (every controller's records).
     *
     * @return the shared compaction's counts, or the local one's when the database is unavailable
     */
    @Override
    public Compaction compact(Instant horizon) throws IOException {
        Compaction locally = local.compact(horizon);
        try {
            return shared.compact(horizon);
        } catch (IOException e) {
            notices.tell(new SharedLedgerNotice.NotCompacted(), e.getMessage());
            return locally;
        }
    }

    /** What the replay before an append did. */
    private enum Replay {
        /** The spool was empty. */
        NOTHING,
        /** Spooled records reached the database: an outage ended. */
        REPLAYED,
        /** The database is unavailable, or the spool could not be read: the record queues behind the spool. */
        FAILED
    }

    private Replay replaySpoolQuietly() {
        try {
            // the cheap look first: taking the spool's lock on every append would serialise all appends
            if (!spool.hasPending()) {
                return Replay.NOTHING;
            }
            return replaySpool() > 0 ? Replay.REPLAYED : Replay.NOTHING;
        } catch (IOException e) {
            return Replay.FAILED;
        }
    }

    private void reconcileQuietly() {
        try {
            Reconciliation done = reconcile(Instant.now());
            if (done.stored() > 0) {
                notices.tell(new SharedLedgerNotice.Reconciled(done.stored()), null);
            }
        } catch (IOException e) {
            LOGGER.fine(() -> "DeployOften: reconciling with the shared deploy ledger failed: " + e);
        }
    }

    private void spoolAfterFailure(DeployRecord record, IOException cause) {
        String why = cause == null ? null : cause.getMessage();
        health.failed(why);
        try {
            spool.append(record, shared.getService());
            notices.tell(new SharedLedgerNotice.Spooled(record), why);
        } catch (IOException e) {
            notices.tell(new SharedLedgerNotice.NotSpooled(record, e.getMessage()), why);
        }
    }

    private void deadLetter(DeployRecord record, RefusedRecordException refusal) {
        try {
            spool.appendDeadLetter(record, shared.getService());
            notices.tell(
                    new SharedLedgerNotice.Refused(
                            refusal.getService(), refusal.getRecord(), spool.getDeadLetterFile(), false),
                    refusal.getMessage());
        } catch (IOException e) {
            notices.tell(
                    new SharedLedgerNotice.RefusedKeptLocally(
                            refusal.getService(), refusal.getRecord(), e.getMessage()),
                    refusal.getMessage());
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T from(DeployLedger ledger) throws IOException;
    }

    private <T> T read(Read<T> read) throws IOException {
        try {
            T result = read.from(shared);
            lastReadLocal = false;
            health.answered();
            return result;
        } catch (IOException e) {
            lastReadLocal = true;
            health.failed(e.getMessage());
            return read.from(local);
        }
    }
}
