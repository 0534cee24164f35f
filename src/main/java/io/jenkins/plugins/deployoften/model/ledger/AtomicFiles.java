package io.jenkins.plugins.deployoften.model.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file all at once: the new content goes to a temporary file beside it, created new and never
 * through a symbolic link (a link planted at the temporary name is removed, not followed), forced to disk and
 * renamed over the file atomically; the directory is forced too. On every failure (a full disk, a failed
 * rename) the temporary file is deleted and the old file is left as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the new content into the open temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel temporary) throws IOException;
    }

    /**
     * @param target the file to replace (or create)
     * @param temporaryName the temporary file's name, in the target's directory
     * @param content writes the new content
     * @param force whether to force the temporary file and the directory to disk (production: {@code true})
     * @throws IOException when the file could not be replaced; then it is unchanged and no temporary file is left
     */
    public static void replace(Path target, String temporaryName, Content content, boolean force) throws IOException {
        Path directory = directoryOf(target);
        Path temporary = directory.resolve(temporaryName);
        Files.deleteIfExists(temporary); // a leftover, or a planted link: the link goes, what it points to stays
        try {
            try (FileChannel channel = FileChannel.open(
                    temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                content.writeTo(channel);
                if (force) {
                    channel.force(true);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        if (force) {
            DirectoryLock.forceDirectory(directory);
        }
    }

    /**
     * @param target the file to replace (or create)
     * @param temporaryName the temporary file's name, in the target's directory
     * @param bytes the new content
     * @param force whether to force to disk
     * @throws IOException when the file could not be replaced; then it is unchanged
     */
    public static void replace(Path target, String temporaryName, byte[] bytes, boolean force) throws IOException {
        replace(target, temporaryName, channel -> writeFully(channel, ByteBuffer.wrap(bytes)), force);
    }

    /**
     * @param file a file
     * @return the directory that holds it
     * @throws IOException when the path names no file in a directory (a root)
     */
    static Path directoryOf(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null) {
            throw new IOException("not a file in a directory: " + file);
        }
        return directory;
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
