package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertAcknowledgedExactlyOnce;
import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertStoredSummaryIsARebuild;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile.Load;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A writer killed with SIGKILL while it updates the ledger and its summary: the summary it leaves is never torn
 * and at most the lines after its last complete append behind, so the next load catches it up (never rebuilds),
 * equals a rebuild, and no acknowledged record is lost.
 */
public class LedgerSummaryKillTest {
    private static final int KILLS = 10;
    /** Fixed so a failure can be replayed; {@code -Ddeployoften.summaryKillSeed=...} tries another. */
    private static final long SEED = Long.getLong("deployoften.summaryKillSeed", 20261201L);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @After
    public void noScanListener() {
        LedgerSummaryFile.onScan(null);
    }

    @Test(timeout = 120_000)
    public void aWriterKilledBetweenItsLineAndItsSummaryLeavesASummaryOneLineBehind() throws Exception {
        Path directory = temporary.newFolder("stalled").toPath();
        try (ChildJvm child = ChildJvm.start(
                LedgerAppenderProcess.class,
                temporary.getRoot().toPath(),
                "stalled",
                directory.toString(),
                "s",
                "30",
                FileDeployLedger.Durability.FORCED.name(),
                LedgerAppenderProcess.STALL_BEFORE_SUMMARY)) {
            child.awaitLine(LedgerAppenderProcess.STALLED::equals, 60_000);
            child.kill();
        }
        LedgerSummaryFile summaries = new LedgerSummaryFile(directory);
        assertThat(new FileDeployLedger(directory).readAll().records()).hasSize(31);
        assertThat(summaries.read().orElseThrow().getRecords()).isEqualTo(30);

        // the next append, in a process that has no summary in memory, catches the line up without a scan
        FileDeployLedger.forgetSummariesInMemory();
        AtomicInteger scans = countScans(directory);
        new FileDeployLedger(directory).append(LedgerAppenderProcess.record("after", 32));
        assertThat(scans).hasValue(0);
        assertThat(assertStoredSummaryIsARebuild(directory).getRecords()).isEqualTo(32);
    }

    @Test(timeout = 240_000)
    public void aWriterKilledAtRandomMomentsLeavesASummaryThatIsCaughtUpToARebuild() throws Exception {
        System.out.println("LedgerSummaryKillTest seed " + SEED);
        Random random = new Random(SEED);
        Path directory = temporary.newFolder("job").toPath();
        LedgerSummaryFile summaries = new LedgerSummaryFile(directory);
        List<String> acknowledged = new ArrayList<>();
        int behind = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            String prefix = "k" + kill;
            try (ChildJvm child = ChildJvm.start(
                    LedgerAppenderProcess.class,
                    temporary.getRoot().toPath(),
                    prefix,
                    directory.toString(),
                    prefix,
                    "-1",
                    FileDeployLedger.Durability.FORCED.name())) {
                child.awaitLine(line -> line.startsWith(prefix + "-"), 60_000);
                Thread.sleep(random.nextInt(150));
                child.kill();
                acknowledged.addAll(child.output());
            }
            LedgerRead read = new FileDeployLedger(directory).readAll();
            assertAcknowledgedExactlyOnce(read.records(), acknowledged);

            // renamed into place whole: readable, and a prefix of the ledger
            assertThat(summaries.read())
                    .as("kill %d: the stored summary is readable", kill)
                    .isPresent();
            Load load = summaries.loadOrRebuild();
            assertThat(load.found()).as("kill %d", kill).isIn(State.CURRENT, State.CAUGHT_UP);
            if (load.found() == State.CAUGHT_UP) {
                behind++;
            }
            assertThat(load.summary())
                    .as("kill %d", kill)
                    .isEqualTo(LedgerSummaryFile.scan(directory.resolve(FileDeployLedger.FILE_NAME)));
            assertThat(load.summary().getRecords()).isEqualTo(read.records().size());
            assertStoredSummaryIsARebuild(directory);
        }
        FileDeployLedger.forgetSummariesInMemory();
        new FileDeployLedger(directory).append(LedgerAppenderProcess.record("last", 1));
        assertStoredSummaryIsARebuild(directory);
        System.out.println("LedgerSummaryKillTest: " + KILLS + " kills, " + acknowledged.size() + " acknowledged, "
                + behind + " left the summary behind the ledger");
    }

    private static AtomicInteger countScans(Path directory) {
        AtomicInteger scans = new AtomicInteger();
        Path ledger = directory.toAbsolutePath().normalize();
        LedgerSummaryFile.onScan(file -> {
            if (file.startsWith(ledger)) {
                scans.incrementAndGet();
            }
        });
        return scans;
    }
}
