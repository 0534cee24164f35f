package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.ledger.JsonLinesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gate's audit trail: one JSON line ({@link GateJson}) per evaluation in {@value #FILE_NAME}, beside the
 * deploy ledger in the job directory, kept by the same {@link JsonLinesFile} rules as the ledger: locked
 * appends forced to disk before {@link #append} returns, a torn last line ended by the next append, tolerant
 * reads that skip and count unreadable lines.
 */
public final class GateAuditLog {
    /** The audit file's name inside the job directory. */
    public static final String FILE_NAME = "deployoften-gate.jsonl";

    static final String LOCK_FILE_NAME = "deployoften-gate.lock";

    private final JsonLinesFile lines;

    /** @param directory the job directory */
    public GateAuditLog(Path directory) {
        this.lines = new JsonLinesFile(directory, FILE_NAME, LOCK_FILE_NAME, true);
    }

    /** @return the audit file */
    public Path getFile() {
        return lines.getFile();
    }

    /**
     * @return a text that changes with every appended decision, so callers can cache what they read
     * @throws IOException when the log cannot be looked at
     */
    public String version() throws IOException {
        return lines.version();
    }

    /**
     * Appends a record durably.
     *
     * @param entry the evaluation to record
     * @throws IOException when it could not be stored; then it is not stored
     */
    public void append(GateAuditEntry entry) throws IOException {
        GateEvaluator.required("entry", entry);
        lines.append(GateJson.encodeAudit(entry));
    }

    /**
     * Reads the newest records, scanning the file from its end.
     *
     * @param limit the most records to return, at least 1
     * @return up to {@code limit} records, newest first, and the unreadable lines met among them
     * @throws IOException when the file cannot be read at all
     * @throws IllegalArgumentException naming {@code limit} when it is below 1
     */
    public GateAuditRead readRecent(int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
        }
        List<GateAuditEntry> newestFirst = new ArrayList<>();
        int[] skipped = {0};
        lines.scanBackwards(line -> {
            Optional<GateAuditEntry> entry = GateJson.decodeAudit(line);
            if (entry.isPresent()) {
                newestFirst.add(entry.get());
            } else {
                skipped[0]++;
            }
            return newestFirst.size() < limit;
        });
        return new GateAuditRead(newestFirst, skipped[0]);
    }

    /**
     * Looks at the newest lines for what a health view shows: the newest decision and the newest override. Cheaper
     * than {@link #readRecent(int)}: only the lines that can answer are decoded, as strictly as there. The newest
     * readable line is always decoded; of the older lines, only one that {@linkplain GateJson#mayHoldOverride may
     * hold an override} is, until one holds it.
     *
     * @param lines how many of the newest lines to look through for an override, at least 1 (the newest decision
     *     is looked for further back while none of them is readable); unreadable lines count
     * @return the newest decision and the newest override among those lines
     * @throws IOException when the file cannot be read at all
     * @throws IllegalArgumentException naming {@code lines} when it is below 1
     */
    public GateAuditGlance glance(int lines) throws IOException {
        if (lines < 1) {
            throw new IllegalArgumentException("lines: must be at least 1, was " + lines);
        }
        Glance glance = new Glance(lines);
        this.lines.scanBackwards(glance::visit);
        return new GateAuditGlance(Optional.ofNullable(glance.latest), Optional.ofNullable(glance.override));
    }

    /** The state of a {@link #glance(int)} scan, newest line first. */
    private static final class Glance {
        private final int lines;
        private int seen;
        private GateDecision latest;
        private GateOverride override;

        Glance(int lines) {
            this.lines = lines;
        }

        /** @return whether to look at the next older line */
        boolean visit(byte[] line) {
            seen++;
            if (latest == null || (seen <= lines && GateJson.mayHoldOverride(line))) {
                Optional<GateAuditEntry> entry = GateJson.decodeAudit(line);
                if (entry.isPresent()) {
                    GateDecision decision = entry.get().decision();
                    if (latest == null) {
                        latest = decision;
                    }
                    override = decision.getOverride().orElse(null);
                }
            }
            return latest == null || (override == null && seen < lines);
        }
    }
}
