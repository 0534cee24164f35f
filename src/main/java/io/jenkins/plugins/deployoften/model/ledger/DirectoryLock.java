package io.jenkins.plugins.deployoften.model.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock on files in a job directory, held by one thread of one process at a time: a lock shared by the
 * threads of this process (file locks alone do not exclude threads of one JVM) and, through a lock file,
 * by other processes. The plugin never deletes the lock file; when someone else does (a clean-up of stale
 * {@code *.lock} files), a process that then takes the lock checks that the file it locked is the one at the lock
 * file's path (the same file identity before the open and after the lock) and takes it again if not; and appends
 * write in append mode, so even while two processes hold a lock on different files no line overwrites another.
 */
public final class DirectoryLock {
    private static final ConcurrentMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    /** The identity of every file on a platform without file keys (Windows): the check then always passes. */
    private static final Object NO_FILE_KEYS = new Object();

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
                Object before = fileKey(); // the lock file as it is at the path before it is opened
                try (FileChannel lockChannel =
                                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = lockChannel.lock()) {
                    if (before != null && before.equals(fileKey())) {
                        return action.run();
                    }
                    // made or replaced while this opened it, or deleted while this waited: take it again
                }
            }
        } finally {
            processLock.unlock();
        }
    }

    /**
     * The lock file's identity (its inode on Linux), read by path without opening it: closing any other channel of
     * the lock file would release this process's lock on it. The file this holds open cannot lose its inode to a
     * new file, so when the path shows the same identity before the open and after the lock, the locked file is
     * the lock file.
     *
     * @return the identity ({@link #NO_FILE_KEYS} on a platform without them, where the check cannot be made),
     *     {@code null} when there is no lock file
     */
    private Object fileKey() throws IOException {
        try {
            Object key =
                    Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
            return key == null ? NO_FILE_KEYS : key;
        } catch (NoSuchFileException e) {
            return null;
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
