package io.jenkins.plugins.deployoften.model.gate;

import java.util.List;

/**
 * Audit records read back, with the number of unreadable lines skipped on the way.
 *
 * @param entries the records, newest appended first
 * @param skippedLines how many torn or corrupted lines were skipped
 */
public record GateAuditRead(List<GateAuditEntry> entries, int skippedLines) {
    public GateAuditRead {
        entries = List.copyOf(entries);
    }
}
