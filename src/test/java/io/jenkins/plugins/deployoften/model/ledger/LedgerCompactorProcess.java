package io.jenkins.plugins.deployoften.model.ledger;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Child process of the reliability tests: compacts the ledger in a directory once.
 *
 * <p>Arguments: {@code directory horizon}. Prints {@code compacting} just before it starts and
 * {@code compacted <kept> <dropped> <nanoseconds>} when done, so the parent can time its kills.
 */
public final class LedgerCompactorProcess {
    static final String COMPACTING = "compacting";
    static final String COMPACTED = "compacted";

    private LedgerCompactorProcess() {}

    public static void main(String[] args) throws IOException {
        FileDeployLedger ledger = new FileDeployLedger(
                Path.of(args[0]), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), FileDeployLedger.Durability.FORCED);
        Instant horizon = Instant.parse(args[1]);
        System.out.println(COMPACTING);
        System.out.flush();
        long start = System.nanoTime();
        DeployLedger.Compaction result = ledger.compact(horizon);
        System.out.println(
                COMPACTED + " " + result.getKept() + " " + result.getDropped() + " " + (System.nanoTime() - start));
        System.out.flush();
    }
}
