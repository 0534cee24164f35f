package io.jenkins.plugins.deployoften.benchmarks;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import java.io.IOException;

/** The one statistics call every path makes, so all of them are measured doing the same work. */
final class WindowStatistics {
    private WindowStatistics() {}

    /**
     * @param ledger where the records come from
     * @return the dashboard statistics of {@link DeployHistory#ENVIRONMENT} for the 12 weeks ending at
     *     {@link DeployHistory#NOW}
     */
    static DeployStatistics of(DeployLedger ledger) throws IOException {
        return DeployStatistics.compute(
                ledger, DeployHistory.ENVIRONMENT_NAME, DeployHistory.NOW, DeployHistory.WINDOW_WEEKS);
    }
}
