package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.LedgerAssertions.assertAcknowledgedExactlyOnce;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A child JVM appends in a loop and is killed with SIGKILL at random moments, 20 times on the same ledger.
 * An id counts as acknowledged once the child printed it, which it does only after {@code append} returned.
 */
public class LedgerKillTest {
    private static final int KILLS = 20;
    /** Fixed so a failure can be replayed; {@code -Ddeployoften.killSeed=...} tries another. */
    private static final long SEED = Long.getLong("deployoften.killSeed", 20260105L);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test(timeout = 240_000)
    public void everyAcknowledgedAppendSurvivesSigkillAndATornLineCostsAtMostOneLine() throws Exception {
        System.out.println("LedgerKillTest seed " + SEED);
        Random random = new Random(SEED);
        Path directory = temporary.newFolder("job").toPath();
        FileDeployLedger ledger = new FileDeployLedger(directory);
        List<String> acknowledged = new ArrayList<>();
        int skippedBefore = 0;

        for (int kill = 1; kill <= KILLS; kill++) {
            String prefix = "k" + kill;
            List<String> acknowledgedNow = appendUntilKilled(directory, prefix, random.nextInt(150));
            assertThat(acknowledgedNow).as("acknowledged in round %d", kill).isNotEmpty();
            acknowledged.addAll(acknowledgedNow);

            LedgerRead read = ledger.readAll();
            assertAcknowledgedExactlyOnce(read.records(), acknowledged);
            // the child appends, then prints: a kill between the two leaves one stored but unacknowledged record
            List<String> storedNow = read.records().stream()
                    .map(r -> r.getMessage().orElseThrow())
                    .filter(id -> id.startsWith(prefix + "-"))
                    .toList();
            assertThat(storedNow.subList(0, acknowledgedNow.size())).isEqualTo(acknowledgedNow);
            assertThat(storedNow.subList(acknowledgedNow.size(), storedNow.size()))
                    .isSubsetOf(prefix + "-" + acknowledgedNow.size());
            int skippedThisKill = read.skippedLines() - skippedBefore;
            assertThat(skippedThisKill).as("lines torn by kill %d", kill).isBetween(0, 1);
            skippedBefore = read.skippedLines();
            String last = acknowledgedNow.get(acknowledgedNow.size() - 1);
            assertThat(ledger.findLast(r -> r.getMessage().orElse("").equals(last)))
                    .as("newest acknowledged record found from the end")
                    .isPresent();
            assertThat(ledger.readSince(LedgerAppenderProcess.STARTED).records())
                    .isEqualTo(read.records());
        }

        LedgerRead end = ledger.readAll();
        assertThat(end.skippedLines()).as("torn lines in all").isLessThanOrEqualTo(KILLS);
        System.out.println("LedgerKillTest: " + KILLS + " kills, " + acknowledged.size() + " acknowledged, "
                + end.records().size() + " stored, " + end.skippedLines() + " torn lines");
    }

    /** @return the ids the child acknowledged before it was killed, in order */
    private List<String> appendUntilKilled(Path directory, String prefix, int killAfterMillis) throws Exception {
        try (ChildJvm child = ChildJvm.start(
                LedgerAppenderProcess.class,
                temporary.getRoot().toPath(),
                prefix,
                directory.toString(),
                prefix,
                "-1",
                FileDeployLedger.Durability.FORCED.name())) {
            // wait for the first acknowledged append, so the kill lands in the append loop, not in JVM start-up
            child.awaitLine(line -> line.startsWith(prefix + "-"), 60_000);
            Thread.sleep(killAfterMillis);
            child.kill();
            List<String> output = child.output();
            for (int i = 0; i < output.size(); i++) {
                // consecutive ids, so nothing acknowledged went unprinted or was printed twice
                assertThat(output.get(i)).isEqualTo(prefix + "-" + i);
            }
            return output;
        }
    }

    @Test
    public void aLedgerWithATornLastLineAcceptsAppendsFromANewProcessWhole() throws IOException {
        // what a kill between two bytes of one write would leave (power loss leaves the same)
        Path directory = temporary.newFolder("torn").toPath();
        FileDeployLedger ledger = new FileDeployLedger(directory);
        ledger.append(LedgerAppenderProcess.record("before", 1));
        byte[] whole = LedgerLineFormat.encode(LedgerAppenderProcess.record("torn", 2), Instant.EPOCH);
        Files.write(ledger.getFile(), Arrays.copyOf(whole, whole.length / 2), StandardOpenOption.APPEND);

        new FileDeployLedger(directory).append(LedgerAppenderProcess.record("after", 3));

        LedgerRead read = ledger.readAll();
        assertThat(read.records()).extracting(r -> r.getMessage().orElseThrow()).containsExactly("before", "after");
        assertThat(read.skippedLines()).isEqualTo(1);
    }
}
