package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.T0;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.assertMatchesBruteForce;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.fold;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.randomHistory;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Position;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile.Load;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummaryFile.State;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The summary file beside the ledger: checked against the ledger, rebuilt when missing, unreadable or stale. Lines
 * are appended as a writer that does not keep the summary would ({@link LedgerSummaryAppendTest} has the ledger's
 * own appends, which do).
 */
public class LedgerSummaryFileTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private Path job;
    private FileDeployLedger ledger;
    private LedgerSummaryFile summaries;

    @Before
    public void setUp() throws IOException {
        job = temporary.newFolder("job").toPath();
        ledger = new FileDeployLedger(job, Clock.fixed(T0, ZoneOffset.UTC), FileDeployLedger.Durability.OS_BUFFERED);
        summaries = new LedgerSummaryFile(job);
    }

    @Test
    public void noLedgerAndNoSummaryIsTheEmptySummary() throws IOException {
        Load load = summaries.loadOrRebuild();
        assertThat(load.found()).isEqualTo(State.MISSING);
        assertThat(load.summary()).isEqualTo(LedgerSummary.empty());
        assertThat(summaries.loadOrRebuild().found()).isEqualTo(State.CURRENT);
    }

    @Test
    public void aMissingSummaryIsRebuiltWrittenAndThenUsed() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(21, 2500));
        Load load = summaries.loadOrRebuild();
        assertThat(load.found()).isEqualTo(State.MISSING);
        assertThat(load.written()).isTrue();
        assertMatchesBruteForce(load.summary(), records);
        assertThat(load.summary().getPosition()).isEqualTo(summaries.ledgerPosition());
        assertThat(load.summary().getPosition().length()).isEqualTo(Files.size(ledger.getFile()));
        assertThat(Files.exists(summaries.getFile())).isTrue();
        assertThat(Files.exists(job.resolve(LedgerSummaryFile.TEMP_FILE_NAME))).isFalse();

        Load again = summaries.loadOrRebuild();
        assertThat(again.found()).isEqualTo(State.CURRENT);
        assertThat(again.written()).isFalse();
        assertThat(again.summary()).isEqualTo(load.summary());
        assertThat(LedgerSummary.rebuild(
                        new JsonLinesFile(job, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, false)))
                .isEqualTo(load.summary());
    }

    @Test
    public void anAppendAfterTheSummaryIsCaughtUp() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(22, 500));
        summaries.loadOrRebuild();
        DeployRecord late = randomHistory(23, 1).get(0);
        appendLineOnly(late);
        records.add(late);
        assertThat(summaries.isCurrent(summaries.read().orElseThrow())).isFalse();
        Load load = summaries.loadOrRebuild();
        assertThat(load.found()).isEqualTo(State.CAUGHT_UP);
        assertMatchesBruteForce(load.summary(), records);
        assertThat(summaries.loadOrRebuild().found()).isEqualTo(State.CURRENT);
    }

    @Test
    public void aStaleSummaryIsNeverWritten() throws IOException {
        appendAll(randomHistory(24, 100));
        LedgerSummary before = summaries.rebuild();
        appendLineOnly(randomHistory(25, 1).get(0));
        assertThat(summaries.write(before)).isFalse();
        assertThat(Files.exists(summaries.getFile())).isFalse();
        LedgerSummary now = summaries.rebuild();
        assertThat(summaries.write(now)).isTrue();
        assertThat(summaries.read()).contains(now);
    }

    @Test
    public void aTruncatedOrReplacedLedgerIsDetected() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(26, 300));
        summaries.loadOrRebuild();
        byte[] bytes = Files.readAllBytes(ledger.getFile());

        // the last line cut off
        int lastLineStart = lastIndexOf(bytes, bytes.length - 2) + 1;
        Files.write(ledger.getFile(), Arrays.copyOf(bytes, lastLineStart));
        Load truncated = summaries.loadOrRebuild();
        assertThat(truncated.found()).isEqualTo(State.STALE);
        assertMatchesBruteForce(truncated.summary(), records.subList(0, records.size() - 1));

        // the same length, but another last line: one digit of the build number changed
        byte[] replaced = bytes.clone();
        String lastLine = new String(bytes, lastLineStart, bytes.length - lastLineStart, StandardCharsets.UTF_8);
        int digit = lastLineStart + lastLine.indexOf("\"build\":") + "\"build\":".length();
        replaced[digit] = (byte) (replaced[digit] == '9' ? '1' : replaced[digit] + 1);
        Files.write(ledger.getFile(), bytes);
        summaries.loadOrRebuild();
        Files.write(ledger.getFile(), replaced);
        assertThat(Files.size(ledger.getFile())).isEqualTo(bytes.length);
        Load same = summaries.loadOrRebuild();
        assertThat(same.found()).isEqualTo(State.STALE);
        assertThat(same.summary())
                .isEqualTo(
                        fold(new FileDeployLedger(job).readAll().records()).withPosition(summaries.ledgerPosition()));

        // compaction drops old records
        Instant horizon = SummaryHistories.byStart(records).get(150).getStartedAt();
        byte[] before = Files.readAllBytes(summaries.getFile());
        ledger.compact(horizon);
        Files.write(summaries.getFile(), before); // as a compaction that did not keep the summary left it
        Load compacted = summaries.loadOrRebuild();
        assertThat(compacted.found()).isEqualTo(State.STALE);
        assertMatchesBruteForce(
                compacted.summary(), new FileDeployLedger(job).readAll().records());

        // deleted altogether
        Files.delete(ledger.getFile());
        Load deleted = summaries.loadOrRebuild();
        assertThat(deleted.found()).isEqualTo(State.STALE);
        assertThat(deleted.summary()).isEqualTo(LedgerSummary.empty());
    }

    @Test
    public void anUnreadableSummaryIsRebuilt() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(27, 200));
        summaries.loadOrRebuild();
        byte[] stored = Files.readAllBytes(summaries.getFile());
        Random random = new Random(27);
        for (int round = 0; round < 20; round++) {
            byte[] damaged = round % 2 == 0
                    ? Arrays.copyOf(stored, random.nextInt(stored.length - 1))
                    : flip(stored, random.nextInt(stored.length - 1));
            Files.write(summaries.getFile(), damaged);
            Load load = summaries.loadOrRebuild();
            assertThat(load.found()).as("round " + round).isEqualTo(State.UNREADABLE);
            assertMatchesBruteForce(load.summary(), records);
            assertThat(Files.readAllBytes(summaries.getFile())).isEqualTo(stored);
        }
    }

    @Test
    public void tornAndUnreadableLedgerLinesAreCountedAndPartOfThePosition() throws IOException {
        List<DeployRecord> records = appendAll(randomHistory(28, 50));
        Files.write(ledger.getFile(), "{\"v\":1,\"torn".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Load torn = summaries.loadOrRebuild();
        assertThat(torn.summary().getSkippedLines()).isEqualTo(1);
        assertMatchesBruteForce(torn.summary(), records);
        assertThat(torn.summary().getPosition().lastLineHash())
                .isEqualTo(LedgerSummaryFile.hashOf("{\"v\":1,\"torn".getBytes(StandardCharsets.UTF_8)));
        DeployRecord next = randomHistory(29, 1).get(0);
        appendLineOnly(next); // ends the torn line first
        records.add(next);
        Load after = summaries.loadOrRebuild();
        assertThat(after.found()).isEqualTo(State.CAUGHT_UP);
        assertThat(after.summary().getSkippedLines()).isEqualTo(1);
        assertMatchesBruteForce(after.summary(), records);
    }

    @Test
    public void recordedTimeDoesNotMatterAtAll() throws IOException {
        List<DeployRecord> records = randomHistory(30, 2000);
        Random random = new Random(30);
        Duration[] steps = {Duration.ofHours(3), Duration.ofDays(2), Duration.ofDays(365 * 3), Duration.ofDays(365 * 40)
        };
        List<LedgerSummary> summariesOf = new ArrayList<>();
        for (int variant = 0; variant < 3; variant++) {
            Path directory = temporary.newFolder("clock" + variant).toPath();
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            Instant clock = T0;
            for (DeployRecord record : records) {
                if (variant == 0) {
                    clock = clock.plusSeconds(1); // a well-behaved clock
                } else if (random.nextInt(20) == 0) {
                    clock = clock.minus(steps[random.nextInt(steps.length)]); // steps back hours to decades
                } else if (variant == 2 && random.nextInt(20) == 0) {
                    clock = clock.plus(steps[random.nextInt(steps.length)]);
                }
                file.write(LedgerLineFormat.encode(record, clock));
            }
            Files.write(directory.resolve(FileDeployLedger.FILE_NAME), file.toByteArray());
            LedgerSummary summary =
                    new LedgerSummaryFile(directory).loadOrRebuild().summary();
            assertMatchesBruteForce(summary, records);
            summariesOf.add(summary.withPosition(Position.EMPTY));
        }
        assertThat(summariesOf).allMatch(s -> s.equals(fold(records)));
    }

    @Test
    public void theLastNonBlankLineIsFoundAcrossChunksAndBlankLines() throws IOException {
        Path file = job.resolve("lines");
        byte[] longLine = "x".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> cases = List.of(
                new byte[0],
                "\n\n \t\r\n".getBytes(StandardCharsets.US_ASCII),
                "only".getBytes(StandardCharsets.US_ASCII),
                "first\nlast\n".getBytes(StandardCharsets.US_ASCII),
                "first\nlast\n\n  \n\r\n".getBytes(StandardCharsets.US_ASCII),
                concat(
                        concat("a\n".getBytes(StandardCharsets.US_ASCII), longLine),
                        "\n \n".getBytes(StandardCharsets.US_ASCII)),
                concat(longLine, concat("\n".getBytes(StandardCharsets.US_ASCII), longLine)),
                concat(longLine, "\n".repeat(70_000).getBytes(StandardCharsets.US_ASCII)));
        List<byte[]> aroundTheGrowingChunks = new ArrayList<>(cases);
        for (int length : new int[] {4_094, 4_095, 4_096, 4_097, 12_287, 12_288, 12_289, 65_536, 131_073}) {
            byte[] line = "y".repeat(length).getBytes(StandardCharsets.US_ASCII);
            aroundTheGrowingChunks.add(
                    concat("a\n".getBytes(StandardCharsets.US_ASCII), concat(line, new byte[] {'\n'})));
            aroundTheGrowingChunks.add(concat(line, "\n\n".getBytes(StandardCharsets.US_ASCII)));
        }
        for (byte[] content : aroundTheGrowingChunks) {
            Files.write(file, content);
            String text = new String(content, StandardCharsets.US_ASCII);
            List<String> nonBlank = Arrays.stream(text.split("\n", -1))
                    .filter(line -> !JsonLinesFile.isBlank(line.getBytes(StandardCharsets.US_ASCII)))
                    .collect(Collectors.toList());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                Optional<byte[]> last = LedgerSummaryFile.lastNonBlankLine(channel, content.length);
                if (nonBlank.isEmpty()) {
                    assertThat(last).isEmpty();
                } else {
                    assertThat(new String(last.orElseThrow(), StandardCharsets.US_ASCII))
                            .isEqualTo(nonBlank.get(nonBlank.size() - 1));
                }
            }
        }
    }

    private List<DeployRecord> appendAll(List<DeployRecord> records) throws IOException {
        for (DeployRecord record : records) {
            appendLineOnly(record);
        }
        return new ArrayList<>(records);
    }

    /** Appends as a version that did not keep the summary (or another process's store) would: the line only. */
    private void appendLineOnly(DeployRecord record) throws IOException {
        new JsonLinesFile(job, FileDeployLedger.FILE_NAME, FileDeployLedger.LOCK_FILE_NAME, false)
                .append(LedgerLineFormat.encode(record, T0));
    }

    private static int lastIndexOf(byte[] bytes, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] damaged = bytes.clone();
        damaged[at] ^= 0x04;
        return damaged;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
