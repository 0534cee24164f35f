package io.jenkins.plugins.deployoften.model.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock on files in a job directory, held by one thread of one process at a time: a lock shared by the
 * threads of this process (file locks alone do not exclude threads of one JVM) and, through a lock file,
 * by other processes. The lock file is never deleted, so every process locks the same file.
 */
public final class DirectoryLock {
    private static final ConcurrentMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

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
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockChannel.lock()) {
            return action.run();
        } finally {
            processLock.unlock();
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
