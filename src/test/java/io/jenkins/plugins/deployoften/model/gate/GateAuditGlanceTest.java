package io.jenkins.plugins.deployoften.model.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link GateAuditLog#glance(int)}: the newest decision and the newest override among the newest lines, the same
 * as decoding every line would find, while decoding only the lines that can answer. Damaged trails are covered by
 * {@link GateAuditLogCorruptionTest}, which compares every glance with the lines decoded one by one.
 */
public class GateAuditGlanceTest {
    private static final int ENTRIES = 30;

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private GateAuditLog log;

    @Before
    public void createLog() throws IOException {
        log = new GateAuditLog(temporary.newFolder("job").toPath());
    }

    @Test
    public void onAnIntactTrailTheGlanceShowsWhatTheNewestEntriesShowForEveryNumberOfLines() throws IOException {
        // AuditEntries gives builds 7, 14, 21 and 28 an override
        for (int build = 1; build <= ENTRIES; build++) {
            log.append(AuditEntries.entry("entry " + build, build));
        }
        int withOverride = 0;
        for (int lines = 1; lines <= ENTRIES + 2; lines++) {
            List<GateAuditEntry> newest = log.readRecent(lines).entries();
            Optional<GateOverride> expected = newest.stream()
                    .map(entry -> entry.decision().getOverride())
                    .flatMap(Optional::stream)
                    .findFirst();
            GateAuditGlance glance = log.glance(lines);
            assertThat(glance.latest())
                    .as("lines " + lines)
                    .contains(newest.get(0).decision());
            assertThat(glance.lastOverride()).as("lines " + lines).isEqualTo(expected);
            withOverride += expected.isPresent() ? 1 : 0;
        }
        // from 3 lines on, build 28's override is among them
        assertThat(withOverride).isEqualTo(ENTRIES);
        assertThat(log.glance(3).lastOverride().orElseThrow().user()).isEqualTo("user28");
    }

    @Test
    public void anOverrideKeySpelledWithEscapesIsFound() throws IOException {
        GateAuditEntry overridden = AuditEntries.entry("overridden", 7);
        GateOverride override = overridden.decision().getOverride().orElseThrow();
        byte[] escaped = replace(GateJson.encodeAudit(overridden), "\"override\":", "\"\\u006fverrid\\u0065\":");
        // the premise: the strict reader takes the escaped key as the override
        assertThat(GateJson.decodeAudit(Arrays.copyOf(escaped, escaped.length - 1))
                        .orElseThrow()
                        .decision())
                .isEqualTo(overridden.decision());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(escaped);
        for (int build = 8; build <= 10; build++) {
            file.writeBytes(GateJson.encodeAudit(AuditEntries.entry("later " + build, build)));
        }
        Files.write(log.getFile(), file.toByteArray());

        assertThat(log.glance(4).lastOverride()).contains(override);
        assertThat(log.glance(3).lastOverride()).isEmpty();
    }

    @Test
    public void onlyLinesHoldingTheOverrideKeyOrAnEscapeMayHoldAnOverride() {
        byte[] plain = line(AuditEntries.entry("plain", 8));
        byte[] overridden = line(AuditEntries.entry("overridden", 7));
        assertThat(AuditEntries.entry("plain", 8).decision().getOverride()).isEmpty();
        assertThat(GateJson.mayHoldOverride(plain)).isFalse();
        assertThat(GateJson.mayHoldOverride(overridden)).isTrue();
        assertThat(GateJson.mayHoldOverride(replace(plain, "\"job\":", "\"\\u006aob\":")))
                .as("any unicode escape may spell the key")
                .isTrue();
        assertThat(GateJson.mayHoldOverride(replace(plain, "\"job\":", "\"override\":")))
                .isTrue();
        assertThat(GateJson.mayHoldOverride(new byte[0])).isFalse();
    }

    @Test
    public void theNewestDecisionIsLookedForBehindMoreUnreadableLinesThanTheLinesLookedThrough() throws IOException {
        GateAuditEntry overridden = AuditEntries.entry("overridden", 14);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(GateJson.encodeAudit(AuditEntries.entry("older", 7)));
        file.writeBytes(GateJson.encodeAudit(overridden));
        for (int torn = 0; torn < 5; torn++) {
            byte[] line = GateJson.encodeAudit(AuditEntries.entry("torn " + torn, 20 + torn));
            file.write(line, 0, line.length / 2);
            file.write('\n');
        }
        Files.write(log.getFile(), file.toByteArray());

        GateAuditGlance glance = log.glance(2);
        assertThat(glance.latest()).contains(overridden.decision());
        assertThat(glance.lastOverride()).isEqualTo(overridden.decision().getOverride());
        assertThat(log.glance(7).lastOverride()).isEqualTo(overridden.decision().getOverride());
    }

    @Test
    public void anEmptyOrMissingTrailShowsNothing() throws IOException {
        assertThat(log.glance(20)).isEqualTo(new GateAuditGlance(Optional.empty(), Optional.empty()));
        Files.write(log.getFile(), "not json\n\n{\"v\":1}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(log.glance(20)).isEqualTo(new GateAuditGlance(Optional.empty(), Optional.empty()));
    }

    @Test
    public void aNumberOfLinesBelowOneIsRefusedByName() {
        assertThatThrownBy(() -> log.glance(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines: must be at least 1, was 0");
    }

    private static byte[] line(GateAuditEntry entry) {
        byte[] encoded = GateJson.encodeAudit(entry);
        return Arrays.copyOf(encoded, encoded.length - 1);
    }

    private static byte[] replace(byte[] bytes, String target, String replacement) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.contains(target)) {
            throw new IllegalArgumentException("not in the line: " + target);
        }
        return text.replace(target, replacement).getBytes(StandardCharsets.UTF_8);
    }
}
