package io.jenkins.plugins.deployoften.model.ledger;

import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.T0;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.fold;
import static io.jenkins.plugins.deployoften.model.ledger.SummaryHistories.randomHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Position;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The summary file format: exact round trips, and anything torn or corrupted reads as unreadable, never throws. */
public class LedgerSummaryFormatTest {
    @Test
    public void randomSummariesRoundTripExactly() {
        for (long seed = 1; seed <= 10; seed++) {
            LedgerSummary summary = fold(randomHistory(seed, 1500)).toBuilder()
                    .skippedLine()
                    .position(new Position(123_456L + seed, "00ff" + seed))
                    .build();
            byte[] encoded = LedgerSummaryFormat.encode(summary);
            assertThat(encoded[encoded.length - 1]).isEqualTo((byte) '\n');
            Optional<LedgerSummary> decoded = LedgerSummaryFormat.decode(encoded);
            assertThat(decoded).contains(summary);
            // the append-order facts are not in equals: compare them on their own
            assertThat(decoded.get().getLatestStart()).isEqualTo(summary.getLatestStart());
            assertThat(decoded.get().getDisorder()).isEqualTo(summary.getDisorder());
            assertThat(LedgerSummaryFormat.encode(decoded.get())).isEqualTo(encoded);
        }
        assertThat(LedgerSummaryFormat.decode(LedgerSummaryFormat.encode(LedgerSummary.empty())))
                .contains(LedgerSummary.empty());
    }

    @Test
    public void everyTruncationIsUnreadableOrTheWholeSummary() {
        LedgerSummary summary = small();
        byte[] encoded = LedgerSummaryFormat.encode(summary);
        for (int length = 0; length < encoded.length; length++) {
            Optional<LedgerSummary> decoded = LedgerSummaryFormat.decode(Arrays.copyOf(encoded, length));
            if (length == encoded.length - 1) {
                assertThat(decoded).as("all but the newline").contains(summary);
            } else {
                assertThat(decoded)
                        .as("first %d of %d bytes", length, encoded.length)
                        .isEmpty();
            }
        }
    }

    @Test
    public void everyByteFlipIsUnreadable() {
        byte[] encoded = LedgerSummaryFormat.encode(small());
        Random random = new Random(5);
        for (int at = 0; at < encoded.length; at++) {
            for (int mask : new int[] {0x01, 0x20, 0x80, 1 + random.nextInt(255)}) {
                byte[] damaged = encoded.clone();
                damaged[at] ^= (byte) mask;
                // the checksum covers the file's bytes, so even a flip that changes nothing the summary keeps (the
                // epoch "recorded" time of an embedded ledger line, the case of an instant's 'T') is refused
                assertThat(LedgerSummaryFormat.decode(damaged))
                        .as("flip %x at %d", mask, at)
                        .isEmpty();
            }
        }
    }

    @Test
    public void aSummaryWithBytesAfterItsNewlineIsUnreadable() {
        byte[] encoded = LedgerSummaryFormat.encode(small());
        assertThat(LedgerSummaryFormat.decode(encoded)).contains(small());
        assertThat(LedgerSummaryFormat.decode(concat(encoded, new byte[] {'\n'})))
                .isEmpty();
        assertThat(LedgerSummaryFormat.decode(concat(encoded, new byte[] {' '})))
                .isEmpty();
    }

