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
 * ledger's (the ledger's length and the hash of its last non-blank line), and rebuilt from the ledger by one
 * forward scan whenever it is missing, unreadable or stale.
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
 * Not yet used by the ledger's appends and compactions, nor by any read.
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
        /** The summary was readable but reflects another state of the ledger. */
        STALE
    }

    /**
     * What {@link #loadOrRebuild()} did.
     *
     * @param summary the summary matching the ledger as it was read
     * @param found what was found
     * @param written whether a rebuilt summary was written (not when the ledger moved on meanwhile)
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
     * Reads the summary, or rebuilds it from the ledger when it is missing, unreadable or stale, and then stores
     * the rebuilt one (when the ledger has not moved on meanwhile).
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
            } else if (isCurrent(stored.get())) {
                return new Load(stored.get(), State.CURRENT, false);
            } else {
                state = State.STALE;
            }
        }
        LedgerSummary rebuilt = rebuild();
        return new Load(rebuilt, state, write(rebuilt));
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
            byte[] lastLine = null;
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            for (long read = 0; read < length; read++) {
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
            lastLine = fold(builder, line.toByteArray(), lastLine);
            return builder.position(new Position(length, hashOf(lastLine))).build();
        } catch (NoSuchFileException e) {
            return builder.build();
        }
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
