package io.jenkins.plugins.deployoften.model;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A {@link DeployLedger} kept as one JSON Lines file ({@link LedgerLineFormat}) in a job's directory.
 *
 * <ul>
 *   <li>Appends take a lock shared by the threads of this process and, through a lock file, by other
 *       processes; each record is one write at the end of the file, forced to disk before
 *       {@link #append} returns.
 *   <li>A line torn by a crash is ended with a newline by the next append, so it stays one unreadable
 *       line and never corrupts the record after it. Readers skip and count such lines.
 *   <li>Windowed reads scan from the end of the file backwards and stop once they pass the window, so
 *       they cost O(records in the window), not O(history).
 *   <li>Compaction writes a new file, forces it, and renames it over the old one.
 * </ul>
 */
public final class FileDeployLedger implements DeployLedger {
    /** The ledger's file name inside the job directory. */
    public static final String FILE_NAME = "deployoften-ledger.jsonl";

    static final String LOCK_FILE_NAME = "deployoften-ledger.lock";
    static final String COMPACTION_FILE_NAME = "deployoften-ledger.jsonl.compacting";
    static final String QUARANTINE_FILE_NAME = "deployoften-ledger.quarantine";

    /**
     * How far appends may be out of time order (clock steps, records of one window appended late) before a
     * backwards scan stops.
     */
    static final Duration CLOCK_SLACK = Duration.ofHours(1);

    private static final int CHUNK = 64 * 1024;
    private static final ConcurrentMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    /** Whether appends are forced to disk before they return. */
    public enum Durability {
        /** Forced to disk: the production setting. */
        FORCED,
        /** Left to the operating system's buffers: only for benchmarks that measure the rest. */
        OS_BUFFERED
    }

    private final Path directory;
    private final Path file;
    private final Clock clock;
    private final Durability durability;

    /**
     * @param directory the job directory holding the ledger
     */
    public FileDeployLedger(Path directory) {
        this(directory, Clock.systemUTC(), Durability.FORCED);
    }

    /**
     * @param directory the job directory holding the ledger
     * @param clock the clock that stamps appends
     * @param durability whether appends are forced to disk
     */
    public FileDeployLedger(Path directory, Clock clock, Durability durability) {
        this.directory = directory.toAbsolutePath().normalize();
        this.file = this.directory.resolve(FILE_NAME);
        this.clock = clock;
        this.durability = durability;
    }

    /** @return the ledger file */
    public Path getFile() {
        return file;
    }

    @Override
    public void append(DeployRecord record) throws IOException {
        byte[] line = LedgerLineFormat.encode(record, clock.instant());
        withLock(() -> {
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long end = channel.size();
                ByteBuffer buffer;
                if (end > 0 && lastByte(channel, end) != '\n') {
                    buffer = ByteBuffer.allocate(line.length + 1)
                            .put((byte) '\n')
                            .put(line);
                    buffer.flip();
                } else {
                    buffer = ByteBuffer.wrap(line);
                }
                long position = end;
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                if (durability == Durability.FORCED) {
                    channel.force(false);
                }
            }
            if (created && durability == Durability.FORCED) {
                forceDirectory();
            }
            return null;
        });
    }

    @Override
    public LedgerRead readAll() throws IOException {
        List<DeployRecord> records = new ArrayList<>();
        int skipped = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    skipped += decodeInto(line.toByteArray(), records);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            skipped += decodeInto(line.toByteArray(), records);
        } catch (NoSuchFileException e) {
            return new LedgerRead(List.of(), 0);
        }
        return new LedgerRead(records, skipped);
    }

    private static int decodeInto(byte[] line, List<DeployRecord> records) {
        if (isBlank(line)) {
            return 0;
        }
        Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
        decoded.ifPresent(l -> records.add(l.getRecord()));
        return decoded.isPresent() ? 0 : 1;
    }

    @Override
    public LedgerRead readSince(Instant from) throws IOException {
        Instant stopBefore = from.minus(CLOCK_SLACK);
        List<DeployRecord> newestFirst = new ArrayList<>();
        int[] skipped = {0};
        scanBackwards(line -> {
            Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
            if (decoded.isEmpty()) {
                skipped[0]++;
                return true;
            }
            if (decoded.get().getRecordedAt().isBefore(stopBefore)) {
                return false;
            }
            DeployRecord record = decoded.get().getRecord();
            if (!record.getStartedAt().isBefore(from)) {
                newestFirst.add(record);
            }
            return true;
        });
        Collections.reverse(newestFirst);
        return new LedgerRead(newestFirst, skipped[0]);
    }

    @Override
    public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
        DeployRecord[] found = {null};
        scanBackwards(line -> {
            Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
            if (decoded.isPresent() && matching.test(decoded.get().getRecord())) {
                found[0] = decoded.get().getRecord();
                return false;
            }
            return true;
        });
        return Optional.ofNullable(found[0]);
    }

    @Override
    public Compaction compact(Instant horizon) throws IOException {
        return withLock(() -> {
            if (!Files.exists(file)) {
                return new Compaction(0, 0, 0);
            }
            Path next = directory.resolve(COMPACTION_FILE_NAME);
            ByteArrayOutputStream quarantine = new ByteArrayOutputStream();
            int[] counts = new int[3];
            try (FileChannel out = FileChannel.open(
                            next,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
                    InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
                ByteArrayOutputStream line = new ByteArrayOutputStream(512);
                int b;
                boolean more = true;
                while (more) {
                    b = in.read();
                    more = b != -1;
                    if (more && b != '\n') {
                        line.write(b);
                        continue;
                    }
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    if (isBlank(bytes)) {
                        continue;
                    }
                    Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(bytes);
                    if (decoded.isEmpty()) {
                        quarantine.write(bytes);
                        quarantine.write('\n');
                        counts[2]++;
                    } else if (decoded.get().getRecord().getStartedAt().isBefore(horizon)) {
                        counts[1]++;
                    } else {
                        writeFully(out, ByteBuffer.wrap(bytes));
                        writeFully(out, ByteBuffer.wrap(new byte[] {'\n'}));
                        counts[0]++;
                    }
                }
                out.force(true);
            }
            if (counts[2] > 0) {
                Files.write(
                        directory.resolve(QUARANTINE_FILE_NAME),
                        quarantine.toByteArray(),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.SYNC);
            }
            try {
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.deleteIfExists(next);
                throw e;
            }
            forceDirectory();
            return new Compaction(counts[0], counts[1], counts[2]);
        });
    }

    /** Visits lines from the last to the first; the visitor returns {@code false} to stop. */
    private void scanBackwards(Predicate<byte[]> visitor) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = channel.size();
            byte[] carry = new byte[0];
            while (position > 0) {
                int length = (int) Math.min(CHUNK, position);
                position -= length;
                ByteBuffer chunk = ByteBuffer.allocate(length + carry.length);
                chunk.limit(length);
                while (chunk.hasRemaining()) {
                    int read = channel.read(chunk, position + chunk.position());
                    if (read < 0) {
                        throw new IOException("ledger shrank while being read: " + file);
                    }
                }
                chunk.limit(chunk.capacity());
                chunk.put(carry);
                byte[] data = chunk.array();
                int lineEnd = data.length;
                for (int i = data.length - 1; i >= 0; i--) {
                    if (data[i] == '\n') {
                        if (!visitLine(data, i + 1, lineEnd, visitor)) {
                            return;
                        }
                        lineEnd = i;
                    }
                }
                carry = java.util.Arrays.copyOfRange(data, 0, lineEnd);
            }
            visitLine(carry, 0, carry.length, visitor);
        } catch (NoSuchFileException e) {
            // no ledger yet: nothing to visit
        }
    }

    private static boolean visitLine(byte[] data, int from, int to, Predicate<byte[]> visitor) {
        if (to <= from) {
            return true;
        }
        byte[] line = java.util.Arrays.copyOfRange(data, from, to);
        return isBlank(line) || visitor.test(line);
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Makes a created or renamed directory entry durable (where the platform allows it). */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; its file system journals the entry itself.
        }
    }

    private interface LockedAction<T> {
        T run() throws IOException;
    }

    private <T> T withLock(LockedAction<T> action) throws IOException {
        Files.createDirectories(directory);
        // keyed by the real path: this JVM holds one file lock per file, however many paths lead to it, and
        // a second lock attempt through another path (a symbolic link) throws instead of waiting
        ReentrantLock processLock =
                PROCESS_LOCKS.computeIfAbsent(directory.toRealPath().resolve(FILE_NAME), f -> new ReentrantLock());
        processLock.lock();
        try (FileChannel lockChannel = FileChannel.open(
                        directory.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockChannel.lock()) {
            return action.run();
        } finally {
            processLock.unlock();
        }
    }
}
