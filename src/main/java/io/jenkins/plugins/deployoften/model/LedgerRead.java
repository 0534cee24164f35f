package io.jenkins.plugins.deployoften.model;

import java.util.List;

/**
 * Records read from a ledger, with the number of unreadable lines that were skipped on the way.
 *
 * @param records the records, oldest appended first
 * @param skippedLines how many torn or corrupted lines were skipped; more than zero deserves a warning in the UI
 */
public record LedgerRead(List<DeployRecord> records, int skippedLines) {
    public LedgerRead {
        records = List.copyOf(records);
    }
}
