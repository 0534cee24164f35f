package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import java.io.IOException;

/** The one statistics call every path makes, so all of them are measured doing the same work. */
final class WindowStatistics {
    private WindowStatistics() {}

    /**
     * @param ledger where the records come from
     * @return the dashboard statistics of {@link DeployHistory#ENVIRONMENT} for the 12 weeks before
     *     {@link DeployHistory#NOW}; comparable with {@code equals}
     */
    static Object of(DeployLedger ledger) throws IOException {
        // TODO until DeployStatistics is merged: the window read it is built on
        return ledger.readSince(DeployHistory.WINDOW_START).getRecords();
    }
}
