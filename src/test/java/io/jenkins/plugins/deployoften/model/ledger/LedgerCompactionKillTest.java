package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Compaction killed with SIGKILL at random moments: the ledger is the old file or the compacted one, byte for
 * byte, never a mix; and what a killed compaction leaves behind neither shows in reads nor hinders the next
 * compaction.
 */
public class LedgerCompactionKillTest {
    private static final int RECORDS = 20_000;
    private static final int KILLS = 10;
    private static final long SEED = Long.getLong("deployoften.compactionKillSeed", 20260106L);
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** Record i starts at T0 + i s, so the records 0 to 9,999 are older than this and compaction drops them. */
    private static final Instant HORIZON = T0.plusSeconds(RECORDS / 2);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test(timeout = 240_000)
    public void aKilledCompactionLeavesTheOldLedgerOrTheNewOneAndTheNextCompactionSucceeds() throws Exception {
        System.out.println("LedgerCompactionKillTest seed " + SEED);
        Random random = new Random(SEED);
        byte[] old = ledgerBytes(0, RECORDS);
        byte[] compacted = ledgerBytes(RECORDS / 2, RECORDS);

        // one compaction that runs to its end: checks the child and tells how long a compaction takes
        Path timed = copy(old, "timed");
        long compactionMillis;
        try (ChildJvm child = compactor(timed, "timed")) {
            child.awaitSuccess(120);
            String[] done = child.awaitLine(line -> line.startsWith(LedgerCompactorProcess.COMPACTED), 1000)
                    .split(" ");
            assertThat(done[1]).as("kept").isEqualTo(Integer.toString(RECORDS / 2));
            assertThat(done[2]).as("dropped").isEqualTo(Integer.toString(RECORDS / 2));
            compactionMillis = Duration.ofNanos(Long.parseLong(done[3])).toMillis();
        }
        assertThat(Files.readAllBytes(timed.resolve(FileDeployLedger.FILE_NAME)))
                .isEqualTo(compacted);

        int leftOld = 0;
        int killedWhileWriting = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Path directory = copy(old, "kill-" + kill);
            Path file = directory.resolve(FileDeployLedger.FILE_NAME);
            // up to 50 % past the measured end, so most kills land before the rename and some after it
            int delay = random.nextInt((int) (compactionMillis * 3 / 2) + 1);
            try (ChildJvm child = compactor(directory, "kill-" + kill)) {
                child.awaitLine(LedgerCompactorProcess.COMPACTING::equals, 60_000);
                Thread.sleep(delay);
                child.kill();
            }

            byte[] after = Files.readAllBytes(file);
            boolean isOld = Arrays.equals(after, old);
            assertThat(isOld || Arrays.equals(after, compacted))
                    .as(
                            "kill %d after %d ms: the ledger is the old file or the compacted one, not %d bytes of a mix",
                            kill, delay, after.length)
                    .isTrue();
            if (isOld) {
                leftOld++;
                if (Files.exists(directory.resolve(FileDeployLedger.COMPACTION_FILE_NAME))) {
                    killedWhileWriting++;
                }
            }

            FileDeployLedger ledger = new FileDeployLedger(directory);
            DeployLedger.Compaction next = ledger.compact(HORIZON);
            assertThat(next.getKept()).isEqualTo(RECORDS / 2);
            assertThat(next.getDropped()).isEqualTo(isOld ? RECORDS / 2 : 0);
            assertThat(next.getQuarantinedLines()).isZero();
            assertThat(Files.readAllBytes(file)).isEqualTo(compacted);
            assertThat(directory.resolve(FileDeployLedger.COMPACTION_FILE_NAME)).doesNotExist();
        }
        System.out.println("LedgerCompactionKillTest: compaction of " + RECORDS + " records takes " + compactionMillis
                + " ms; of " + KILLS + " kills " + leftOld + " left the old ledger (" + killedWhileWriting
                + " while the new file was being written), " + (KILLS - leftOld) + " the compacted one");
        // two thirds of the delays are shorter than the measured compaction; a run in which no kill came
        // before the rename would not have tested a killed compaction at all
        assertThat(leftOld).as("kills that came before the rename").isPositive();
    }

    @Test
    public void aLeftoverCompactionFileIsIgnoredByReadsAndReplacedByTheNextCompaction() throws IOException {
        Path directory = copy(ledgerBytes(0, 10), "leftover");
        FileDeployLedger ledger = new FileDeployLedger(directory);
        // a killed compaction's file: longer than the next result, and ending in a torn line
        byte[] leftover = concat(ledgerBytes(0, 10), "{\"v\":1,\"recorded\":\"2026".getBytes(StandardCharsets.UTF_8));
        Files.write(directory.resolve(FileDeployLedger.COMPACTION_FILE_NAME), leftover);

        assertThat(ledger.readAll().records())
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(ledger.readAll().skippedLines()).isZero();
        assertThat(ledger.readSince(T0.plusSeconds(8)).records())
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(9, 10);
        assertThat(ledger.findLast(r -> true)).map(DeployRecord::getBuildNumber).contains(10);

        // records 0 to 6 start before T0 + 7 s: 7 dropped, builds 8, 9 and 10 kept
        DeployLedger.Compaction result = ledger.compact(T0.plusSeconds(7));

        assertThat(result.getKept()).isEqualTo(3);
        assertThat(result.getDropped()).isEqualTo(7);
        assertThat(result.getQuarantinedLines()).isZero();
        assertThat(Files.readAllBytes(ledger.getFile())).isEqualTo(ledgerBytes(7, 10));
        assertThat(directory.resolve(FileDeployLedger.COMPACTION_FILE_NAME)).doesNotExist();
        assertThat(directory.resolve(FileDeployLedger.QUARANTINE_FILE_NAME)).doesNotExist();
    }

    private ChildJvm compactor(Path directory, String name) throws IOException {
        return ChildJvm.start(
                LedgerCompactorProcess.class,
                temporary.getRoot().toPath(),
                name,
                directory.toString(),
                HORIZON.toString());
    }

    /** The lines of records {@code from} (inclusive) to {@code to} (exclusive) as the ledger writes them. */
    private static byte[] ledgerBytes(int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            Instant started = T0.plusSeconds(i);
            DeployRecord record = DeployRecord.builder("staging", "folder/app", i + 1)
                    .outcome(DeployOutcome.SUCCESS)
                    .startedAt(started)
                    .duration(Duration.ofSeconds(30))
                    .commit(Integer.toHexString(i * 7919))
                    .message("c-" + i)
                    .build();
            bytes.writeBytes(LedgerLineFormat.encode(record, started.plusSeconds(30)));
        }
        return bytes.toByteArray();
    }

    private Path copy(byte[] ledger, String name) throws IOException {
        Path directory = temporary.newFolder(name).toPath();
        Files.write(directory.resolve(FileDeployLedger.FILE_NAME), ledger);
        return directory;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
