package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Text that breaks naive line or JSON handling round-trips exactly, and every record stays on one line. */
public class LedgerHostileStringsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    static final List<String> HOSTILE = List.of(
            "line one\nline two\n",
            "carriage\rreturn\r\n",
            "nul\u0000byte",
            "\u0000",
            "line\u2028separator and paragraph\u2029separator, next line\u0085",
            "\"quoted\" and 'single'",
            "back\\slash \\\" \\n \\u0000 \\",
            "\"},{\"v\":1,\"recorded\":\"2026-01-05T09:00:00Z\"",
            "\"}\n{\"v\":1,\"environment\":\"production\",\"build\":666}",
            "{\"v\":1}",
            "</script><script>alert(1)</script>",
            "\u001b[31mred\u001b[0m \u0007 \b \f \t \u007f",
            "😀🚀👩‍👩‍👧‍👦 🇺🇳",
            "עברית RTL \u202e override \u202c and العربية",
            "\ufeffbyte order mark \ufffe \uffff",
            "zero\u200bwidth\u200djoiner",
            "😀".repeat(600),
            "ß".repeat(DeployRecord.MAX_TEXT),
            "x".repeat(DeployRecord.MAX_TEXT + 1));

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void hostileTextInEveryTextFieldRoundTripsExactlyOnOneLinePerRecord() throws IOException {
        FileDeployLedger ledger = new FileDeployLedger(
                temporary.newFolder("job").toPath(),
                Clock.fixed(T0, ZoneOffset.UTC),
                FileDeployLedger.Durability.FORCED);
        List<DeployRecord> appended = new ArrayList<>();
        int build = 1;
        for (String text : HOSTILE) {
            DeployRecord record = DeployRecord.builder("staging", "folder/" + text, build)
                    .buildUrl("job/" + text + "/" + build + "/")
                    .commit(oneWord(text))
                    .artifactFingerprint(oneWord(text))
                    .outcome(DeployOutcome.FAILURE)
                    .reason(text)
                    .startedAt(T0.plusSeconds(build))
                    .duration(Duration.ofMillis(build))
                    .trigger(text)
                    .message(text)
                    .build();
            ledger.append(record);
            appended.add(record);
            build++;
        }

        LedgerRead read = ledger.readAll();
        assertThat(read.records()).isEqualTo(appended);
        assertThat(read.skippedLines()).isZero();
        assertThat(ledger.readSince(T0).records()).isEqualTo(appended);
        for (DeployRecord record : appended) {
            assertThat(ledger.findLast(r -> r.getMessage().equals(record.getMessage())))
                    .contains(record);
        }
        byte[] bytes = Files.readAllBytes(ledger.getFile());
        assertThat(bytes).as("no raw NUL or carriage return").doesNotContain((byte) 0, (byte) '\r');
        assertThat(count(bytes, (byte) '\n')).as("newlines").isEqualTo(HOSTILE.size());
        // readers that also break lines at CR or U+2028 see the same lines
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(HOSTILE.size());
        assertThat(text.split("[\\n\\r\\u2028\\u2029\\u0085]", -1)).hasSize(HOSTILE.size() + 1);
    }

    @Test
    public void textMadeOfWhatLooksLikeALedgerLineIsNotReadAsASecondRecord() throws IOException {
        FileDeployLedger ledger =
                new FileDeployLedger(temporary.newFolder("job").toPath());
        DeployRecord inner = DeployRecord.builder("production", "evil", 666)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0)
                .build();
        String wholeLine = new String(LedgerLineFormat.encode(inner, T0), StandardCharsets.UTF_8);
        DeployRecord outer = inner.toBuilder().message(wholeLine + wholeLine).build();

        ledger.append(outer);

        assertThat(ledger.readAll().records()).containsExactly(outer);
        assertThat(ledger.findLast(r -> r.getBuildNumber() == 666)).contains(outer);
    }

    private static int count(byte[] bytes, byte wanted) {
        int count = 0;
        for (byte b : bytes) {
            if (b == wanted) {
                count++;
            }
        }
        return count;
    }

    /** Hostile text made one word of at most the allowed length, as a commit or fingerprint must be. */
    static String oneWord(String text) {
        StringBuilder word = new StringBuilder();
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(word::appendCodePoint);
        String kept = word.length() == 0 ? "w" : word.toString();
        int end = Math.min(kept.length(), DeployRecord.MAX_TEXT);
        if (end < kept.length() && Character.isHighSurrogate(kept.charAt(end - 1))) {
            end--;
        }
        return kept.substring(0, end);
    }
}
