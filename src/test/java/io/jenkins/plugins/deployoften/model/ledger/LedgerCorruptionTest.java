package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Random damage to a ledger file: bytes overwritten, inserted and deleted, newlines and NULs injected, lines
 * joined. Reads never throw, and what they return is computed independently here from the damaged bytes:
 * a line byte-identical to an original line is that record; a changed line counts as a record only if it
 * is still exactly one JSON object that the line format accepts (for example a digit of a date changed);
 * every other non-blank line is skipped and counted.
 */
public class LedgerCorruptionTest {
    private static final int SEEDS = 200;
    private static final int RECORDS = 40;
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** Records start 10 minutes apart, so a window from record 20 stops its scan an hour earlier, at record 14. */
    private static final Duration SPACING = Duration.ofMinutes(10);

    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final Map<ByteBuffer, LedgerLineFormat.Line> originalLines = new HashMap<>();

    @Test(timeout = 120_000)
    public void readsNeverThrowAndReturnExactlyTheIntactLinesAcrossManyRandomCorruptions() throws IOException {
        byte[] original = originalLedger();
        Instant windowStart = T0.plus(SPACING.multipliedBy(20));
        Instant horizon = T0.plus(SPACING.multipliedBy(RECORDS / 2));
        int damagedLines = 0;
        int changedButReadable = 0;

        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            byte[] damaged = corrupt(original, random);
            Path directory = temporary.newFolder("seed-" + seed).toPath();
            FileDeployLedger ledger = new FileDeployLedger(directory);
            Files.write(ledger.getFile(), damaged);
            List<Optional<LedgerLineFormat.Line>> expected = expectedLines(damaged);
            String context = "seed " + seed + ", damaged ledger:\n" + new String(damaged, StandardCharsets.UTF_8);

            LedgerRead all = ledger.readAll();
            List<DeployRecord> expectedRecords = records(expected);
            int expectedSkipped =
                    (int) expected.stream().filter(Optional::isEmpty).count();
            assertThat(all.records()).as(context).isEqualTo(expectedRecords);
            assertThat(all.skippedLines()).as(context).isEqualTo(expectedSkipped);
            assertThat(all.records().size() + all.skippedLines())
                    .as("records + skipped = non-blank lines; " + context)
                    .isEqualTo(expected.size());
            assertThat(all.records()).as(context).containsAll(intactRecords(damaged));

            for (Instant from : List.of(T0, windowStart)) {
                LedgerRead window = ledger.readSince(from);
                LedgerRead expectedWindow = expectedWindow(expected, from);
                assertThat(window.records()).as(from + " " + context).isEqualTo(expectedWindow.records());
                assertThat(window.skippedLines()).as(from + " " + context).isEqualTo(expectedWindow.skippedLines());
            }

            for (Predicate<DeployRecord> matching : List.<Predicate<DeployRecord>>of(
                    r -> true,
                    r -> r.getBuildNumber() % 7 == 3,
                    r -> r.getOutcome() == DeployOutcome.FAILURE,
                    r -> false)) {
                assertThat(ledger.findLast(matching)).as(context).isEqualTo(last(expected, matching));
            }

            DeployLedger.Compaction compaction = ledger.compact(horizon);
            long kept = expectedRecords.stream()
                    .filter(r -> !r.getStartedAt().isBefore(horizon))
                    .count();
            assertThat(compaction.getKept()).as(context).isEqualTo(kept);
            assertThat(compaction.getDropped()).as(context).isEqualTo(expectedRecords.size() - kept);
            assertThat(compaction.getQuarantinedLines()).as(context).isEqualTo(expectedSkipped);
            LedgerRead compacted = ledger.readAll();
            assertThat(compacted.skippedLines()).isZero();
            assertThat(compacted.records())
                    .isEqualTo(expectedRecords.stream()
                            .filter(r -> !r.getStartedAt().isBefore(horizon))
                            .toList());

            damagedLines += expectedSkipped;
            changedButReadable +=
                    expectedRecords.size() - intactRecords(damaged).size();
        }
        // the damage must really hit: on average more than one unreadable line per seed
        assertThat(damagedLines).isGreaterThan(SEEDS);
        System.out.println("LedgerCorruptionTest: " + SEEDS + " seeds, " + damagedLines + " unreadable lines, "
                + changedButReadable + " changed lines still readable");
    }

    @Test
    public void twoRecordsJoinedOnOneLineAreOneUnreadableLineNotTheFirstRecord() throws IOException {
        // losing one newline must not silently turn two records into the first one
        FileDeployLedger ledger =
                new FileDeployLedger(temporary.newFolder("joined").toPath());
        byte[] first = LedgerLineFormat.encode(record(1), T0);
        byte[] second = LedgerLineFormat.encode(record(2), T0);
        byte[] third = LedgerLineFormat.encode(record(3), T0);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(first, 0, first.length - 1);
        file.write(second);
        file.write(third);
        Files.write(ledger.getFile(), file.toByteArray());

        LedgerRead read = ledger.readAll();

        assertThat(read.records()).containsExactly(record(3));
        assertThat(read.skippedLines()).isEqualTo(1);
        assertThat(ledger.readSince(T0).skippedLines()).isEqualTo(1);
        assertThat(ledger.findLast(r -> r.getBuildNumber() == 1)).isEmpty();
    }

    private byte[] originalLedger() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < RECORDS; i++) {
            DeployRecord record = record(i + 1);
            Instant recordedAt = record.getStartedAt().plusSeconds(30);
            byte[] line = LedgerLineFormat.encode(record, recordedAt);
            file.write(line);
            originalLines.put(
                    ByteBuffer.wrap(Arrays.copyOf(line, line.length - 1)),
                    LedgerLineFormat.decode(Arrays.copyOf(line, line.length - 1))
                            .orElseThrow());
        }
        return file.toByteArray();
    }

    private static DeployRecord record(int build) {
        return DeployRecord.builder(build % 2 == 0 ? "staging" : "production", "folder/app", build)
                .outcome(build % 5 == 0 ? DeployOutcome.FAILURE : DeployOutcome.SUCCESS)
                .startedAt(T0.plus(SPACING.multipliedBy(build - 1)))
                .duration(Duration.ofSeconds(build))
                .commit(build % 3 == 0 ? "c0ffee" + build : null)
                .reason(build % 5 == 0 ? "exit code " + build : null)
                .trigger("user " + build)
                .message("déploiement ✓ n°" + build)
                .build();
    }

    /** Applies 1 to 4 random kinds of damage. */
    private static byte[] corrupt(byte[] original, Random random) {
        List<Byte> bytes = new ArrayList<>(original.length);
        for (byte b : original) {
            bytes.add(b);
        }
        int damages = 1 + random.nextInt(4);
        for (int d = 0; d < damages && !bytes.isEmpty(); d++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(7)) {
                case 0: // overwrite a few bytes with random values
                    for (int i = at; i < Math.min(bytes.size(), at + 1 + random.nextInt(4)); i++) {
                        bytes.set(i, (byte) random.nextInt(256));
                    }
                    break;
                case 1: // insert random bytes
                    for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                        bytes.add(at, (byte) random.nextInt(256));
                    }
                    break;
                case 2: // delete a range, possibly across lines
                    bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(400)))
                            .clear();
                    break;
                case 3: // inject a newline
                    bytes.add(at, (byte) '\n');
                    break;
                case 4: // overwrite with NUL
                    bytes.set(at, (byte) 0);
                    break;
                case 5: // insert NULs, as a file system may after a crash
                    bytes.addAll(at, Collections.nCopies(1 + random.nextInt(16), (byte) 0));
                    break;
                default: // join two lines by losing a newline
                    int newline = bytes.subList(at, bytes.size()).indexOf((byte) '\n');
                    if (newline >= 0 && at + newline < bytes.size() - 1) {
                        bytes.remove(at + newline);
                    }
                    break;
            }
        }
        byte[] damaged = new byte[bytes.size()];
        for (int i = 0; i < damaged.length; i++) {
            damaged[i] = bytes.get(i);
        }
        return damaged;
    }

    /** One entry per non-blank line: the line it must read as, or empty when it must be skipped. */
    private List<Optional<LedgerLineFormat.Line>> expectedLines(byte[] damaged) {
        List<Optional<LedgerLineFormat.Line>> lines = new ArrayList<>();
        for (byte[] line : split(damaged)) {
            if (isBlank(line)) {
                continue;
            }
            LedgerLineFormat.Line intact = originalLines.get(ByteBuffer.wrap(line));
            if (intact != null) {
                lines.add(Optional.of(intact));
            } else if (isExactlyOneJsonObject(line)) {
                lines.add(LedgerLineFormat.decode(line));
            } else {
                lines.add(Optional.empty());
            }
        }
        return lines;
    }

    private List<DeployRecord> intactRecords(byte[] damaged) {
        List<DeployRecord> intact = new ArrayList<>();
        for (byte[] line : split(damaged)) {
            LedgerLineFormat.Line original = originalLines.get(ByteBuffer.wrap(line));
            if (original != null) {
                intact.add(original.getRecord());
            }
        }
        return intact;
    }

    private static List<byte[]> split(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    /** Blank as the ledger writes nothing but may meet after damage: spaces, tabs and carriage returns. */
    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isExactlyOneJsonObject(byte[] line) {
        try {
            JsonNode node = STRICT.readTree(line);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<DeployRecord> records(List<Optional<LedgerLineFormat.Line>> lines) {
        return lines.stream()
                .flatMap(Optional::stream)
                .map(LedgerLineFormat.Line::getRecord)
                .toList();
    }

    /**
     * The contract of {@link DeployLedger#readSince} on the file ledger: from the newest line backwards, counting
     * unreadable lines, up to the first readable record that started more than the disorder D before the window,
     * D being the largest step back in start time, in append order, of the readable records (see {@link
     * LedgerSummary#getDisorder()}). Never the recorded time.
     */
    private static LedgerRead expectedWindow(List<Optional<LedgerLineFormat.Line>> lines, Instant from) {
        Instant latest = null;
        Duration disorder = Duration.ZERO;
        for (Optional<LedgerLineFormat.Line> line : lines) {
            if (line.isPresent()) {
                Instant started = line.get().getRecord().getStartedAt();
                if (latest == null || started.isAfter(latest)) {
                    latest = started;
                } else if (Duration.between(started, latest).compareTo(disorder) > 0) {
                    disorder = Duration.between(started, latest);
                }
            }
        }
        List<DeployRecord> newestFirst = new ArrayList<>();
        int skipped = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).isEmpty()) {
                skipped++;
                continue;
            }
            LedgerLineFormat.Line line = lines.get(i).get();
            if (line.getRecord().getStartedAt().isBefore(from.minus(disorder))) {
                break;
            }
            if (!line.getRecord().getStartedAt().isBefore(from)) {
                newestFirst.add(line.getRecord());
            }
        }
        Collections.reverse(newestFirst);
        return new LedgerRead(newestFirst, skipped);
    }

    private static Optional<DeployRecord> last(
            List<Optional<LedgerLineFormat.Line>> lines, Predicate<DeployRecord> matching) {
        List<DeployRecord> records = records(lines);
        for (int i = records.size() - 1; i >= 0; i--) {
            if (matching.test(records.get(i))) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }
}
