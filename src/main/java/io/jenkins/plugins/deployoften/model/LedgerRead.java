package io.jenkins.plugins.deployoften.model;

import java.util.List;

/** Records read from a ledger, with the number of unreadable lines that were skipped on the way. */
public final class LedgerRead {
    private final List<DeployRecord> records;
    private final int skippedLines;

    public LedgerRead(List<DeployRecord> records, int skippedLines) {
        this.records = List.copyOf(records);
        this.skippedLines = skippedLines;
    }

    /** @return the records, oldest appended first */
    public List<DeployRecord> getRecords() {
        return records;
    }

    /** @return how many torn or corrupted lines were skipped; more than zero deserves a warning in the UI */
    public int getSkippedLines() {
        return skippedLines;
    }
}
