package io.jenkins.plugins.deployoften.model.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The audit trail's English does not change with decisions carrying values: {@code audit-lines-before-findings.jsonl}
 * holds the lines the plugin wrote for {@link AuditGoldenEntries} while the gate model still built sentences, and the
 * lines written now are those bytes with each verdict's {@code findings} added ({@link AuditFindingsTest}).
 */
public class AuditWordingTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private static byte[] linesBeforeFindings() throws IOException {
        try (InputStream in = AuditWordingTest.class.getResourceAsStream("audit-lines-before-findings.jsonl")) {
            return in.readAllBytes();
        }
    }

    @Test
    public void decisionsWriteTheSameBytesAsBeforeBesideTheirFindings() throws IOException {
        StringBuilder written = new StringBuilder();
        for (GateAuditEntry entry :
                AuditGoldenEntries.entries(temporary.newFolder().toPath())) {
            String line = new String(GateJson.encodeAudit(entry), StandardCharsets.UTF_8);
            assertThat(line).contains("\"findings\":[");
            written.append(AuditFindingsTest.withoutFindings(line));
        }

        assertThat(written.toString()).isEqualTo(new String(linesBeforeFindings(), StandardCharsets.UTF_8));
    }

    @Test
    public void linesWrittenBeforeReadBackAndWriteThemselvesAgain() throws IOException {
        List<String> lines = new String(linesBeforeFindings(), StandardCharsets.UTF_8)
                .lines()
                .toList();

        for (String line : lines) {
            GateAuditEntry read =
                    GateJson.decodeAudit(line.getBytes(StandardCharsets.UTF_8)).orElseThrow();
            assertThat(new String(GateJson.encodeAudit(read), StandardCharsets.UTF_8))
                    .isEqualTo(line + "\n");
        }
        assertThat(lines).hasSize(10);
    }

    @Test
    public void aRuleSwitchedOffReadsBackAsSwitchedOffAnyOtherVerdictInItsRecordedWords() {
        RuleVerdict off = AuditWording.read(
                GateRule.HEALTHY, RuleStatus.NOT_CHECKED, "deploy health is not checked (rule off)", null);
        RuleVerdict recorded = AuditWording.read(GateRule.FRESH, RuleStatus.FAIL, "too old", "deploy");

        assertThat(off).isEqualTo(RuleVerdict.notChecked(GateRule.HEALTHY));
        assertThat(recorded.getFindings()).containsExactly(new Finding.Recorded("too old", "deploy"));
    }
}
