package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.Assume.assumeTrue;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A real full disk: the job directory on a small tmpfs (mounted for the test; it needs root, as CI has). A
 * compaction that runs out of space fails, leaves the ledger as it was and no partial file behind, and the
 * appends after it succeed.
 */
public class LedgerFullDiskTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final long DISK_BYTES = 512 * 1024;

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Path disk;

    @Before
    public void mountASmallDisk() throws Exception {
        disk = temporary.newFolder("disk").toPath();
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + DISK_BYTES, "tmpfs", disk.toString())
                .redirectErrorStream(true)
                .start();
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        assumeTrue(
                "mounting a tmpfs needs root (CI runs as root): "
                        + new String(mount.getInputStream().readAllBytes()),
                mounted);
    }

    @After
    public void unmount() throws Exception {
        new ProcessBuilder("umount", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    public void aCompactionOutOfSpaceLeavesTheLedgerAndNothingElseAndLaterAppendsSucceed() throws IOException {
        Path job = Files.createDirectory(disk.resolve("job"));
        FileDeployLedger ledger = new FileDeployLedger(job);
        List<DeployRecord> appended = new ArrayList<>();
        // more than half the disk: a compaction that keeps every record cannot fit its new file
        int build = 1;
        do {
            DeployRecord record = record(build++);
            ledger.append(record);
            appended.add(record);
        } while (Files.size(ledger.getFile()) < DISK_BYTES * 6 / 10);
        Files.deleteIfExists(job.resolve(LedgerSummaryFile.FILE_NAME)); // room for the ledger, not for its cache
        byte[] before = Files.readAllBytes(ledger.getFile());

        assertThatThrownBy(() -> ledger.compact(T0.minus(Duration.ofDays(1))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");

        assertThat(Files.readAllBytes(ledger.getFile())).isEqualTo(before);
        assertThat(job.resolve(FileDeployLedger.COMPACTION_FILE_NAME)).doesNotExist();
        for (int i = 1; i <= 20; i++) {
            DeployRecord record = record(100_000 + i);
            ledger.append(record);
            appended.add(record);
        }
        assertThat(new FileDeployLedger(job).readAll().records()).isEqualTo(appended);
    }

    private static DeployRecord record(int build) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0.plusSeconds(build))
                .duration(Duration.ofSeconds(30))
                .commit("0123456789abcdef0123456789abcdef" + build)
                .message("deploy of build " + build + " with a message long enough to fill the disk quickly")
                .build();
    }
}
