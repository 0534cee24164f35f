package io.jenkins.plugins.deployoften.model.ledger;

/**
 * Lets the benchmarks (another package) forget the ledger summaries {@link FileDeployLedger} keeps in memory, as a
 * controller restart does, through the package-private hook the plugin's own tests use
 * ({@code FileDeployLedger.forgetSummariesInMemory}). Lives in the benchmarks module, in the plugin's package: no
 * production code was added for it.
 */
public final class SummariesInMemory {
    private SummariesInMemory() {}

    /** Forgets every summary kept in memory: the next look-up of each ledger reads its summary file. */
    public static void forget() {
        FileDeployLedger.forgetSummariesInMemory();
    }
}
