package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Position;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The summary file of a {@link FileDeployLedger}, {@value #FILE_NAME} beside the ledger in the job directory
 * ({@link LedgerSummaryFormat}). It is a cache: it is trusted only while its {@link Position} equals the
 * ledger's (the ledger's length and the hash of its last non-blank line). When the ledger only grew since the
 * summary was made (the summary's position is a prefix of the ledger: the ledger is at least as long, and the
 * last non-blank line of its first {@code length} bytes has the summary's hash and ends there), the summary is
 * caught up by folding only the lines after that length, so a read after N appends costs O(N); otherwise
 * (missing, unreadable, or the ledger was compacted, truncated or replaced) it is rebuilt by one forward scan.
 *
 * <ul>
 *   <li>Every append of the ledger folds its line into the summary in the same lock hold, once the line is durable
 *       ({@code appendAndFold}), when a summary is known (this process's fold, in memory, else the file) at the
 *       ledger's position just before the append, or a few lines behind it, and keeps the new summary in memory: the
 *       fold and the build cost O(days + the environment's kept deploys), never O(history), as the candidate indexes
 *       share their frozen parts ({@link RefIndex}). Otherwise the append starts the rebuild and returns: it never
 *       scans, never waits for a rebuild, and never fails because of the summary. The file, whose encoding is
 *       O(history), is written by the append only once it lags more than {@value #DEFERRED_BYTES} bytes of lines
 *       behind; else {@value #IDLE_FLUSH_MILLIS} ms after the appends pause, on a background thread that encodes it
 *       without the lock and renames it holding the lock unless the ledger moved on. So a burst of appends writes it
 *       once per {@value #DEFERRED_BYTES} bytes, a lone append writes it off the build's thread, and once the appends
 *       are done the summary file equals a rebuild. Every compaction stores the summary of the file it wrote ({@code
 *       storeHoldingLock}), and the process writes what is left when it exits ({@link #flushUnwritten()}). After a
 *       crash the file is at most {@value #DEFERRED_BYTES} bytes and the interrupted append behind, which the next
 *       append or reader catches up.
 *   <li>Rebuilds run once per ledger at a time, on a background thread ({@code rebuildInBackground()}): one
 *       forward scan without the lock (appends only add bytes after the length it read first, and a compaction
 *       renames a new file over the ledger while the scan goes on reading the old one), then the lines appended
 *       meanwhile are caught up and the result written and kept in memory in one lock hold, so it is never
 *       stale. Readers ({@code current()}) wait for the rebuild in flight rather than scan themselves: their
 *       fallback would be a scan of the same ledger, so N readers cost one scan instead of N.
 *   <li>{@link #write} writes a temporary file, forces it, and renames it over the summary atomically, as
 *       compaction replaces the ledger; it holds the ledger's lock only for that, and writes nothing when the
 *       ledger moved on since the summary was made. Appends write the same way without forcing: a crash can
 *       only leave the old summary or an unreadable one, and the ledger, forced first, repairs either.
 *   <li>The last summary of each ledger is kept in memory, per process, and checked against the ledger's
 *       position on every use: another process appending (it shares the lock through the lock file) moves the
 *       ledger, and then the summary file is read instead.
 * </ul>
 *
 * Read by {@link FileDeployLedger#lastSuccessOfCandidate}, the start-order look-ups and {@link
 * FileDeployLedger#readSince} (for its {@link LedgerSummary#getDisorder() disorder}).
 */
public final class LedgerSummaryFile {
    /** The summary's file name inside the job directory. */
    public static final String FILE_NAME = "deployoften-ledger.summary.json";

    static final String TEMP_FILE_NAME = "deployoften-ledger.summary.json.writing";

    private static final int CHUNK = 64 * 1024;
    private static final int FIRST_LAST_LINE_CHUNK = 4 * 1024;
    private static final int HASH_BYTES = 16;

    /** How far behind the ledger an append still catches a summary up itself; further, it leaves it to a rebuild. */
    static final long APPEND_CATCH_UP_BYTES = CHUNK;

    /**
     * The last summary of each ledger file known to this process: a cache of the summary file, itself a cache of
     * the ledger, checked against the ledger's position on every use. Softly referenced, so memory pressure only
     * costs a read of the summary file.
     */
    private static final ConcurrentMap<Path, SoftReference<LedgerSummary>> KNOWN = new ConcurrentHashMap<>();

    /** Summary files, by version, whose second part did not match their head: unreadable until replaced. */
    private static final ConcurrentMap<Path, String> DISTRUSTED = new ConcurrentHashMap<>();

    /**
     * How far the summary file may lag behind this process's fold while another append of this process waits for
     * the lock and so will write it; within what an append catches up itself.
     */
    static final long DEFERRED_BYTES = APPEND_CATCH_UP_BYTES / 2;

    /** What the appends of this process folded into each ledger's summary, carried from one lock hold to the next. */
    private static final ConcurrentMap<Path, SoftReference<Folding>> FOLDING = new ConcurrentHashMap<>();

    /** The appends of this process waiting for each ledger's lock. */
    private static final ConcurrentMap<Path, AtomicInteger> WAITING = new ConcurrentHashMap<>();

    /** The rebuild in flight of each ledger file, so concurrent readers cause one scan. */
    private static final ConcurrentMap<Path, CompletableFuture<LedgerSummary>> REBUILDS = new ConcurrentHashMap<>();

    private static final ExecutorService REBUILDER = rebuilder();

    /** How long after an append whose summary was not written the file is written, unless another append came. */
    static final long IDLE_FLUSH_MILLIS = 1000;

    /** The ledgers whose summary file an idle flush is scheduled for. */
    private static final ConcurrentMap<Path, Boolean> FLUSHES = new ConcurrentHashMap<>();

    /** Held by every flush of a summary file that the appends left unwritten. */
    private static final Object FLUSHING = new Object();

    private static final ScheduledExecutorService FLUSHER = flusher();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(LedgerSummaryFile::flushUnwritten, "DeployOften ledger summary flush at exit"));
    }

    /** For tests: told of every full scan of a ledger once it has taken the ledger's length, before it reads. */
    private static final AtomicReference<Consumer<Path>> SCAN_LISTENER = new AtomicReference<>();

    /** For tests: run by every append once its line is durable, before the summary is folded. */
    private static final AtomicReference<Runnable> BEFORE_FOLD = new AtomicReference<>();

    private final Path directory;
    private final Path summaryFile;
    private final JsonLinesFile ledger;

    /** What {@link #loadOrRebuild()} found. */
    public enum State {
        /** The summary matched the ledger and was used as it was. */
        CURRENT,
        /** There was no summary. */
        MISSING,
        /** The summary could not be read (torn, corrupted, of another version). */
        UNREADABLE,
        /** The summary reflected an earlier state of the ledger, which only grew since: it was caught up. */
        CAUGHT_UP,
        /** The summary was readable but reflects another state of the ledger, not a prefix of it. */
        STALE
    }

    /**
     * What {@link #loadOrRebuild()} did.
     *
     * @param summary the summary matching the ledger as it was read
     * @param found what was found
     * @param written whether a rebuilt or caught-up summary was written (not when the ledger moved on meanwhile,
     *     nor when it could not be written, for example in a read-only directory)
     */
    public record Load(LedgerSummary summary, State found, boolean written) {
        public Load {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(found, "found");
        }
    }

    /**
     * @param directory the job directory holding the ledger
     */
    public LedgerSummaryFile(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.summaryFile = this.directory.resolve(FILE_NAME);
        this.ledger =
                new JsonLinesFile(this.directory, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, true);
    }

    /** @return the summary file */
    public Path getFile() {
        return summaryFile;
    }

    /**
     * Reads the file's head only, the part every read uses; the rest (the kept deploys and the candidate indexes)
     * is read from the file when first used, and checked then against the head ({@link LedgerSummaryFormat}).
     *
     * @return the summary as stored, whatever ledger state it reflects; empty when it is missing, unreadable or
     *     {@link #distrustStored() distrusted}
     * @throws IOException when the file exists but cannot be read
     */
    public Optional<LedgerSummary> read() throws IOException {
        try {
            String distrusted = DISTRUSTED.get(summaryFile);
            if (distrusted != null && distrusted.equals(JsonLinesFile.versionOf(summaryFile))) {
                return Optional.empty();
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(summaryFile, StandardOpenOption.READ)) {
            long size = channel.size();
            Optional<byte[]> firstLine = firstLine(channel, size);
            if (firstLine.isEmpty()) {
                return Optional.empty();
            }
            byte[] head = firstLine.get();
            int headLength = head.length; // the tail's reader keeps this, not the head's bytes
            long tailLength = size - headLength;
            return LedgerSummaryFormat.decode(head, tailLength, () -> readRange(headLength, tailLength));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Optional<byte[]> readWholeFile() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(summaryFile));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** @return the bytes up to and with the first newline, empty when there is none */
    private static Optional<byte[]> firstLine(FileChannel channel, long size) throws IOException {
        byte[] bytes = new byte[(int) Math.min(size, CHUNK)];
        int read = 0;
        while (true) {
            if (read == bytes.length) {
                if (read >= size) {
                    return Optional.empty();
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(size, (long) bytes.length * 2));
            }
            int from = read;
            int n = channel.read(ByteBuffer.wrap(bytes, read, bytes.length - read), read);
            if (n < 0) {
                return Optional.empty();
            }
            read += n;
            for (int i = from; i < read; i++) {
                if (bytes[i] == '\n') {
                    return Optional.of(Arrays.copyOf(bytes, i + 1));
                }
            }
        }
    }

    /** @return the summary file's bytes from {@code offset}, exactly {@code length} of them, as the file is now */
    private byte[] readRange(long offset, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(summaryFile, StandardOpenOption.READ)) {
            if (channel.size() != offset + length) {
                throw new IOException("the summary file's length changed");
            }
            byte[] bytes = new byte[Math.toIntExact(length)];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException("the summary file ended early");
                }
            }
            return bytes;
        }
    }

    /**
     * Forgets the summaries kept in memory and, until the file is replaced, treats the summary file as it is now as
     * unreadable: a part of it read on first use did not match its head ({@link UnreadableSummaryPartException}), so
     * the next reader rebuilds the summary from the ledger.
     */
    void distrustStored() {
        forget();
        try {
            DISTRUSTED.put(summaryFile, JsonLinesFile.versionOf(summaryFile));
        } catch (IOException e) {
            // gone or unreadable already
        }
    }

    /**
     * @return the ledger's position now
     * @throws IOException when the ledger cannot be read
     */
    public Position ledgerPosition() throws IOException {
        try (FileChannel channel = FileChannel.open(ledger.getFile(), StandardOpenOption.READ)) {
            long length = channel.size();
            return new Position(length, hashOf(lastNonBlankLine(channel, length).orElse(null)));
        } catch (NoSuchFileException e) {
            return Position.EMPTY;
        }
    }

    /**
     * @param summary a summary
     * @return whether it reflects the ledger as it is now
     * @throws IOException when the ledger cannot be read
     */
    public boolean isCurrent(LedgerSummary summary) throws IOException {
        return summary.getPosition().equals(ledgerPosition());
    }

    /**
     * Rebuilds the summary by one forward scan of the ledger, without its lock.
     *
     * @return the summary of the ledger as it was when the scan began, with that position
     * @throws IOException when the ledger cannot be read
     */
    public LedgerSummary rebuild() throws IOException {
        return scan(ledger.getFile());
    }

    /**
     * Writes a summary atomically, holding the ledger's lock, unless the ledger no longer is where the summary
     * says.
     *
     * @param summary the summary
     * @return whether it was written
     * @throws IOException when it could not be written; then the old summary file is unchanged
     */
    public boolean write(LedgerSummary summary) throws IOException {
        return ledger.withLock(() -> {
            if (!isCurrent(summary)) {
                return false;
            }
            writeHoldingLock(summary);
            return true;
        });
    }

    /** Writes a summary atomically and durably; the caller holds the ledger's lock. */
    void writeHoldingLock(LedgerSummary summary) throws IOException {
        writeHoldingLock(summary, true);
    }

    /**
     * Writes a summary atomically; the caller holds the ledger's lock.
     *
     * @param force whether to force the file and its directory entry to disk; unforced, a crash may leave the old
     *     summary or an unreadable one, which the ledger (forced first) repairs
     */
    private void writeHoldingLock(LedgerSummary summary, boolean force) throws IOException {
        AtomicFiles.replace(summaryFile, TEMP_FILE_NAME, LedgerSummaryFormat.encode(summary), force);
    }

    /**
     * A summary being folded by the appends of this process, used only holding the ledger's lock: folding into it
     * costs O(log) per line where copying the summary would cost O(summary).
     */
    private static final class Folding {
        final LedgerSummary.Builder builder;
        /** The ledger's position the builder holds. */
        Position at;
        /** The ledger's length when this fold was last written to the summary file, or -1. */
        long written = -1;

        Folding(LedgerSummary from) {
            builder = from.toBuilder();
            at = from.getPosition();
        }
    }

    /**
     * Appends a line to the ledger and folds it into the summary in the same lock hold ({@link
     * #foldAppendedHoldingLock}).
     *
     * @param lines the ledger's file, as the appending ledger opened it
     * @param line the line, ending with a newline
     * @throws IOException when the line could not be written; then it is not stored
     */
    void appendAndFold(JsonLinesFile lines, byte[] line) throws IOException {
        AtomicInteger waiting = WAITING.computeIfAbsent(ledger.getFile(), f -> new AtomicInteger());
        waiting.incrementAndGet();
        boolean[] holding = {false};
        try {
            lines.withLock(() -> {
                holding[0] = true;
                waiting.decrementAndGet();
                JsonLinesFile.Appended appended;
                try {
                    appended = lines.appendHoldingLock(line);
                } catch (IOException | RuntimeException e) {
                    writeFoldedHoldingLock(); // an append before may have left its summary to this one
                    throw e;
                }
                // durable now: the summary is only a cache and never fails the append
                foldAppendedHoldingLock(appended, line, waiting.get() > 0);
                return null;
            });
        } finally {
            if (!holding[0]) {
                waiting.decrementAndGet();
            }
        }
    }

    /**
     * Folds a line just appended into the summary and writes it, in the append's lock hold, when a summary is
     * known at the ledger's position just before the append (this process's fold, kept in memory or stored; one up
     * to {@value #APPEND_CATCH_UP_BYTES} bytes behind is caught up first). Otherwise it starts the {@link
     * #rebuildInBackground() rebuild} and returns at once; while a rebuild is in flight it only leaves the line to
     * it. Never throws: the line is stored, the summary only a cache.
     *
     * @param appended where the line was written
     * @param line the line, ending with a newline
     * @param anotherWaits whether another append of this process waits for the lock: it will then write the
     *     summary, unless the file would lag more than {@value #DEFERRED_BYTES} bytes behind
     */
    void foldAppendedHoldingLock(JsonLinesFile.Appended appended, byte[] line, boolean anotherWaits) {
        Runnable hook = BEFORE_FOLD.get();
        if (hook != null) {
            hook.run();
        }
        Path key = ledger.getFile();
        if (REBUILDS.containsKey(key)) {
            return; // it catches this line up under the lock before it is done
        }
        Folding folding;
        try {
            byte[] content = line.length == 0 ? line : Arrays.copyOf(line, line.length - 1);
            if (content == line || line[content.length] != '\n' || JsonLinesFile.isBlank(content)) {
                FOLDING.remove(key);
                rebuildInBackground();
                return;
            }
            Position before = positionAt(appended.before());
            SoftReference<Folding> kept = FOLDING.get(key);
            folding = kept == null ? null : kept.get();
            if (folding == null || !folding.at.equals(before)) {
                Optional<LedgerSummary> base = knownAt(before);
                if (base.isEmpty()) {
                    FOLDING.remove(key);
                    rebuildInBackground(); // which may still catch up the summary kept in memory
                    return;
                }
                folding = new Folding(base.get());
                FOLDING.put(key, new SoftReference<>(folding));
            }
            fold(folding.builder, content, null);
            folding.at = new Position(appended.after(), hashOf(content));
        } catch (IOException | RuntimeException e) {
            forget(); // the next reader or append repairs it
            return;
        }
        LedgerSummary summary = buildAndRemember(folding);
        if (summary == null) {
            return;
        }
        if (folding.written >= 0 && folding.at.length() - folding.written <= DEFERRED_BYTES) {
            if (!anotherWaits) {
                flushWhenIdle(); // else the next append, a few lines on, decides
            }
            return;
        }
        writeFile(folding, summary);
    }

    /**
     * Writes the summary this process folded to the file, once the appends paused: {@value #IDLE_FLUSH_MILLIS} ms
     * after the append that scheduled it, encoded without the ledger's lock and written holding it, unless the
     * ledger moved on meanwhile (then the next append schedules it again). At most one per ledger is scheduled.
     */
    private void flushWhenIdle() {
        Path key = ledger.getFile();
        if (FLUSHES.putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        try {
            FLUSHER.schedule(this::flushNow, IDLE_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            FLUSHES.remove(key);
        }
    }

    private void flushNow() {
        synchronized (FLUSHING) { // one at a time, so a test's flush waits for the background one in progress
            flushNowOneAtATime();
        }
    }

    private void flushNowOneAtATime() {
        Path key = ledger.getFile();
        FLUSHES.remove(key);
        try {
            SoftReference<Folding> kept = FOLDING.get(key);
            Folding folding = kept == null ? null : kept.get();
            LedgerSummary summary = remembered();
            if (folding == null
                    || summary == null
                    || !summary.getPosition().equals(folding.at)
                    || folding.written == folding.at.length()
                    || !Files.isDirectory(directory)) {
                return;
            }
            byte[] bytes = LedgerSummaryFormat.encode(summary);
            ledger.withLock(() -> {
                if (isCurrent(summary) && folding.at.equals(summary.getPosition())) {
                    AtomicFiles.replace(summaryFile, TEMP_FILE_NAME, bytes, false);
                    folding.written = folding.at.length();
                }
                return null;
            });
        } catch (IOException | RuntimeException e) {
            // a cache: the file lags a few lines, which its next reader catches up
        }
    }

    /**
     * Writes what the appends of this process folded and left unwritten now, on the caller's thread, as the idle
     * flush does once the appends paused, after waiting for the idle flush in progress. Run when the process exits
     * (a shutdown hook), so a controller stopped and started again finds every summary file current.
     */
    static void flushUnwritten() {
        for (Path key : FOLDING.keySet()) {
            Path directory = key.getParent();
            if (directory != null) {
                new LedgerSummaryFile(directory).flushNow();
            }
        }
    }

    /** Writes what the appends of this process folded and left unwritten; the caller holds the ledger's lock. */
    private void writeFoldedHoldingLock() {
        SoftReference<Folding> kept = FOLDING.get(ledger.getFile());
        Folding folding = kept == null ? null : kept.get();
        if (folding != null && folding.written != folding.at.length()) {
            write(folding);
        }
    }

    private void write(Folding folding) {
        LedgerSummary summary = buildAndRemember(folding);
        if (summary != null) {
            writeFile(folding, summary);
        }
    }

    /** @return the summary folded so far, now kept in memory; {@code null} when it could not be built */
    private LedgerSummary buildAndRemember(Folding folding) {
        LedgerSummary summary;
        try {
            summary = folding.builder.position(folding.at).build();
        } catch (RuntimeException e) {
            forget();
            return null;
        }
        remember(summary);
        return summary;
    }

    private void writeFile(Folding folding, LedgerSummary summary) {
        try {
            writeHoldingLock(summary, false);
            folding.written = folding.at.length();
        } catch (IOException e) {
            // kept in memory: the next append of this process writes it again, other processes catch up
        }
    }

    /** @return the position of the ledger's first {@code length} bytes */
    private Position positionAt(long length) throws IOException {
        if (length == 0) {
            return Position.EMPTY;
        }
        try (FileChannel channel = FileChannel.open(ledger.getFile(), StandardOpenOption.READ)) {
            return new Position(length, hashOf(lastNonBlankLine(channel, length).orElse(null)));
        }
    }

    /**
     * @param at the position of the ledger's first bytes, whose lock the caller holds
     * @return the summary of the ledger at that position, from memory or the file, caught up when it is at most
     *     {@value #APPEND_CATCH_UP_BYTES} bytes behind; empty when none is
     */
    private Optional<LedgerSummary> knownAt(Position at) throws IOException {
        long before = at.length();
        if (before == 0) {
            return Optional.of(LedgerSummary.empty());
        }
        LedgerSummary known = remembered();
        if (known != null && known.getPosition().equals(at)) {
            return Optional.of(known);
        }
        LedgerSummary stored = readQuietly().orElse(null);
        if (stored != null && stored.getPosition().equals(at)) {
            return Optional.of(stored);
        }
        for (LedgerSummary candidate : Arrays.asList(stored, known)) {
            if (candidate != null && before - candidate.getPosition().length() <= APPEND_CATCH_UP_BYTES) {
                Optional<LedgerSummary> caughtUp = catchUp(candidate, before);
                if (caughtUp.isPresent()) {
                    return caughtUp;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Stores the summary of a ledger just rewritten (compacted), in the rewrite's lock hold; never throws.
     *
     * @param summary the summary of the ledger as it is now
     */
    void storeHoldingLock(LedgerSummary summary) {
        FOLDING.remove(ledger.getFile());
        remember(summary);
        try {
            writeHoldingLock(summary);
        } catch (IOException e) {
            // kept in memory; a stale file is rebuilt by its next reader in another process
        }
    }

    /**
     * The summary of the ledger as it is now, for readers: the one kept in memory or stored, when it matches the
     * ledger; caught up (and written) when the ledger only grew since; otherwise it waits for the one {@link
     * #rebuildInBackground() rebuild in flight}, so concurrent readers cause a single scan.
     *
     * @return the summary
     * @throws IOException when the ledger cannot be read, or no summary could be made
     */
    LedgerSummary current() throws IOException {
        for (int attempt = 0; ; attempt++) {
            Optional<LedgerSummary> loaded = loadWithoutScan();
            if (loaded.isPresent()) {
                return loaded.get();
            }
            if (attempt == 2) {
                throw new IOException("the ledger changed under each rebuild of its summary: " + ledger.getFile());
            }
            awaitRebuild();
        }
    }

    /** @return the summary of the ledger as it is now, if one can be had without a full scan */
    private Optional<LedgerSummary> loadWithoutScan() throws IOException {
        Position now = ledgerPosition();
        SoftReference<LedgerSummary> seen = KNOWN.get(ledger.getFile());
        LedgerSummary known = seen == null ? null : seen.get();
        if (known != null && known.getPosition().equals(now)) {
            return Optional.of(known);
        }
        if (now.equals(Position.EMPTY)) {
            return Optional.of(keep(seen, LedgerSummary.empty(), false));
        }
        // a short catch-up from memory beats decoding the file
        if (known != null && now.length() - known.getPosition().length() <= APPEND_CATCH_UP_BYTES) {
            Optional<LedgerSummary> caughtUp = catchUp(known);
            if (caughtUp.isPresent()) {
                return Optional.of(keep(seen, caughtUp.get(), true));
            }
        }
        // twice: a catch-up reads the file's tail, which another writer may have replaced since its head was read
        for (int read = 0; read < 2; read++) {
            Optional<LedgerSummary> stored = readQuietly();
            if (stored.isEmpty()) {
                break;
            }
            if (stored.get().getPosition().equals(now)) {
                return Optional.of(keep(seen, stored.get(), false));
            }
            Optional<LedgerSummary> caughtUp = catchUp(stored.get());
            if (caughtUp.isPresent()) {
                return Optional.of(keep(seen, caughtUp.get(), true));
            }
        }
        if (known != null) {
            Optional<LedgerSummary> caughtUp = catchUp(known);
            if (caughtUp.isPresent()) {
                return Optional.of(keep(seen, caughtUp.get(), true));
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps a summary a reader found in memory, unless an append or rebuild kept another since the reader looked,
     * and writes it if asked and the ledger has not moved on.
     */
    private LedgerSummary keep(SoftReference<LedgerSummary> seen, LedgerSummary summary, boolean write) {
        SoftReference<LedgerSummary> mine = new SoftReference<>(summary);
        if (seen == null) {
            KNOWN.putIfAbsent(ledger.getFile(), mine);
        } else {
            KNOWN.replace(ledger.getFile(), seen, mine);
        }
        if (write) {
            writeIfPossible(summary);
        }
        return summary;
    }

    private void awaitRebuild() throws IOException {
        try {
            rebuildInBackground().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the summary's rebuild");
        } catch (ExecutionException e) {
            throw new IOException("the summary's rebuild failed: " + ledger.getFile(), e.getCause());
        }
    }

    /**
     * Starts a rebuild of the summary on a background thread, unless one of this ledger is in flight already: one
     * forward scan without the lock, then the lines appended meanwhile are caught up, the last of them holding the
     * lock, and the result is written and kept in memory in that lock hold. A rebuild whose ledger was rewritten
     * during the scan scans again (a compaction in between has stored its own summary, which is then taken).
     *
     * @return the rebuild in flight; its summary reflects the ledger as it was at the end of the rebuild
     */
    CompletableFuture<LedgerSummary> rebuildInBackground() {
        Path key = ledger.getFile();
        CompletableFuture<LedgerSummary> mine = new CompletableFuture<>();
        CompletableFuture<LedgerSummary> running = REBUILDS.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        try {
            REBUILDER.execute(() -> {
                try {
                    mine.complete(rebuildAndStore(mine));
                } catch (IOException | RuntimeException e) {
                    mine.completeExceptionally(e);
                } finally {
                    REBUILDS.remove(key, mine);
                    if (!mine.isDone()) {
                        mine.completeExceptionally(new IOException("the summary's rebuild failed: " + key));
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            REBUILDS.remove(key, mine);
            mine.completeExceptionally(e);
        }
        return mine;
    }

    private LedgerSummary rebuildAndStore(CompletableFuture<LedgerSummary> mine) throws IOException {
        Path key = ledger.getFile();
        for (int attempt = 0; attempt < 3; attempt++) {
            // a summary far behind (lines appended by an older version) is caught up rather than rebuilt
            Optional<LedgerSummary> caughtUp = attempt == 0 ? loadWithoutScan() : Optional.empty();
            LedgerSummary scanned = caughtUp.isPresent() ? caughtUp.get() : rebuild();
            LedgerSummary unlocked = catchUp(scanned).orElse(scanned); // the lines appended during the scan
            if (!Files.isDirectory(directory)) {
                return unlocked; // the job is gone: recreate nothing
            }
            Optional<LedgerSummary> stored = ledger.withLock(() -> {
                Position now = ledgerPosition();
                LedgerSummary known = remembered();
                Optional<LedgerSummary> current =
                        known != null && known.getPosition().equals(now) ? Optional.of(known) : catchUp(unlocked);
                if (current.isEmpty()) {
                    current = readQuietly().filter(s -> s.getPosition().equals(now));
                }
                if (current.isPresent()) {
                    FOLDING.remove(key);
                    remember(current.get());
                    try {
                        writeHoldingLock(current.get());
                    } catch (IOException e) {
                        // kept in memory
                    }
                    // in the lock hold: an append after it folds into this summary
                    REBUILDS.remove(key, mine);
                }
                return current;
            });
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw new IOException("the ledger was rewritten during each rebuild of its summary: " + key);
    }

    private Optional<LedgerSummary> readQuietly() {
        try {
            return read();
        } catch (IOException e) {
            return Optional.empty(); // as if unreadable: cannot be used
        }
    }

    private LedgerSummary remembered() {
        SoftReference<LedgerSummary> cached = KNOWN.get(ledger.getFile());
        return cached == null ? null : cached.get();
    }

    private void remember(LedgerSummary summary) {
        KNOWN.put(ledger.getFile(), new SoftReference<>(summary));
    }

    /** Forgets the summary of this ledger kept in memory, and what appends folded. */
    void forget() {
        KNOWN.remove(ledger.getFile());
        FOLDING.remove(ledger.getFile());
    }

    /** For tests: forgets every summary kept in memory, so the next look-up reads the summary file. */
    static void forgetAllInMemory() {
        KNOWN.clear();
        FOLDING.clear();
    }

    /**
     * For tests: sets what is told of every full scan once it has taken the ledger's length, before it reads a line
     * (and may hold it there).
     *
     * @param listener receives the ledger file scanned; {@code null} for none
     */
    static void onScan(Consumer<Path> listener) {
        SCAN_LISTENER.set(listener);
    }

    /**
     * For tests: sets what every append runs once its line is durable, before the summary is folded.
     *
     * @param hook what to run; {@code null} for nothing
     */
    static void beforeFold(Runnable hook) {
        BEFORE_FOLD.set(hook);
    }

    /** @return the rebuild of this ledger's summary in flight, if there is one */
    Optional<CompletableFuture<LedgerSummary>> rebuildInFlight() {
        return Optional.ofNullable(REBUILDS.get(ledger.getFile()));
    }

    private static ScheduledExecutorService flusher() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "DeployOften ledger summary flush");
            thread.setDaemon(true);
            return thread;
        });
        pool.setKeepAliveTime(30, TimeUnit.SECONDS);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ExecutorService rebuilder() {
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "DeployOften ledger summary rebuild");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Reads the summary; catches it up when the ledger only grew since it was made, or rebuilds it from the
     * ledger when it is missing, unreadable or stale; and then stores the caught-up or rebuilt one (when the
     * ledger has not moved on meanwhile). A summary that cannot be written (a read-only directory, a full disk)
     * is still returned, with {@link Load#written()} false. It rebuilds on the caller's thread and keeps nothing
     * in memory, for tools and tests; the ledger's readers use {@code current()}, which rebuilds once.
     *
     * @return the summary and what was found
     * @throws IOException when the ledger cannot be read
     */
    public Load loadOrRebuild() throws IOException {
        Optional<byte[]> bytes = readWholeFile();
        State state;
        if (bytes.isEmpty()) {
            state = State.MISSING;
        } else {
            Optional<LedgerSummary> stored = LedgerSummaryFormat.decode(bytes.get()); // both parts checked now
            if (stored.isEmpty()) {
                state = State.UNREADABLE;
            } else {
                return loadFrom(stored.get());
            }
        }
        LedgerSummary rebuilt = rebuild();
        return new Load(rebuilt, state, writeIfPossible(rebuilt));
    }

    /**
     * Brings a summary up to the ledger as it is now, as {@link #loadOrRebuild()} does with the stored one: uses
     * it when it is current, catches it up when the ledger only grew since, rebuilds otherwise; writes the
     * caught-up or rebuilt one.
     *
     * @param known a summary of this ledger, such as one kept in memory
     * @return the summary and what was found ({@link State#CURRENT}, {@link State#CAUGHT_UP} or {@link
     *     State#STALE})
     * @throws IOException when the ledger cannot be read
     */
    public Load loadFrom(LedgerSummary known) throws IOException {
        if (isCurrent(known)) {
            return new Load(known, State.CURRENT, false);
        }
        Optional<LedgerSummary> caughtUp = catchUp(known);
        if (caughtUp.isPresent()) {
            return new Load(caughtUp.get(), State.CAUGHT_UP, writeIfPossible(caughtUp.get()));
        }
        LedgerSummary rebuilt = rebuild();
        return new Load(rebuilt, State.STALE, writeIfPossible(rebuilt));
    }

    private boolean writeIfPossible(LedgerSummary summary) {
        try {
            return write(summary);
        } catch (IOException e) {
            return false; // a cache: the next reader catches up or rebuilds again
        }
    }

    /**
     * Folds the ledger's lines after the summary's position into it, when that position is a prefix of the
     * ledger: the ledger is at least as long, the last non-blank line of its first {@code length} bytes has the
     * summary's hash, and that line ends there (the next byte, if any, is a newline, as an append that ends a torn
     * line writes one). Reads only the last line of the prefix and the lines after it, without the ledger's lock.
     *
     * @param summary a summary of an earlier state of the ledger
     * @return the summary of the ledger as it was when the catch-up began, with that position; empty when the
     *     summary's position is not a prefix of the ledger (compaction, truncation, replacement)
     * @throws IOException when the ledger cannot be read
     */
    public Optional<LedgerSummary> catchUp(LedgerSummary summary) throws IOException {
        return catchUp(summary, -1);
    }

    /** {@link #catchUp(LedgerSummary)} to the ledger's first {@code upTo} bytes, or to its end when negative. */
    private Optional<LedgerSummary> catchUp(LedgerSummary summary, long upTo) throws IOException {
        Position from = summary.getPosition();
        try (FileChannel channel = FileChannel.open(ledger.getFile(), StandardOpenOption.READ)) {
            long size = channel.size();
            long length = upTo < 0 ? size : upTo;
            if (length > size || !isPrefix(from, channel, length)) {
                return Optional.empty();
            }
            if (length == from.length()) {
                return Optional.of(summary);
            }
            Position to = new Position(
                    length, hashOf(lastNonBlankLine(channel, length).orElse(null)));
            LedgerSummary.Builder builder;
            try {
                builder = summary.toBuilder();
            } catch (UnreadableSummaryPartException e) {
                return Optional.empty(); // its file was replaced or damaged since it was read: nothing to build on
            }
            channel.position(from.length());
            try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel), CHUNK)) {
                foldLines(in, length - from.length(), builder, ledger.getFile());
            }
            return Optional.of(builder.position(to).build());
        } catch (NoSuchFileException e) {
            return from.length() == 0 && upTo <= 0 ? Optional.of(summary) : Optional.empty();
        }
    }

    /**
     * Whether a position is a prefix of the open ledger: the ledger is at least as long, the last non-blank line
     * of its first {@code position.length()} bytes has the position's hash, and that line ends there (the next
     * byte, if any, is a newline, as an append that ends a torn line writes one).
     *
     * @param position a summary's position
     * @param channel the ledger, open
     * @param length the ledger's length, as read from the channel
     * @return whether the ledger only grew since that position (as far as length and hash tell)
     * @throws IOException when the ledger cannot be read
     */
    static boolean isPrefix(Position position, FileChannel channel, long length) throws IOException {
        try {
            return isPrefixUnlessShrank(position, channel, length);
        } catch (LedgerShrank e) {
            return false; // cut short under the reader: not the ledger the position was taken of
        }
    }

    /** Thrown when the ledger got shorter while it was read (truncated, emptied by copytruncate). */
    static final class LedgerShrank extends IOException {
        private static final long serialVersionUID = 1L;

        LedgerShrank() {
            super("ledger shrank while being read");
        }
    }

    private static boolean isPrefixUnlessShrank(Position position, FileChannel channel, long length)
            throws IOException {
        if (length < position.length()
                || !hashOf(lastNonBlankLine(channel, position.length()).orElse(null))
                        .equals(position.lastLineHash())) {
            return false;
        }
        // else the prefix's last line went on: it was read while being written
        return position.length() == 0
                || length == position.length()
                || byteAt(channel, position.length() - 1) == '\n'
                || byteAt(channel, position.length()) == '\n';
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        while (one.hasRemaining()) {
            if (channel.read(one, position) < 0) {
                throw new LedgerShrank();
            }
        }
        return one.get(0);
    }

    /**
     * Folds the ledger file's lines, oldest appended first, into a summary; unreadable lines are counted.
     *
     * @param ledgerFile the ledger
     * @return the summary of its first {@code size} bytes, {@code size} taken when the file was opened
     * @throws IOException when the ledger cannot be read
     */
    static LedgerSummary scan(Path ledgerFile) throws IOException {
        LedgerSummary.Builder builder = LedgerSummary.builder();
        try (FileChannel channel = FileChannel.open(ledgerFile, StandardOpenOption.READ);
                InputStream in = new BufferedInputStream(Channels.newInputStream(channel), CHUNK)) {
            long length = channel.size();
            Consumer<Path> listener = SCAN_LISTENER.get();
            if (listener != null) {
                listener.accept(ledgerFile);
            }
            byte[] lastLine = foldLines(in, length, builder, ledgerFile);
            return builder.position(new Position(length, hashOf(lastLine))).build();
        } catch (NoSuchFileException e) {
            return builder.build();
        }
    }

    /**
     * Folds the next {@code count} bytes of lines into the builder; the last line need not end with a newline.
     *
     * @return the last non-blank line folded, {@code null} when none
     */
    private static byte[] foldLines(InputStream in, long count, LedgerSummary.Builder builder, Path ledgerFile)
            throws IOException {
        byte[] lastLine = null;
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        for (long read = 0; read < count; read++) {
            int b = in.read();
            if (b < 0) {
                throw new LedgerShrank();
            }
            if (b == '\n') {
                lastLine = fold(builder, line.toByteArray(), lastLine);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return fold(builder, line.toByteArray(), lastLine);
    }

    /** @return the last non-blank line so far */
    private static byte[] fold(LedgerSummary.Builder builder, byte[] line, byte[] lastLine) {
        if (JsonLinesFile.isBlank(line)) {
            return lastLine;
        }
        Optional<LedgerLineFormat.Line> decoded = LedgerLineFormat.decode(line);
        if (decoded.isPresent()) {
            builder.add(decoded.get().getRecord());
        } else {
            builder.skippedLine();
        }
        return line;
    }

    /** @return the last non-blank line of the first {@code length} bytes, without its newline, if any */
    static Optional<byte[]> lastNonBlankLine(FileChannel channel, long length) throws IOException {
        long end = length;
        while (end > 0) {
            long start = end;
            ByteArrayOutputStream reversed = new ByteArrayOutputStream();
            // read backwards in chunks to the newline before this line (or the file's start)
            boolean found = false;
            // a ledger line is about 500 bytes: start small, so the check after every append reads a few KB
            int chunkSize = FIRST_LAST_LINE_CHUNK;
            while (start > 0 && !found) {
                int size = (int) Math.min(chunkSize, start);
                chunkSize = Math.min(CHUNK, chunkSize * 2);
                ByteBuffer chunk = ByteBuffer.allocate(size);
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, start - size + chunk.position()) < 0) {
                        throw new LedgerShrank();
                    }
                }
                byte[] data = chunk.array();
                int i = size - 1;
                while (i >= 0 && data[i] != '\n') {
                    reversed.write(data[i]);
                    i--;
                }
                found = i >= 0;
                start -= size - 1 - i;
            }
            byte[] line = reversed.toByteArray();
            reverse(line);
            if (!JsonLinesFile.isBlank(line)) {
                return Optional.of(line);
            }
            end = start - 1; // before the newline that ended the search
            if (!found) {
                break;
            }
        }
        return Optional.empty();
    }

    private static void reverse(byte[] bytes) {
        for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
            byte b = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = b;
        }
    }

    /** @return the position hash of a line, empty for none */
    static String hashOf(byte[] line) {
        if (line == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(line);
            return HexFormat.of().formatHex(Arrays.copyOf(digest, HASH_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
