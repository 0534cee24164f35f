package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Position;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

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
 *   <li>{@link #write} writes a temporary file, forces it, and renames it over the summary atomically, as
 *       compaction replaces the ledger; it holds the ledger's lock only for that, and writes nothing when the
 *       ledger moved on since the summary was made, so a stale summary is never written.
 *   <li>{@link #rebuild()} reads the ledger without its lock: appends only add bytes after the length it read
 *       first, and a compaction renames a new file over the ledger while the scan goes on reading the old one, so
 *       the scan sees one consistent state of the ledger and builds never wait for it.
 * </ul>
 *
 * Read by {@link FileDeployLedger#lastSuccessOfCandidate} and {@link FileDeployLedger#readSince} (for its
 * {@link LedgerSummary#getDisorder() disorder}); not written by the ledger's appends and compactions.
 */
public final class LedgerSummaryFile {
    /** The summary's file name inside the job directory. */
    public static final String FILE_NAME = "deployoften-ledger.summary.json";

    static final String TEMP_FILE_NAME = "deployoften-ledger.summary.json.writing";

    private static final int CHUNK = 64 * 1024;
    private static final int HASH_BYTES = 16;

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
     * @return the summary as stored, whatever ledger state it reflects; empty when it is missing or unreadable
     * @throws IOException when the file exists but cannot be read
     */
    public Optional<LedgerSummary> read() throws IOException {
        return readBytes().flatMap(LedgerSummaryFormat::decode);
    }

    private Optional<byte[]> readBytes() throws IOException {
        try {
            return Optional.of(Files.readAllBytes(summaryFile));
        } catch (NoSuchFileException e) {
            return Optional.empty();
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

    /** Writes a summary atomically; the caller holds the ledger's lock (the append and compaction path). */
    void writeHoldingLock(LedgerSummary summary) throws IOException {
        Path temporary = directory.resolve(TEMP_FILE_NAME);
        byte[] bytes = LedgerSummaryFormat.encode(summary);
        try (FileChannel out = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        try {
            Files.move(temporary, summaryFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        DirectoryLock.forceDirectory(directory);
    }

    /**
     * Reads the summary; catches it up when the ledger only grew since it was made, or rebuilds it from the
     * ledger when it is missing, unreadable or stale; and then stores the caught-up or rebuilt one (when the
     * ledger has not moved on meanwhile). A summary that cannot be written (a read-only directory, a full disk)
     * is still returned, with {@link Load#written()} false.
     *
     * @return the summary and what was found
     * @throws IOException when the ledger cannot be read
     */
    public Load loadOrRebuild() throws IOException {
        Optional<byte[]> bytes = readBytes();
        State state;
        if (bytes.isEmpty()) {
            state = State.MISSING;
        } else {
            Optional<LedgerSummary> stored = LedgerSummaryFormat.decode(bytes.get());
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
        Position from = summary.getPosition();
        try (FileChannel channel = FileChannel.open(ledger.getFile(), StandardOpenOption.READ)) {
            long length = channel.size();
            if (!isPrefix(from, channel, length)) {
                return Optional.empty();
            }
            if (length == from.length()) {
                return Optional.of(summary);
            }
            Position to = new Position(
                    length, hashOf(lastNonBlankLine(channel, length).orElse(null)));
            LedgerSummary.Builder builder = summary.toBuilder();
            channel.position(from.length());
            try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel), CHUNK)) {
                foldLines(in, length - from.length(), builder, ledger.getFile());
            }
            return Optional.of(builder.position(to).build());
        } catch (NoSuchFileException e) {
            return from.length() == 0 ? Optional.of(summary) : Optional.empty();
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
                throw new IOException("ledger shrank while being read");
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
                throw new IOException("ledger shrank while being read: " + ledgerFile);
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
            while (start > 0 && !found) {
                int size = (int) Math.min(CHUNK, start);
                ByteBuffer chunk = ByteBuffer.allocate(size);
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, start - size + chunk.position()) < 0) {
                        throw new IOException("ledger shrank while being read");
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
