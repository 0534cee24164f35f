package io.jenkins.plugins.deployoften.model.gate;

import java.util.List;

/** Audit records read back, with the number of unreadable lines skipped on the way. */
public final class GateAuditRead {
    private final List<GateAuditEntry> entries;
    private final int skippedLines;

    GateAuditRead(List<GateAuditEntry> entries, int skippedLines) {
        this.entries = List.copyOf(entries);
        this.skippedLines = skippedLines;
    }

    /** @return the records, newest appended first */
    public List<GateAuditEntry> getEntries() {
        return entries;
    }

    /** @return how many torn or corrupted lines were skipped */
    public int getSkippedLines() {
        return skippedLines;
    }
}
