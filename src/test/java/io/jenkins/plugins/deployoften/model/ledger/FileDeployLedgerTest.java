package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileDeployLedgerTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private MutableClock clock;
    private FileDeployLedger ledger;

    @Before
    public void createLedger() throws IOException {
        clock = new MutableClock(T0);
        ledger = new FileDeployLedger(temporary.newFolder("job").toPath(), clock, FileDeployLedger.Durability.FORCED);
    }

    private static DeployRecord record(int build, DeployOutcome outcome, Instant started) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofSeconds(42))
                .build();
    }

    private void appendAt(Instant when, DeployRecord record) throws IOException {
        clock.set(when);
        ledger.append(record);
    }

    @Test
    public void anEmptyLedgerReadsAsNothing() throws IOException {
        assertThat(ledger.readAll().records()).isEmpty();
        assertThat(ledger.readSince(T0).records()).isEmpty();
        assertThat(ledger.findLast(r -> true)).isEmpty();
        assertThat(ledger.compact(T0).getKept()).isZero();
    }

    @Test
    public void keepsEveryFieldAcrossAppendAndRead() throws IOException {
        DeployRecord full = DeployRecord.builder("staging", "folder/app", 7)
                .buildUrl("job/folder/job/app/7/")
                .commit("0123456789abcdef")
                .commitTime(T0.minusSeconds(3600))
                .artifactFingerprint("d41d8cd98f00b204e9800998ecf8427e")
                .outcome(DeployOutcome.FAILURE)
                .reason("exit code 2")
                .startedAt(T0)
                .duration(Duration.ofMillis(1234))
                .trigger("Started by user Alice \"<script>\"\nsecond line")
                .message("ünïcödé ✓ and a tab\t")
                .build();

        ledger.append(full);

        assertThat(ledger.readAll().records()).containsExactly(full);
        assertThat(Files.readAllLines(ledger.getFile())).hasSize(1);
        assertThat(Files.readString(ledger.getFile())).startsWith("{\"v\":1,");
    }

    @Test
    public void skipsAndCountsATornLastLineAndTheNextAppendDoesNotJoinIt() throws IOException {
        ledger.append(record(1, DeployOutcome.SUCCESS, T0));
        Files.write(
                ledger.getFile(),
                "{\"v\":1,\"recorded\":\"2026-01".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        LedgerRead torn = ledger.readAll();
        assertThat(torn.records()).extracting(DeployRecord::getBuildNumber).containsExactly(1);
        assertThat(torn.skippedLines()).isEqualTo(1);

        ledger.append(record(2, DeployOutcome.SUCCESS, T0));

        LedgerRead after = ledger.readAll();
        assertThat(after.records()).extracting(DeployRecord::getBuildNumber).containsExactly(1, 2);
        assertThat(after.skippedLines()).isEqualTo(1);
        assertThat(ledger.readSince(T0).records())
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(1, 2);
    }

    @Test
    public void readSinceReturnsTheWindowInAppendOrderWithoutReadingOlderHistory() throws IOException {
        for (int week = 0; week < 30; week++) {
            Instant started = T0.plus(Duration.ofDays(7L * week));
            appendAt(started.plusSeconds(60), record(week + 1, DeployOutcome.SUCCESS, started));
        }
        Instant from = T0.plus(Duration.ofDays(7L * 20));
        // garbage at the start of the file proves the scan stopped before reaching it
        byte[] old = Files.readAllBytes(ledger.getFile());
        Files.write(ledger.getFile(), concat("not json at all\n".getBytes(StandardCharsets.UTF_8), old));

        LedgerRead window = ledger.readSince(from);

        assertThat(window.records())
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(21, 22, 23, 24, 25, 26, 27, 28, 29, 30);
        assertThat(window.skippedLines()).isZero();
        assertThat(ledger.readAll().skippedLines()).isEqualTo(1);
    }

    @Test
    public void readSinceIncludesARecordStartingExactlyAtTheWindowStart() throws IOException {
        appendAt(T0.plusSeconds(10), record(1, DeployOutcome.SUCCESS, T0.minusMillis(1)));
        appendAt(T0.plusSeconds(20), record(2, DeployOutcome.SUCCESS, T0));

        assertThat(ledger.readSince(T0).records())
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(2);
    }

    @Test
    public void findLastStopsAtTheNewestMatch() throws IOException {
        ledger.append(record(1, DeployOutcome.SUCCESS, T0));
        ledger.append(record(2, DeployOutcome.SUCCESS, T0.plusSeconds(10)));
        ledger.append(record(3, DeployOutcome.FAILURE, T0.plusSeconds(20)));

        assertThat(ledger.findLast(r -> r.getOutcome() == DeployOutcome.SUCCESS))
                .map(DeployRecord::getBuildNumber)
                .contains(2);
        assertThat(ledger.findLast(r -> r.getBuildNumber() == 99)).isEmpty();
    }

    @Test
    public void readsLinesLongerThanTheScanChunk() throws IOException {
        String longMessage = "m".repeat(DeployRecord.MAX_TEXT);
        for (int i = 1; i <= 200; i++) {
            ledger.append(record(i, DeployOutcome.SUCCESS, T0).toBuilder()
                    .message(longMessage)
                    .reason(longMessage)
                    .trigger(longMessage)
                    .build());
        }

        assertThat(ledger.readSince(T0).records()).hasSize(200);
        assertThat(ledger.findLast(r -> r.getBuildNumber() == 1)).isPresent();
    }

    @Test
    public void compactionDropsOnlyRecordsOlderThanTheHorizonAndQuarantinesGarbage() throws IOException {
        appendAt(T0, record(1, DeployOutcome.SUCCESS, T0));
        appendAt(T0.plusSeconds(100), record(2, DeployOutcome.FAILURE, T0.plusSeconds(100)));
        Files.write(ledger.getFile(), "garbage\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        appendAt(T0.plusSeconds(200), record(3, DeployOutcome.SUCCESS, T0.plusSeconds(200)));

        DeployLedger.Compaction result = ledger.compact(T0.plusSeconds(100));

        assertThat(result.getKept()).isEqualTo(2);
        assertThat(result.getDropped()).isEqualTo(1);
        assertThat(result.getQuarantinedLines()).isEqualTo(1);
        LedgerRead after = ledger.readAll();
        assertThat(after.records()).extracting(DeployRecord::getBuildNumber).containsExactly(2, 3);
        assertThat(after.skippedLines()).isZero();
        Path quarantine = ledger.getFile().resolveSibling(FileDeployLedger.QUARANTINE_FILE_NAME);
        assertThat(Files.readAllLines(quarantine)).containsExactly("garbage");
        assertThat(ledger.getFile().resolveSibling(FileDeployLedger.COMPACTION_FILE_NAME))
                .doesNotExist();
    }

    @Test
    public void historySurvivesAnotherLedgerInstanceOnTheSameDirectory() throws IOException {
        ledger.append(record(1, DeployOutcome.SUCCESS, T0));
        FileDeployLedger reopened = new FileDeployLedger(ledger.getFile().getParent());

        List<Integer> builds = reopened.readAll().records().stream()
                .map(DeployRecord::getBuildNumber)
                .collect(Collectors.toList());
        assertThat(builds).containsExactly(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    public void readRecentPagesFromTheNewestBackwardsSkippingGarbage() throws IOException {
        for (int i = 1; i <= 5; i++) {
            ledger.append(record(i, DeployOutcome.SUCCESS, T0.plusSeconds(i)));
            if (i == 3) {
                Files.write(ledger.getFile(), "garbage\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            }
        }

        assertThat(ledger.readRecent(0, 2))
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(5, 4);
        assertThat(ledger.readRecent(2, 2))
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(3, 2);
        assertThat(ledger.readRecent(4, 50))
                .extracting(DeployRecord::getBuildNumber)
                .containsExactly(1);
        assertThat(ledger.readRecent(5, 50)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.readRecent(-1, 5))
                .hasMessageStartingWith("skip: ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledger.readRecent(0, 0))
                .hasMessageStartingWith("limit: ");
    }

    @Test
    public void theVersionChangesWithEveryAppend() throws IOException {
        String empty = ledger.version();
        ledger.append(record(1, DeployOutcome.SUCCESS, T0));
        String one = ledger.version();
        ledger.append(record(2, DeployOutcome.SUCCESS, T0));

        assertThat(empty).isEqualTo("empty");
        assertThat(one).isNotEqualTo(empty).isNotEqualTo(ledger.version());
    }
}