    @Test
    public void randomDamageNeverThrows() {
        byte[] encoded = LedgerSummaryFormat.encode(fold(randomHistory(3, 300)));
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = encoded.clone();
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits; i++) {
                int at = random.nextInt(damaged.length);
                switch (random.nextInt(3)) {
                    case 0:
                        damaged[at] = (byte) random.nextInt(256);
                        break;
                    case 1:
                        damaged =
                                concat(Arrays.copyOf(damaged, at), Arrays.copyOfRange(damaged, at + 1, damaged.length));
                        break;
                    default:
                        damaged = concat(
                                Arrays.copyOf(damaged, at),
                                concat(
                                        new byte[] {(byte) "\n\"{}[],:0\\".charAt(random.nextInt(10))},
                                        Arrays.copyOfRange(damaged, at, damaged.length)));
                        break;
                }
            }
            Optional<LedgerSummary> decoded = LedgerSummaryFormat.decode(damaged);
            decoded.ifPresent(s -> assertThat(s).isEqualTo(fold(randomHistory(3, 300))));
        }
    }

    @Test
    public void otherVersionsAndOtherJsonAreUnreadable() {
        byte[] encoded = LedgerSummaryFormat.encode(small());
        String text = new String(encoded, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"v\":5,");
        for (String other : List.of(
                "{\"v\":1,", "{\"v\":4,", "{\"v\":6,", "{\"v\":0,", "{\"v\":\"5\",", "{\"v\":5.0,", "{\"v\":null,")) {
            assertThat(LedgerSummaryFormat.decode(
                            text.replaceFirst("^\\{\"v\":5,", java.util.regex.Matcher.quoteReplacement(other))
                                    .getBytes(StandardCharsets.UTF_8)))
                    .as(other)
                    .isEmpty();
        }
        for (String junk : List.of("", "\n", "null", "[]", "{}", "{\"v\":1}", "\u0000\u0000", text + text)) {
            assertThat(LedgerSummaryFormat.decode(junk.getBytes(StandardCharsets.UTF_8)))
                    .as(junk)
                    .isEmpty();
        }
        // a version 1 summary (no latestStart nor disorder) is unreadable, so the ledger rebuilds it
        String v1 = text.replaceFirst("^\\{\"v\":5,", "{\"v\":1,")
                .replaceFirst("\"latestStart\":\"[^\"]*\",", "")
                .replaceFirst("\"disorder\":\"[^\"]*\",", "");
        assertThat(v1).doesNotContain("disorder").doesNotContain("latestStart");
        assertThat(LedgerSummaryFormat.decode(v1.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // a version 2 summary (no streak, no recoveries, days without lead times and build numbers) too
        String v2 = text.replaceFirst("^\\{\"v\":5,", "{\"v\":2,")
                .replaceAll("\"streak\":\\[[^\\]]*\\],", "")
                .replaceAll("\"breaker\":\\[[^\\]]*\\],", "")
                .replaceAll(",\\[0[^\\]]*\\],\\[[0-9,]*\\]\\]", "]");
        assertThat(v2).doesNotContain("streak").contains("[20459,0,1,0,0,[0,346,1]]");
        assertThat(LedgerSummaryFormat.decode(v2.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // a version 3 summary (no index by source) too: the ledger rebuilds it once, with the records' sources
        String v3 = text.replaceFirst("^\\{\"v\":5,", "{\"v\":3,").replaceAll(",\"sourced\":\\[[^}]*\\]\\}", "}");
        assertThat(text).contains("\"sourced\":[");
        assertThat(v3).doesNotContain("sourced");
        assertThat(LedgerSummaryFormat.decode(v3.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // a version 4 summary (no last deploy that ran), even signed as written, too: rebuilt once with it
        String v4 = resigned(text.replaceFirst("^\\{\"v\":5,", "{\"v\":4,")
                .replaceAll("\"lastAttempt\":\"(\\\\.|[^\"\\\\])*\",", ""));
        assertThat(text).contains("\"lastAttempt\":");
        assertThat(v4).startsWith("{\"v\":4,").doesNotContain("lastAttempt");
        assertThat(LedgerSummaryFormat.decode(v4.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(LedgerSummaryFormat.decode(
                        resigned(v4.replaceFirst("^\\{\"v\":4,", "{\"v\":5,")).getBytes(StandardCharsets.UTF_8)))
                .as("the same without its last attempts, as version 5")
                .isPresent();
        // a kept record changed where its reader does not look (the recorded stamp, always the epoch) too
        assertThat(text).contains("1970-01-01T00:00:00Z");
        assertThat(LedgerSummaryFormat.decode(text.replaceFirst("1970-01-01T00:00:00Z", "1974-01-01T00:00:00Z")
                        .getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // a disorder or latest start that was changed is unreadable
        assertThat(text).contains("\"disorder\":\"" + small().getDisorder() + "\"");
        for (String tamperedOrder : List.of(
                text.replaceFirst("\"disorder\":\"[^\"]*\"", "\"disorder\":\"PT999H\""),
                text.replaceFirst("\"disorder\":\"[^\"]*\"", "\"disorder\":\"PT-1H\""),
                text.replaceFirst("\"latestStart\":\"[^\"]*\"", "\"latestStart\":\"2030-01-01T00:00:00Z\""))) {
            assertThat(tamperedOrder).isNotEqualTo(text);
            assertThat(LedgerSummaryFormat.decode(tamperedOrder.getBytes(StandardCharsets.UTF_8)))
                    .isEmpty();
        }
        // counts that were changed are unreadable
        String tampered = text.replaceFirst("\"records\":(\\d+)", "\"records\":99999");
        assertThat(LedgerSummaryFormat.decode(tampered.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    public void partsThatDoNotFitTogetherAreUnreadableEvenUnderAMatchingChecksum() {
        String text = new String(LedgerSummaryFormat.encode(small()), StandardCharsets.UTF_8);
        // the checksum is what guards a value nothing else can check: re-signed, a changed streak length reads
        String longer =
                resigned(text.replaceFirst("\"streak\":\\[\"SUCCESS\",1,true\\]", "\"streak\":[\"SUCCESS\",2,true]"));
        assertThat(longer).isNotEqualTo(text);
        assertThat(LedgerSummaryFormat.decode(
                        text.replace("\"streak\":[\"SUCCESS\",1,true]", "\"streak\":[\"SUCCESS\",2,true]")
                                .getBytes(StandardCharsets.UTF_8)))
                .as("not re-signed")
                .isEmpty();
        LedgerSummary decoded = LedgerSummaryFormat.decode(longer.getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(decoded.environment(EnvironmentName.of("production"))
                        .orElseThrow()
                        .getStreak()
                        .length())
                .isEqualTo(2);
        // everything the decoder can check is checked, whatever the checksum says
        List<String[]> misfits = List.of(
                new String[] {"[20459,0,1,0,0,[0,346,1],[0],[2,2,1]]", "[20459,0,1,0,0,[0,346,1],[0,5,1],[2,2,1]]"},
                new String[] {"[20459,0,1,0,0,[0,346,1],[0],[2,2,1]]", "[20459,0,1,0,0,[0,346,1],[0],[2,3,1]]"},
                new String[] {"[20459,0,1,0,0,[0,346,1],[0],[2,2,1]]", "[20459,0,1,0,0,[0,346,1],[0],[2,2,4]]"},
                new String[] {"[20459,0,1,0,0,[0,346,1],[0],[2,2,1]]", "[20459,0,1,0,0,[0,346,1],[0],[]]"},
                new String[] {"[20459,0,1,0,0,[0,346,1],[0],[2,2,1]]", "[20459,0,1,0,0,[0,346,1],[0],null]"},
                new String[] {"[20459,0,1,0,0,[0,346,1],[0],[2,2,1]]", "[20459,0,1,0,0,[0,346,1],[0],[0,0,1]]"},
                new String[] {"\"recoveries\":[[20459,[0,960,1]]", "\"recoveries\":[[20459,[0,960,2]]"},
                new String[] {"\"recoveries\":[[20459,[0,960,1]]", "\"recoveries\":[[20460,[0,960,1]]"},
                new String[] {"\"recoveries\":[[20459,[0,960,1]]", "\"recoveries\":[[20459,[0]]"},
                new String[] {"\"pending\":[[\"2026-01-12T21:00:00Z\"", "\"pending\":[[\"2026-01-05T09:00:00Z\""},
                new String[] {"\"streak\":[\"SUCCESS\",1,true]", "\"streak\":[\"SUCCESS\",1,1]"},
                new String[] {"\"streak\":[\"SUCCESS\",1,true]", "\"streak\":[\"SUCCESS\",1,false]"},
                new String[] {"\"streak\":[\"SUCCESS\",1,true]", "\"streak\":[\"SUCCESS\",0,true]"},
                new String[] {"\"streak\":[\"SUCCESS\",1,true]", "\"streak\":[\"ABORTED\",1,true]"},
                new String[] {"\"streak\":[\"SUCCESS\",1,true],", ""});
        for (String[] misfit : misfits) {
            assertThat(text).contains(misfit[0]);
            String changed = resigned(text.replace(misfit[0], misfit[1]));
            assertThat(LedgerSummaryFormat.decode(changed.getBytes(StandardCharsets.UTF_8)))
                    .as(misfit[1])
                    .isEmpty();
        }
    }

    @Test
    public void anIndexEntryOfTheWrongShapeIsUnreadableAtOnceEvenUnderAMatchingChecksum() {
        String text = new String(LedgerSummaryFormat.encode(small()), StandardCharsets.UTF_8);
        List<String[]> misfits = List.of(
                new String[] {"\"commits\":[[", "\"commits\":[[1,"},
                new String[] {"\"completed\":[\"", "\"completed\":[1,\""},
                new String[] {"\"commits\":[[", "\"commits\":[[\"k\",\"2026-01-05T09:00:00Z\",\"1\"],["},
                new String[] {"\"builds\":[[", "\"builds\":[[\"1\",\"2026-01-05T09:00:00Z\"],["},
                new String[] {"\"sourced\":[[", "\"sourced\":[{},["},
                new String[] {"\"artifacts\":[[", "\"artifacts\":[[\"k\",\"2026-01-05T09:00:00Z\",1,2],["});
        for (String[] misfit : misfits) {
            assertThat(text).contains(misfit[0]);
            String changed = resigned(text.replace(misfit[0], misfit[1]));
            assertThat(LedgerSummaryFormat.decode(changed.getBytes(StandardCharsets.UTF_8)))
                    .as(misfit[1])
                    .isEmpty();
        }
    }

    @Test
    public void anIndexValueForgedUnderAMatchingChecksumFailsItsFirstLookUpAndNotTheRestOfTheSummary() {
        LedgerSummary summary = small();
        String text = new String(LedgerSummaryFormat.encode(summary), StandardCharsets.UTF_8);
        // the first environment's first commit entry: [key, started, build]
        Matcher entry =
                Pattern.compile("\"commits\":\\[\\[\"([^\"]+)\",\"([^\"]+)\"").matcher(text);
        assertThat(entry.find()).isTrue();
        String key = entry.group(1);
        String forged = resigned(text.substring(0, entry.start(2)) + "yesterday" + text.substring(entry.end(2)));

        LedgerSummary decoded = LedgerSummaryFormat.decode(forged.getBytes(StandardCharsets.UTF_8))
                .orElseThrow();

        LedgerSummary.Environment first =
                decoded.getEnvironments().values().iterator().next();
        assertThat(first.getDays())
                .isEqualTo(summary.getEnvironments().get(first.getName()).getDays());
        assertThatThrownBy(() -> first.lastSuccessWithCommit(key))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decode");
    }

    @Test
    public void aKeptRecordForgedUnderAMatchingChecksumFailsItsFirstUseAndNotTheRestOfTheSummary() {
        LedgerSummary summary = small();
        String text = new String(LedgerSummaryFormat.encode(summary), StandardCharsets.UTF_8);
        String kept = "\"completed\":[\"{";
        assertThat(text).contains(kept);
        // an unknown field in the first environment's oldest kept record: a reader that ignored it would hide damage
        String forged =
                resigned(text.replaceFirst(Pattern.quote(kept), Matcher.quoteReplacement(kept + "\\\"x\\\":1,")));

        LedgerSummary decoded = LedgerSummaryFormat.decode(forged.getBytes(StandardCharsets.UTF_8))
                .orElseThrow();

        LedgerSummary.Environment first =
                decoded.getEnvironments().values().iterator().next();
        LedgerSummary.Environment original = summary.getEnvironments().get(first.getName());
        assertThat(first.getLastCompleted()).hasSameSizeAs(original.getLastCompleted());
        assertThat(first.getLast()).isEqualTo(original.getLast());
        assertThatThrownBy(() -> first.getLastCompleted().get(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decode");
    }

    /** @return the summary file's text with its checksum computed again over the (changed) content */
    private static String resigned(String text) {
        String body = text.substring(0, text.lastIndexOf(",\"sha256\"")) + "}";
        return body.substring(0, body.length() - 1) + ",\"sha256\":\""
                + LedgerSummaryFormat.sha256(body.getBytes(StandardCharsets.UTF_8)) + "\"}\n";
    }

    @Test
    public void hostileIdentitiesAndTextSurviveTheRoundTripAndStayFindable() {
        List<String> hostile = new ArrayList<>(LedgerHostileStringsTest.HOSTILE);
        hostile.add("c".repeat(20_000));
        hostile.add("\"quoted\"\u2028\u0001\u001f\\");
        List<DeployRecord> records = new ArrayList<>();
        int build = 1;
        for (String text : hostile) {
            records.add(DeployRecord.builder("production", "folder/" + text, build)
                    .buildUrl("job/" + text)
                    .commit(LedgerHostileStringsTest.oneWord(text))
                    .artifactFingerprint(LedgerHostileStringsTest.oneWord(text + "FP"))
                    .outcome(DeployOutcome.SUCCESS)
                    .reason(text)
                    .startedAt(T0.plus(Duration.ofMinutes(build)))
                    .duration(Duration.ofSeconds(build))
                    .trigger(text)
                    .message(text)
                    .build());
            build++;
        }
        LedgerSummary summary = fold(records);
        LedgerSummary decoded =
                LedgerSummaryFormat.decode(LedgerSummaryFormat.encode(summary)).orElseThrow();
        assertThat(decoded).isEqualTo(summary);
        LedgerSummary.Environment production =
                decoded.environment(EnvironmentName.of("production")).orElseThrow();
        for (DeployRecord record : records) {
            String commit = record.getCommit().orElseThrow();
            assertThat(production.lastSuccessWithCommit(commit)).isPresent();
            String upper = commit.toUpperCase(Locale.ROOT);
            // as CandidateIdentity compares: "ß" upper-cases to "SS", which equalsIgnoreCase does not match
            assertThat(production.lastSuccessWithCommit(upper).isPresent()).isEqualTo(upper.equalsIgnoreCase(commit));
            assertThat(production.lastSuccessWithArtifactFingerprint(
                            record.getArtifactFingerprint().orElseThrow()))
                    .map(LedgerSummary.Ref::buildNumber)
                    .contains(record.getBuildNumber());
        }
        assertThat(production.getLastCompleted()).isEqualTo(records);
    }

    private static LedgerSummary small() {
        List<DeployRecord> records = new ArrayList<>();
        DeployOutcome[] outcomes = DeployOutcome.values();
        for (int i = 0; i < 12; i++) {
            records.add(DeployRecord.builder(i % 3 == 0 ? "staging" : "production", "app", i + 1)
                    .outcome(outcomes[i % 4])
                    .startedAt(T0.plus(Duration.ofHours(20L * i)))
                    .duration(Duration.ofMillis(i * 997L))
                    .commit("abc" + (i % 5))
                    .artifactFingerprint(i % 2 == 0 ? "ff" + i : null)
                    .build());
        }
        return fold(records).toBuilder()
                .position(new Position(4321, "0123456789abcdef"))
                .build();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
