package io.jenkins.plugins.deployoften.model.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary;
import org.junit.Test;

/** The ledger summary keeps enough for the largest limits the gate policy allows. */
public class LedgerSummaryLimitsTest {
    @Test
    public void theSummaryKeepsAsManyCompletedDeploysAsTheLargestHealthyWindow() {
        assertThat(LedgerSummary.COMPLETED_KEPT).isEqualTo(GatePolicy.MAX_LAST_DEPLOYS);
    }
}
