package io.jenkins.plugins.deployoften.model.ledger;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * An append-only file of newline-terminated lines (JSON Lines) in a job directory, shared by the deploy
 * ledger and the gate's audit log.
 *
 * <ul>
 *   <li>Appends hold a {@link DirectoryLock}; each line is one write at the end of the file, forced to disk
 *       before {@link #append} returns (unless built for benchmarks without forcing).
 *   <li>A line torn by a crash is ended with a newline by the next append, so it stays one unreadable line
 *       and never corrupts the line after it. Readers see it as a line their decoder rejects.
 *   <li>Appends write in append mode, so a line lands at the end of the file even if the lock was broken (its
 *       file deleted by a clean-up script) and another writer appends at the same time.
 *   <li>{@link #scanBackwards} reads from the end in chunks and stops when the visitor says so, so reading
 *       the newest lines costs O(lines read), not O(file); each byte is copied once however long the line.
 *   <li>A line longer than {@value #MAX_LINE_BYTES} bytes is not held in memory: visitors get {@link #TOO_LONG}
 *       for it, which every decoder rejects, so it is skipped and counted.
 *   <li>A file that shrinks while it is read (truncated, or emptied by logrotate's copytruncate) ends the read
 *       with what was read; readers never fail because of it.
 * </ul>
 *
 * Blank lines are never passed to visitors.
 */
public final class JsonLinesFile {
    private static final int CHUNK = 64 * 1024;

    /**
     * A backwards scan's first read: a few lines, as most scans stop after a few (the newest decision, the newest
     * record by start); each further read doubles, up to {@link #CHUNK}.
     */
    private static final int FIRST_BACKWARD_CHUNK = 4 * 1024;

    /**
     * The longest line read: 1 MiB, far above any line the plugin writes (a record or a gate decision, a few KB
     * even with every text field at its limit). A longer line is passed to visitors as {@link #TOO_LONG}, which no
     * decoder accepts, so it is skipped and counted as unreadable without being held in memory.
     */
    static final int MAX_LINE_BYTES = 1024 * 1024;

    /** What visitors get for a line longer than {@link #MAX_LINE_BYTES}: one NUL byte, never a valid line. */
    static final byte[] TOO_LONG = {0};

    private final Path directory;
    private final Path file;
    private final DirectoryLock lock;
    private final boolean forceWrites;

    /**
     * @param directory the directory holding the file
     * @param fileName the file's name
     * @param lockFileName the name of the lock file guarding appends and rewrites
     * @param forceWrites whether appends are forced to disk before they return (production: {@code true})
     */
    public JsonLinesFile(Path directory, String fileName, String lockFileName, boolean forceWrites) {
        this.directory = directory.toAbsolutePath().normalize();
        this.file = this.directory.resolve(fileName);
        this.lock = new DirectoryLock(this.directory, lockFileName);
        this.forceWrites = forceWrites;
    }

    /** Receives lines; returns {@code false} to stop. */
    @FunctionalInterface
    public interface LineVisitor {
        boolean visit(byte[] line) throws IOException;
    }

    /** @return the file */
    public Path getFile() {
        return file;
    }

    /**
     * @return a text that changes whenever the file changes (size, modification time and file identity, so a
     *     compaction to the same size within one clock tick still differs); {@code empty} before the first line
     * @throws IOException when the file cannot be looked at
     */
    public String version() throws IOException {
        try {
            return versionOf(file);
        } catch (NoSuchFileException e) {
            return "empty";
        }
    }

    /**
     * @param file a file
     * @return its size, modification time and identity, as {@link #version()} gives them for this file
     * @throws NoSuchFileException when there is no such file
     * @throws IOException when it cannot be looked at
     */
    static String versionOf(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.size() + "@" + attributes.lastModifiedTime().toMillis() + "@" + attributes.fileKey();
    }

    /** @return the directory holding the file */
    public Path getDirectory() {
        return directory;
    }

    /**
     * Appends one line durably, first ending a torn last line if there is one.
     *
     * @param line the line's bytes, ending with a newline
     * @throws IOException when the line could not be written; then it is not stored
     */
    public void append(byte[] line) throws IOException {
        withLock(() -> appendHoldingLock(line));
    }

    /**
     * Where an append wrote.
     *
     * @param before the file's length before the append
     * @param after its length after: the line ends there
     */
    record Appended(long before, long after) {}

    /**
     * {@link #append} for a caller that holds the lock ({@link #withLock}), to do more in the same lock hold.
     *
     * @param line the line's bytes, ending with a newline
     * @return where it was written; it is durable when this returns
     * @throws IOException when the line could not be written; then it is not stored
     */
    Appended appendHoldingLock(byte[] line) throws IOException {
        boolean created = !Files.exists(file);
        long end;
        long position;
        // append mode: every write lands at the end of the file as it is then, so even two writers that both
        // believe they hold the lock (its file deleted under them) never write over each other's lines
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            long size = channel.size();
            ByteBuffer buffer;
            if (size > 0 && lastByte(file, size) != '\n') {
                buffer = ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line);
                buffer.flip();
            } else {
                buffer = ByteBuffer.wrap(line);
            }
            int length = buffer.remaining();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            position = channel.position();
            end = position - length;
            if (forceWrites) {
                channel.force(false);
            }
        }
        if (created && forceWrites) {
            DirectoryLock.forceDirectory(directory);
        }
        return new Appended(end, position);
    }

    /**
     * Runs an action holding the file's lock, for rewrites such as compaction.
     *
     * @param action what to do
     * @param <T> what the action returns
     * @return what the action returned
     * @throws IOException when the action throws it or the lock cannot be taken
     */
    public <T> T withLock(DirectoryLock.LockedAction<T> action) throws IOException {
        return lock.withLock(action);
    }

    /**
     * Visits the lines from the first to the last; a missing file has no lines.
     *
     * @param visitor receives each non-blank line without its newline
     * @throws IOException when the file cannot be read or the visitor throws it
     */
    public void readForward(LineVisitor visitor) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            long length = 0;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    if (!visitLine(length > MAX_LINE_BYTES ? TOO_LONG : line.toByteArray(), visitor)) {
                        return;
                    }
                    line.reset();
                    length = 0;
                } else {
                    if (length < MAX_LINE_BYTES) {
                        line.write(b);
                    }
                    length++;
                }
            }
            visitLine(length > MAX_LINE_BYTES ? TOO_LONG : line.toByteArray(), visitor);
        } catch (NoSuchFileException e) {
            // no file yet: nothing to visit
        }
    }

    /**
     * Visits the lines from the last to the first; a missing file has no lines.
     *
     * @param visitor receives each non-blank line without its newline; returns {@code false} to stop
     * @throws IOException when the file cannot be read or the visitor throws it
     */
    public void scanBackwards(LineVisitor visitor) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            scanBackwards(channel, 0, channel.size(), visitor);
        } catch (NoSuchFileException e) {
            // no file yet: nothing to visit
        }
    }

    /**
     * Visits the lines of the bytes {@code [start, end)} of an open file from the last to the first. The bytes
     * before the first newline of the range, and after its last, are a line each (so {@code start} and {@code
     * end} should be line boundaries).
     *
     * @param channel the open file
     * @param start the first byte of the range
     * @param end the end of the range, exclusive
     * @param visitor receives each non-blank line without its newline; returns {@code false} to stop
     * @return {@code false} when the visitor stopped the scan, {@code true} when it visited the whole range
     * @throws IOException when the file cannot be read or the visitor throws it
     */
    static boolean scanBackwards(FileChannel channel, long start, long end, LineVisitor visitor) throws IOException {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("range: [" + start + ", " + end + ")");
        }
        long position = end;
        PartialLine partial = new PartialLine();
        int chunk = FIRST_BACKWARD_CHUNK;
        while (position > start) {
            int length = (int) Math.min(chunk, position - start);
            chunk = Math.min(CHUNK, chunk * 2);
            position -= length;
            ByteBuffer bytes = ByteBuffer.allocate(length);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, position + bytes.position()) < 0) {
                    // the file shrank under the reader (truncated, copytruncate): what was read stands
                    return true;
                }
            }
            byte[] data = bytes.array();
            int lineEnd = data.length;
            for (int i = data.length - 1; i >= 0; i--) {
                if (data[i] == '\n') {
                    partial.prepend(data, i + 1, lineEnd);
                    if (!visitLine(partial.take(), visitor)) {
                        return false;
                    }
                    lineEnd = i;
                }
            }
            partial.prepend(data, 0, lineEnd);
        }
        return visitLine(partial.take(), visitor);
    }

    /**
     * The line a backwards scan is in the middle of, kept as the pieces read so far (each byte copied once, so a
     * long line costs its length, not its length times the chunks it spans), and given up beyond {@link
     * #MAX_LINE_BYTES}.
     */
    private static final class PartialLine {
        private final ArrayDeque<byte[]> pieces = new ArrayDeque<>();
        private long length;

        void prepend(byte[] data, int from, int to) {
            if (to > from && length <= MAX_LINE_BYTES) {
                pieces.addFirst(Arrays.copyOfRange(data, from, to));
            }
            length += to - from;
        }

        byte[] take() {
            byte[] line;
            if (length > MAX_LINE_BYTES) {
                line = TOO_LONG;
            } else {
                line = new byte[(int) length];
                int at = 0;
                for (byte[] piece : pieces) {
                    System.arraycopy(piece, 0, line, at, piece.length);
                    at += piece.length;
                }
            }
            pieces.clear();
            length = 0;
            return line;
        }
    }

    private static boolean visitLine(byte[] line, LineVisitor visitor) throws IOException {
        return isBlank(line) || visitor.visit(line);
    }

    /**
     * @param line a line's bytes
     * @return whether it holds nothing but spaces, tabs and carriage returns
     */
    public static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** @return the file's byte before {@code size}, read through a channel of its own (append mode cannot read) */
    private static byte lastByte(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            return channel.read(one, size - 1) == 1 ? one.get(0) : (byte) '\n'; // shrank meanwhile: a line boundary
        }
    }
}
