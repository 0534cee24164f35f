package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.ledger.AtomicFiles;
import io.jenkins.plugins.deployoften.model.ledger.DirectoryLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The one-time gate override of a job, kept as {@value #FILE_NAME} in the job directory. At most one is
 * pending; granting another replaces it, whether it is still valid, expired or unbound. Whether the user may grant
 * it is checked by the caller.
 *
 * <ul>
 *   <li>{@link #grant} writes a temporary file, forces it to disk and renames it atomically over the
 *       pending one, so a crash leaves the old override or the new one, never a torn file.
 *   <li>{@link #consume} reads the file and deletes it when the override {@linkplain GateOverride#appliesTo
 *       applies} to the evaluated candidate, while holding the same {@link DirectoryLock} discipline as the
 *       deploy ledger (a lock for the threads of this process and a lock file for other processes), so of two
 *       evaluations racing for one override exactly one gets it. An override for another candidate, an expired
 *       one and an unbound one (stored by an older version) stay pending, untouched.
 *   <li>A file that cannot be decoded (hand-edited, newer version) is moved aside to {@value
 *       #UNREADABLE_FILE_NAME} by {@link #consume} for a person to inspect, and counts as no override.
 * </ul>
 */
public final class PendingOverrides {
    /** The pending override's file name inside the job directory. */
    public static final String FILE_NAME = "deployoften-override.json";
    /** Where an undecodable override file is moved. */
    public static final String UNREADABLE_FILE_NAME = "deployoften-override.json.unreadable";

    static final String LOCK_FILE_NAME = "deployoften-override.lock";
    static final String TEMP_FILE_NAME = "deployoften-override.json.tmp";

    private final Path directory;
    private final Path file;
    private final DirectoryLock lock;

    /** @param directory the job directory */
    public PendingOverrides(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.file = this.directory.resolve(FILE_NAME);
        this.lock = new DirectoryLock(this.directory, LOCK_FILE_NAME);
    }

    /** @return the pending override's file */
    public Path getFile() {
        return file;
    }

    /**
     * Grants an override for the gate evaluation of its candidate, durably, replacing any pending one.
     *
     * @param override the override; its reason was validated when it was made
     * @return the override it replaced, if one was pending
     * @throws IOException when it could not be stored; then the previous state is unchanged
     * @throws IllegalArgumentException naming {@code override} when it is not bound to a candidate
     */
    public Optional<GateOverride> grant(GateOverride override) throws IOException {
        GateEvaluator.required("override", override);
        if (!override.isBound()) {
            throw new IllegalArgumentException(
                    "override: must be bound to a build number, commit or artifact fingerprint");
        }
        byte[] content = GateJson.encodeOverride(override);
        return lock.withLock(() -> {
            Optional<GateOverride> replaced = read();
            write(content);
            return replaced;
        });
    }

    /**
     * Grants an override only when none is pending: gives a consumed override back when the evaluation that
     * consumed it could not record its decision.
     *
     * @param override the override to give back
     * @return whether it was stored
     * @throws IOException when it could not be stored
     */
    boolean restoreIfNone(GateOverride override) throws IOException {
        byte[] content = GateJson.encodeOverride(override);
        return lock.withLock(() -> {
            if (Files.exists(file)) {
                return false;
            }
            write(content);
            return true;
        });
    }

    /**
     * @return the pending override, without consuming it; empty when none is pending or it is unreadable
     * @throws IOException when the file exists but cannot be read
     */
    public Optional<GateOverride> pending() throws IOException {
        return read();
    }

    /**
     * Removes the pending override and returns it when it applies to the evaluated candidate at {@code now};
     * called once per gate evaluation. Of concurrent callers, in this process or another, exactly one gets a
     * pending override.
     *
     * @param candidate the candidate the gate evaluates
     * @param now the time of evaluation
     * @return the override, or empty when none was pending, it does not apply (then it stays pending), or it
     *     was unreadable and moved aside
     * @throws IOException when the file could not be read or removed; then the override stays pending
     */
    public Optional<GateOverride> consume(CandidateIdentity candidate, Instant now) throws IOException {
        GateEvaluator.required("candidate", candidate);
        GateEvaluator.required("now", now);
        return lock.withLock(() -> {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            Optional<GateOverride> override = GateJson.decodeOverride(content);
            if (override.isPresent() && !override.get().appliesTo(candidate, now)) {
                return Optional.empty();
            }
            if (override.isPresent()) {
                Files.delete(file);
            } else {
                Files.move(file, directory.resolve(UNREADABLE_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            }
            DirectoryLock.forceDirectory(directory);
            return override;
        });
    }

    private Optional<GateOverride> read() throws IOException {
        try {
            return GateJson.decodeOverride(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void write(byte[] content) throws IOException {
        AtomicFiles.replace(file, TEMP_FILE_NAME, content, true);
    }
}
