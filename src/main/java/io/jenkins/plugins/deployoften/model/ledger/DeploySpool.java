package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;

/**
 * Records that reached the local ledger but not the shared database, waiting to be replayed: a ledger file
 * in the format of {@link FileDeployLedger} (so it can be read with one), in its own folder, appended durably.
 * {@link #drainTo} hands the records to the database and empties the file under the file's lock, so a record
 * spooled meanwhile waits for the next replay and is never lost between the read and the truncation.
 */
public final class DeploySpool {
    /** The spool's folder inside the job directory. */
    public static final String FOLDER = "deployoften-spool";

    private final JsonLinesFile lines;
    private final Clock clock;

    /**
     * @param directory the spool's folder
     * @param clock stamps the spooled lines
     * @param forceWrites whether appends and truncation are forced to disk (production: {@code true})
     */
    public DeploySpool(Path directory, Clock clock, boolean forceWrites) {
        this.lines =
                new JsonLinesFile(directory, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, forceWrites);
        this.clock = clock;
    }

    /** Receives the spooled records in order; throws when they could not be taken, which keeps them spooled. */
    @FunctionalInterface
    public interface Sink {
        void accept(List<DeployRecord> records) throws IOException;
    }

    /** @return the spool file */
    public Path getFile() {
        return lines.getFile();
    }

    /**
     * Adds a record at the end of the spool; durable when this returns.
     *
     * @param record the record the database did not take
     * @throws IOException when the spool cannot be written
     */
    public void append(DeployRecord record) throws IOException {
        lines.append(LedgerLineFormat.encode(record, clock.instant()));
    }

    /**
     * @return whether records are waiting; a cheap look at the file's size
     * @throws IOException when the file cannot be looked at
     */
    public boolean hasPending() throws IOException {
        Path file = lines.getFile();
        return Files.exists(file) && Files.size(file) > 0;
    }

    /** @return the waiting records, oldest first, and the number of unreadable lines */
    public LedgerRead read() throws IOException {
        if (!Files.exists(lines.getFile())) {
            return new LedgerRead(List.of(), 0);
        }
        return FileDeployLedger.readAll(lines);
    }

    /**
     * Under the spool's lock: reads every waiting record, hands them to the sink in order, and when the sink
     * returned, empties the spool (one truncation, forced to disk). When the sink throws, the spool is left
     * as it was. A crash after the sink and before the truncation replays the records again next time, so the
     * sink must drop records it already holds (the shared ledger's inserts are idempotent).
     *
     * @param sink where the records go
     * @return what was read and handed over
     * @throws IOException when the spool cannot be read or emptied, or the sink threw it
     */
    public LedgerRead drainTo(Sink sink) throws IOException {
        return lines.withLock(() -> {
            LedgerRead pending = read();
            if (pending.records().isEmpty() && pending.skippedLines() == 0) {
                return pending;
            }
            if (!pending.records().isEmpty()) {
                sink.accept(pending.records());
            }
            try (FileChannel channel = FileChannel.open(lines.getFile(), StandardOpenOption.WRITE)) {
                channel.truncate(0);
                channel.force(true);
            }
            return pending;
        });
    }
}
