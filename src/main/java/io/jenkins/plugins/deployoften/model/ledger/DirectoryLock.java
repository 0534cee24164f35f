package io.jenkins.plugins.deployoften.model.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock on files in a job directory, held by one thread of one process at a time: a lock shared by the
 * threads of this process (file locks alone do not exclude threads of one JVM) and, through a lock file,
 * by other processes. The plugin never deletes the lock file; when someone else does (a clean-up of stale
 * {@code *.lock} files), a process that then takes the lock checks that the file it locked is still the one at the
 * lock file's path and takes it again if not, so two processes never hold the lock at once for long; and appends
 * write in append mode, so even then no line overwrites another.
 */
public final class DirectoryLock {
    private static final ConcurrentMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Path lockFile;

    /**
     * @param directory the directory holding the lock file; created on first use
     * @param lockFileName the lock file's name in it
     */
    public DirectoryLock(Path directory, String lockFileName) {
        this.directory = directory.toAbsolutePath().normalize();
        this.lockFile = this.directory.resolve(lockFileName);
    }

    /** An action run while the lock is held. */
    @FunctionalInterface
    public interface LockedAction<T> {
        T run() throws IOException;
    }

    /**
     * Runs an action holding the lock, waiting for it as long as it takes.
     *
     * @param action what to do
     * @param <T> what the action returns
     * @return what the action returned
     * @throws IOException when the action throws it or the lock cannot be taken
     */
    public <T> T withLock(LockedAction<T> action) throws IOException {
        Files.createDirectories(directory);
        // keyed by the real path: this JVM holds one file lock per file, however many paths lead to it, and a
        // second lock attempt through another path (a symbolic link) would throw instead of waiting
        Path realLockFile = directory.toRealPath().resolve(lockFile.getFileName());
        ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(realLockFile, f -> new ReentrantLock());
        processLock.lock();
        try {
            while (true) {
                try (FileChannel lockChannel = FileChannel.open(
                                lockFile,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.READ,
                                StandardOpenOption.WRITE);
                        FileLock ignored = lockChannel.lock()) {
                    if (isStillTheLockFile(lockChannel)) {
                        return action.run();
                    }
                    // the file was deleted (and maybe made again) while we waited: its lock excludes nobody
                }
            }
        } finally {
            processLock.unlock();
        }
    }

    /**
     * Whether the locked file is still the one at the lock file's path: a mark written through the lock is read
     * back through the path. A clean-up that deleted the lock file while this waited for it would otherwise let two
     * processes each hold a lock on a different file.
     */
    private boolean isStillTheLockFile(FileChannel locked) throws IOException {
        byte[] mark = new byte[16];
        RANDOM.nextBytes(mark);
        ByteBuffer written = ByteBuffer.wrap(mark);
        while (written.hasRemaining()) {
            locked.write(written, written.position());
        }
        try (FileChannel byPath = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            ByteBuffer read = ByteBuffer.allocate(mark.length);
            while (read.hasRemaining() && byPath.read(read, read.position()) >= 0) {
                // until the mark's length is read or the file ends
            }
            return Arrays.equals(read.array(), mark);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Makes created, renamed or deleted entries of a directory durable, where the platform allows it.
     *
     * @param directory the directory whose entries changed
     */
    public static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; its file system journals the entry itself.
        }
    }
}
