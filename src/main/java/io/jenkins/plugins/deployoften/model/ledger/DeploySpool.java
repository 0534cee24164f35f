package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Records that reached the local ledger but not the shared database, waiting to be replayed: lines in the
 * format of {@link FileDeployLedger} (so it can be read with one) that also carry the service key each record
 * was meant for, in its own folder, appended durably.
 *
 * <p>{@link #drainTo} hands the records to the database one by one, oldest first, under the spool's lock:
 *
 * <ul>
 *   <li>a record the database stores is done;
 *   <li>a record it refuses for its content ({@link RefusedRecordException}), and a line that cannot be read,
 *       go to the dead-letter file {@value #DEAD_LETTER_FILE_NAME} beside the spool (kept for a person, never
 *       deleted), and the records after it flow on;
 *   <li>at the first record the database cannot take because it is unavailable, the drain stops: that record
 *       and the ones after it stay spooled, in order. So while the database is down a drain reads one line.
 * </ul>
 *
 * Afterwards the spool holds exactly the records not done: emptied, or rewritten (a new file, forced, renamed
 * over the old one) from the first one not done. A crash after a record was stored and before the spool was
 * rewritten sends it again next time, which the database drops (its inserts are idempotent).
 */
public final class DeploySpool {
    /** The spool's folder inside the job directory. */
    public static final String FOLDER = "deployoften-spool";

    /** The file, in the spool's folder, of the lines the database refused or nobody could read. */
    public static final String DEAD_LETTER_FILE_NAME = "deployoften-dead-letter.jsonl";

    static final String REWRITE_FILE_NAME = "deployoften-ledger.jsonl.rewriting";

    private static final int CHUNK = 64 * 1024;

    private final JsonLinesFile lines;
    private final Clock clock;
    private final boolean forceWrites;

    /**
     * @param directory the spool's folder
     * @param clock stamps the spooled lines
     * @param forceWrites whether appends and truncation are forced to disk (production: {@code true})
     */
    public DeploySpool(Path directory, Clock clock, boolean forceWrites) {
        this.lines =
                new JsonLinesFile(directory, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, forceWrites);
        this.clock = clock;
        this.forceWrites = forceWrites;
    }

    /** Takes one spooled record. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param record the record
         * @param service the service key it was spooled for; empty for a line spooled by an older version
         * @throws RefusedRecordException when the database refused the record for its content: it is dead-lettered
         * @throws IOException when the database is unavailable: the record and the ones after it stay spooled
         */
        void store(DeployRecord record, Optional<String> service) throws IOException;
    }

    /**
     * What a drain did.
     *
     * @param stored records the sink took
     * @param deadLettered records the sink refused plus unreadable lines, moved to the dead-letter file
     * @param waiting records still spooled because the database was unavailable
     * @param refusals the database's refusals of records, in order
     */
    public record Drain(int stored, int deadLettered, int waiting, List<RefusedRecordException> refusals) {
        public Drain {
            refusals = List.copyOf(refusals);
        }
    }

    /** @return the spool file */
    public Path getFile() {
        return lines.getFile();
    }

    /** @return the dead-letter file */
    public Path getDeadLetterFile() {
        return lines.getDirectory().resolve(DEAD_LETTER_FILE_NAME);
    }

    /**
     * Adds a record at the end of the spool; durable when this returns.
     *
     * @param record the record the database did not take
     * @param service the service key it was meant for
     * @throws IOException when the spool cannot be written
     */
    public void append(DeployRecord record, String service) throws IOException {
        lines.append(LedgerLineFormat.encode(record, clock.instant(), Optional.of(service)));
    }

    /**
     * Keeps a record the database refused for its content in the dead-letter file; durable when this returns.
     *
     * @param record the record
     * @param service the service key it was meant for
     * @throws IOException when the file cannot be written
     */
    public void appendDeadLetter(DeployRecord record, String service) throws IOException {
        byte[] line = LedgerLineFormat.encode(record, clock.instant(), Optional.of(service));
        lines.withLock(() -> {
            appendDeadLetters(List.of(Arrays.copyOf(line, line.length - 1)));
            return null;
        });
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
     * @return how many lines the dead-letter file holds
     * @throws IOException when it exists but cannot be read
     */
    public int deadLettered() throws IOException {
        try {
            int count = 0;
            for (byte b : Files.readAllBytes(getDeadLetterFile())) {
                if (b == '\n') {
                    count++;
                }
            }
            return count;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /**
     * Hands the spooled records to the sink one by one, as the class describes, and leaves in the spool exactly
     * those not done.
     *
     * @param sink where the records go
     * @return what was stored, dead-lettered and left waiting
     * @throws IOException when the spool or the dead-letter file cannot be read or written
     */
    public Drain drainTo(Sink sink) throws IOException {
        return lines.withLock(() -> {
            Path file = lines.getFile();
            long length;
            int stored = 0;
            int waiting = 0;
            List<byte[]> dead = new ArrayList<>();
            List<RefusedRecordException> refusals = new ArrayList<>();
            long doneUpTo = 0; // bytes of the spool that are done
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), CHUNK)) {
                length = channel.size();
                ByteArrayOutputStream line = new ByteArrayOutputStream(512);
                long read = 0;
                boolean unavailable = false;
                while (read < length && !unavailable) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    read++;
                    if (b != '\n' && read < length) {
                        line.write(b);
                        continue;
                    }
                    if (b != '\n') {
                        line.write(b); // the last line, without its newline
                    }
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (JsonLinesFile.isBlank(bytes)) {
                        doneUpTo = read;
                        continue;
                    }
                    Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(bytes);
                    if (decoded.isEmpty()) {
                        dead.add(bytes);
                        doneUpTo = read;
                        continue;
                    }
                    try {
                        sink.store(decoded.get().getRecord(), decoded.get().getService());
                        stored++;
                        doneUpTo = read;
                    } catch (RefusedRecordException e) {
                        dead.add(bytes);
                        refusals.add(e);
                        doneUpTo = read;
                    } catch (IOException e) {
                        unavailable = true;
                        waiting = 1 + countLines(in, length - read);
                    }
                }
            } catch (NoSuchFileException e) {
                return new Drain(0, 0, 0, List.of());
            }
            if (!dead.isEmpty()) {
                appendDeadLetters(dead);
            }
            if (doneUpTo > 0) {
                keepFrom(file, doneUpTo, length);
            }
            return new Drain(stored, dead.size(), waiting, refusals);
        });
    }

    private static int countLines(InputStream in, long remaining) throws IOException {
        int count = 0;
        boolean inLine = false;
        for (long i = 0; i < remaining; i++) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            if (b == '\n') {
                count += inLine ? 1 : 0;
                inLine = false;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                inLine = true;
            }
        }
        return count + (inLine ? 1 : 0);
    }

    private void appendDeadLetters(List<byte[]> dead) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : dead) {
            out.writeBytes(line);
            out.write('\n');
        }
        Path deadLetters = getDeadLetterFile();
        try (FileChannel channel = FileChannel.open(
                deadLetters,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (forceWrites) {
                channel.force(false);
            }
        }
    }

    /** Leaves in the spool only its bytes from {@code from} to {@code length}; the caller holds the lock. */
    private void keepFrom(Path file, long from, long length) throws IOException {
        if (from >= length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(0);
                if (forceWrites) {
                    channel.force(true);
                }
            }
            return;
        }
        AtomicFiles.replace(
                file,
                REWRITE_FILE_NAME,
                target -> {
                    try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
                        long position = from;
                        while (position < length) {
                            position += source.transferTo(position, length - position, target);
                        }
                    }
                },
                forceWrites);
    }
}
