package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A ledger line is exactly a record of its version or it is unreadable (skipped and counted, never rounded or
 * guessed), and every instant a record holds lies in the one accepted range.
 */
public class LedgerLineStrictnessTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private static String good() {
        return "{\"v\":1,\"recorded\":\"2026-01-05T09:10:00Z\",\"environment\":\"staging\",\"job\":\"app\","
                + "\"build\":7,\"commitTime\":\"2026-01-05T08:00:00Z\",\"outcome\":\"SUCCESS\","
                + "\"started\":\"2026-01-05T09:00:00Z\",\"durationMs\":1000}";
    }

    @Test
    public void lenientFormsOfAGoodLineAreUnreadableAndCounted() throws IOException {
        List<byte[]> lenient = List.of(
                bytes(good().replace("\"build\":7", "\"build\":7.5")),
                bytes(good().replace("\"build\":7", "\"build\":7.0")),
                bytes(good().replace("\"build\":7", "\"build\":\"7\"")),
                bytes(good().replace("\"v\":1", "\"v\":\"1\"")),
                bytes(good().replace("\"v\":1", "\"v\":1.0")),
                bytes(good().replace("\"durationMs\":1000", "\"durationMs\":1e3")),
                bytes(good().replace("\"build\":7", "\"build\":8,\"build\":7")),
                bytes(good().replace(
                                "\"environment\":\"staging\"", "\"environment\":\"qa\",\"environment\":\"staging\"")),
                bytes(good().replace("\"job\":\"app\"", "\"job\":\"app\",\"message\":null")),
                bytes(good().replace("\"job\":\"app\"", "\"job\":\"app\",\"message\":5")),
                withOverlongNul(),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(good())),
                good().getBytes(StandardCharsets.UTF_16BE));
        Path directory = temporary.newFolder().toPath();
        FileDeployLedger ledger = new FileDeployLedger(directory);
        ledger.append(record(1));
        try (var out = Files.newOutputStream(ledger.getFile(), StandardOpenOption.APPEND)) {
            for (byte[] line : lenient) {
                assertThat(LedgerLineFormat.decode(line))
                        .as(new String(line, StandardCharsets.ISO_8859_1))
                        .isEmpty();
                out.write(line);
                out.write('\n');
            }
            out.write(bytes(good()));
            out.write('\n');
        }
        ledger.append(record(2));

        LedgerRead read = new FileDeployLedger(directory).readAll();

        assertThat(read.skippedLines()).isEqualTo(lenient.size());
        assertThat(read.records()).extracting(DeployRecord::getBuildNumber).containsExactly(1, 7, 2);
    }

    @Test
    public void unknownFieldsAreStillIgnored() {
        assertThat(LedgerLineFormat.decode(bytes(good().replace("\"job\"", "\"later\":{\"a\":[1]},\"job\""))))
                .isPresent();
    }

    @Test
    public void instantsOutsideTheRangeAreRefusedWhenBuiltAndUnreadableWhenDecoded() {
        assertThatThrownBy(() -> builder()
                        .startedAt(Instant.parse("-1000000000-01-01T00:00:00Z"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startedAt: must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, was "
                        + "-1000000000-01-01T00:00:00Z");
        assertThatThrownBy(() -> builder().commitTime(Instant.MIN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("commitTime: must be from 1970-01-01T00:00:00Z");
        assertThatThrownBy(() -> builder()
                        .startedAt(DeployRecord.LATEST.minusSeconds(1))
                        .duration(Duration.ofSeconds(2))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("duration: the deploy must end by 9999-12-31T23:59:59.999999999Z");
        assertThat(builder().startedAt(DeployRecord.EARLIEST).build().getStartedAt())
                .isEqualTo(DeployRecord.EARLIEST);
        assertThat(builder().startedAt(DeployRecord.LATEST).build().getEndedAt())
                .isEqualTo(DeployRecord.LATEST);

        for (String line : List.of(
                good().replace("2026-01-05T09:00:00Z", "-1000000000-01-01T00:00:00Z"),
                good().replace("2026-01-05T08:00:00Z", Instant.MIN.toString()),
                good().replace("2026-01-05T09:00:00Z", "1969-12-31T23:59:59.999999999Z"),
                good().replace("2026-01-05T09:10:00Z", "+10000-01-01T00:00:00Z"),
                good().replace(
                                "\"started\":\"2026-01-05T09:00:00Z\",\"durationMs\":1000",
                                "\"started\":\"9999-12-31T23:59:59Z\",\"durationMs\":1000"))) {
            assertThat(LedgerLineFormat.decode(bytes(line))).as(line).isEmpty();
        }
    }

    @Test
    public void aControllerClockOutsideTheRangeStillWritesReadableLines() throws IOException {
        Path directory = temporary.newFolder().toPath();
        Clock beforeTheEpoch = Clock.fixed(Instant.parse("1960-01-01T00:00:00Z"), ZoneOffset.UTC);
        new FileDeployLedger(directory, beforeTheEpoch, FileDeployLedger.Durability.OS_BUFFERED).append(record(3));

        LedgerRead read = new FileDeployLedger(directory).readAll();

        assertThat(read.skippedLines()).isZero();
        assertThat(read.records()).containsExactly(record(3));
    }

    private static DeployRecord.Builder builder() {
        return DeployRecord.builder("staging", "app", 1)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0);
    }

    private static DeployRecord record(int build) {
        return DeployRecord.builder("staging", "app", build)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0.plusSeconds(build))
                .duration(Duration.ofSeconds(5))
                .build();
    }

    /** The good line with {@code C0 80}, the overlong form of U+0000, inside the job's name. */
    private static byte[] withOverlongNul() {
        String[] halves = good().split("\"job\":\"app\"");
        return concat(
                bytes(halves[0] + "\"job\":\"ap"), new byte[] {(byte) 0xC0, (byte) 0x80}, bytes("p\"" + halves[1]));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
