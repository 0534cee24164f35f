package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What operators do to files: a ledger truncated or emptied under its readers (logrotate's copytruncate, {@code >
 * file}) never makes a read fail; lines of megabytes (5 and 20 MB here) are skipped and counted, not held or returned.
 */
public class LedgerShrinkAndLongLineTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test(timeout = 120_000)
    public void readsNeverFailWhileTheLedgerIsCutShortAndEmptiedUnderThem() throws Exception {
        Path job = temporary.newFolder("job").toPath();
        FileDeployLedger ledger = new FileDeployLedger(job);
        fill(ledger, 3_000);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[] reads = {0};
        Thread reader = new Thread(() -> {
            try {
                while (!done.get()) {
                    FileDeployLedger fresh = new FileDeployLedger(job);
                    fresh.readSince(T0);
                    fresh.readRecent(0, 1000);
                    fresh.findLast(r -> r.getBuildNumber() == -1);
                    DeployStatistics.compute(fresh, STAGING, T0.plus(Duration.ofDays(30)), 12);
                    fresh.lastSuccessStartedBy(STAGING, T0.plus(Duration.ofDays(30)));
                    reads[0]++;
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        reader.start();
        for (int cut = 0; cut < 30 && failure.get() == null; cut++) {
            try (FileChannel channel = FileChannel.open(ledger.getFile(), StandardOpenOption.WRITE)) {
                channel.truncate(cut % 3 == 0 ? 0 : channel.size() / 2 + 7); // emptied, or cut inside a line
            }
            Thread.sleep(20);
            fill(ledger, 300);
        }
        done.set(true);
        reader.join();

        assertThat(failure.get()).as("what a read threw").isNull();
        assertThat(reads[0]).isGreaterThan(5);
        // and afterwards every read is exact again
        LedgerRead all = new FileDeployLedger(job).readAll();
        assertThat(new FileDeployLedger(job).readSince(T0).records()).isEqualTo(all.records());
    }

    @Test(timeout = 120_000)
    public void linesOfFiveAndTwentyMegabytesAreSkippedAndCountedByEveryRead() throws IOException {
        Path job = temporary.newFolder("job").toPath();
        FileDeployLedger ledger = new FileDeployLedger(job);
        List<DeployRecord> records = new ArrayList<>();
        records.add(record(1));
        ledger.append(records.get(0));
        try (OutputStream out = Files.newOutputStream(ledger.getFile(), StandardOpenOption.APPEND)) {
            out.write(("{\"v\":1,\"message\":\"" + "x".repeat(5_000_000) + "\"}\n").getBytes());
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'y');
            for (int i = 0; i < 20; i++) {
                out.write(block);
            }
            out.write('\n');
        }
        records.add(record(2));
        ledger.append(records.get(1));
        FileDeployLedger.forgetSummariesInMemory();
        FileDeployLedger reader = new FileDeployLedger(job);

        assertThat(reader.readAll().records()).isEqualTo(records);
        assertThat(reader.readAll().skippedLines()).isEqualTo(2);
        assertThat(reader.readSince(T0).records()).isEqualTo(records);
        assertThat(reader.readRecent(0, 10)).containsExactly(records.get(1), records.get(0));
        assertThat(reader.findLast(r -> r.getBuildNumber() == 1)).contains(records.get(0));
        int[] visited = {0};
        int[] longest = {0};
        new JsonLinesFile(job, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, false)
                .scanBackwards(line -> {
                    visited[0]++;
                    longest[0] = Math.max(longest[0], line.length);
                    return true;
                });
        assertThat(visited[0]).isEqualTo(4);
        assertThat(longest[0]).as("longest line handed to a reader").isLessThanOrEqualTo(JsonLinesFile.MAX_LINE_BYTES);
    }

    private static void fill(FileDeployLedger ledger, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            ledger.append(record(i + 1));
        }
    }

    private static DeployRecord record(int build) {
        return DeployRecord.builder("staging", "app", build)
                .outcome(build % 5 == 0 ? DeployOutcome.FAILURE : DeployOutcome.SUCCESS)
                .startedAt(T0.plusSeconds(60L * build))
                .duration(Duration.ofSeconds(20))
                .build();
    }
}
