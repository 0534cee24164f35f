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
import java.util.concurrent.atomic.AtomicInteger;
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
    public void everyTruncationIsUnreadable() {
        LedgerSummary summary = small();
        byte[] encoded = LedgerSummaryFormat.encode(summary);
        for (int length = 0; length < encoded.length; length++) {
            assertThat(LedgerSummaryFormat.decode(Arrays.copyOf(encoded, length)))
                    .as("first %d of %d bytes", length, encoded.length)
                    .isEmpty();
        }
        assertThat(LedgerSummaryFormat.decode(encoded)).contains(summary);
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
        assertThat(text).startsWith("{\"v\":6,");
        for (String other : List.of(
                "{\"v\":1,", "{\"v\":5,", "{\"v\":7,", "{\"v\":0,", "{\"v\":\"6\",", "{\"v\":6.0,", "{\"v\":null,")) {
            assertThat(LedgerSummaryFormat.decode(
                            text.replaceFirst("^\\{\"v\":6,", java.util.regex.Matcher.quoteReplacement(other))
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
        String v1 = text.replaceFirst("^\\{\"v\":6,", "{\"v\":1,")
                .replaceFirst("\"latestStart\":\"[^\"]*\",", "")
                .replaceFirst("\"disorder\":\"[^\"]*\",", "");
        assertThat(v1).doesNotContain("disorder").doesNotContain("latestStart");
        assertThat(LedgerSummaryFormat.decode(v1.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // a version 2 summary (no streak, no recoveries, days without lead times and build numbers) too
        String v2 = text.replaceFirst("^\\{\"v\":6,", "{\"v\":2,")
                .replaceAll("\"streak\":\\[[^\\]]*\\],", "")
                .replaceAll("\"breaker\":\\[[^\\]]*\\],", "")
                .replaceAll(",\\[0[^\\]]*\\],\\[[0-9,]*\\]\\]", "]");
        assertThat(v2).doesNotContain("streak").contains("[20459,0,1,0,0,[0,346,1]]");
        assertThat(LedgerSummaryFormat.decode(v2.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // a version 5 summary (one object, the kept deploys and the indexes inline), even signed, too: rebuilt once
        String v5 = resigned(
                head(text).replaceFirst("^\\{\"v\":6,", "{\"v\":5,").replaceFirst(",\"tail\":\\[[^\\]]*\\]", ""));
        assertThat(v5).startsWith("{\"v\":5,").doesNotContain("\"tail\"");
        assertThat(LedgerSummaryFormat.decode(v5.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        // a version 4 summary (no last deploy that ran), even signed as written, too: rebuilt once with it
        String v4 = resigned(text.replaceFirst("^\\{\"v\":6,", "{\"v\":4,")
                .replaceAll("\"lastAttempt\":\"(\\\\.|[^\"\\\\])*\",", ""));
        assertThat(text).contains("\"lastAttempt\":");
        assertThat(v4).startsWith("{\"v\":4,").doesNotContain("lastAttempt");
        assertThat(LedgerSummaryFormat.decode(v4.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(LedgerSummaryFormat.decode(
                        resigned(v4.replaceFirst("^\\{\"v\":4,", "{\"v\":6,")).getBytes(StandardCharsets.UTF_8)))
                .as("the same without its last attempts, as version 6")
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

    /** Changes to the tail of {@link #small()}, each signed by the head as if written so: [what, changed into]. */
    private static final List<String[]> TAIL_MISFITS = List.of(
            new String[] {"[[\"abc3\",\"2026-01-12T01:00:00Z\",9]", "[[\"abc3\",\"2026-01-12T01:00:00Z\",\"9\"]"},
            new String[] {"[[\"abc3\",\"2026-01-12T01:00:00Z\",9]", "[[\"abc3\",\"yesterday\",9]"},
            new String[] {"[[\"abc3\",\"2026-01-12T01:00:00Z\",9]", "[[\"abc4\",\"2026-01-12T01:00:00Z\",9]"},
            new String[] {"[[5,\"2026-01-08T17:00:00Z\"]", "[[\"5\",\"2026-01-08T17:00:00Z\"]"},
            new String[] {"[[\"unknown A ff4\"", "[{},[\"unknown A ff4\""},
            new String[] {"[[\"ff4\",\"2026-01-08T17:00:00Z\",5]", "[[\"ff4\",\"2026-01-08T17:00:00Z\",5,2]"},
            new String[] {"[[[\"{", "[[[1,\"{"},
            // an unknown field in a kept record: a reader that ignored it would hide damage
            new String[] {"[[[\"{", "[[[\"{\\\"x\\\":1,"},
            new String[] {"]]]]\n", "]]],[]]\n"});

    @Test
    public void anythingWrongInTheTailIsUnreadableAtOnceFromTheWholeFileEvenUnderMatchingChecksums() {
        String text = new String(LedgerSummaryFormat.encode(small()), StandardCharsets.UTF_8);
        assertThat(LedgerSummaryFormat.decode(withTail(text, tail(text)).getBytes(StandardCharsets.UTF_8)))
                .as("the helper re-signs what it does not change as it was")
                .contains(small());
        for (String[] misfit : TAIL_MISFITS) {
            assertThat(tail(text)).contains(misfit[0]);
            String changed = withTail(
                    text, tail(text).replaceFirst(Pattern.quote(misfit[0]), Matcher.quoteReplacement(misfit[1])));
            assertThat(LedgerSummaryFormat.decode(changed.getBytes(StandardCharsets.UTF_8)))
                    .as(misfit[1])
                    .isEmpty();
        }
    }

    @Test
    public void aTailReadOnFirstUseThatDoesNotDecodeFailsThatUseAndNotTheRestOfTheSummary() {
        LedgerSummary summary = small();
        String text = new String(LedgerSummaryFormat.encode(summary), StandardCharsets.UTF_8);
        for (String[] misfit : TAIL_MISFITS) {
            String changed = withTail(
                    text, tail(text).replaceFirst(Pattern.quote(misfit[0]), Matcher.quoteReplacement(misfit[1])));
            LedgerSummary decoded =
                    lazily(changed, tail(changed).getBytes(StandardCharsets.UTF_8), new AtomicInteger());

            LedgerSummary.Environment production =
                    decoded.environment(EnvironmentName.of("production")).orElseThrow();
            LedgerSummary.Environment original =
                    summary.environment(EnvironmentName.of("production")).orElseThrow();
            assertThat(production.getDays()).isEqualTo(original.getDays());
            assertThat(production.getLast()).isEqualTo(original.getLast());
            assertThat(production.getLastCompleted()).hasSameSizeAs(original.getLastCompleted());
            assertThatThrownBy(() -> production.lastSuccessWithCommit("abc3"))
                    .as(misfit[1])
                    .isInstanceOf(UnreadableSummaryPartException.class)
                    .hasMessageContaining("does not decode");
            assertThatThrownBy(() -> production.getLastCompleted().get(0))
                    .as("every part of the tail, once it failed: %s", misfit[1])
                    .isInstanceOf(UnreadableSummaryPartException.class);
        }
    }

    @Test
    public void theTailIsReadOnceOnFirstUseAndMustBeTheOneTheHeadSigned() {
        LedgerSummary summary = small();
        String text = new String(LedgerSummaryFormat.encode(summary), StandardCharsets.UTF_8);
        byte[] tail = tail(text).getBytes(StandardCharsets.UTF_8);
        AtomicInteger reads = new AtomicInteger();

        LedgerSummary decoded = lazily(text, tail, reads);
        LedgerSummary.Environment production =
                decoded.environment(EnvironmentName.of("production")).orElseThrow();
        decoded.digest(EnvironmentName.of("production"));
        production.getLastSuccess();
        assertThat(reads).as("what the statistics read is in the head").hasValue(0);
        assertThat(production.lastSuccessWithCommit("abc3")).isPresent();
        assertThat(decoded).isEqualTo(summary);
        assertThat(reads).as("read once, for every part").hasValue(1);

        // the file replaced by another summary of the same length since the head was read
        byte[] other = tail.clone();
        int digit = tail(text).indexOf("2026-01-12T01:00:00Z") + 3;
        other[digit] = (byte) (other[digit] == '5' ? '4' : '5');
        LedgerSummary replaced = lazily(text, other, new AtomicInteger());
        assertThatThrownBy(() -> replaced.environment(EnvironmentName.of("staging"))
                        .orElseThrow()
                        .lastSuccessWithCommit("abc0"))
                .isInstanceOf(UnreadableSummaryPartException.class)
                .hasMessageContaining("does not match");
        // a file whose length is not what its head says is unreadable at once
        byte[] head = head(text).getBytes(StandardCharsets.UTF_8);
        assertThat(LedgerSummaryFormat.decode(head, tail.length - 1L, () -> tail))
                .isEmpty();
        assertThat(LedgerSummaryFormat.decode(head, tail.length + 1L, () -> tail))
                .isEmpty();
    }

    /** @return the summary of the file's head, its tail read from {@code tail} (counted in {@code reads}) */
    private static LedgerSummary lazily(String text, byte[] tail, AtomicInteger reads) {
        return LedgerSummaryFormat.decode(head(text).getBytes(StandardCharsets.UTF_8), tail.length, () -> {
                    reads.incrementAndGet();
                    return tail;
                })
                .orElseThrow();
    }

    @Test
    public void daysOrRecoveriesOutOfOrderAreUnreadableEvenWhenSigned() {
        String text = new String(LedgerSummaryFormat.encode(small()), StandardCharsets.UTF_8);
        assertThat(LedgerSummaryFormat.decode(resigned(text).getBytes(StandardCharsets.UTF_8)))
                .isPresent();
        for (String part : List.of("\"days\":[", "\"recoveries\":[")) {
            int at = text.indexOf(part);
            assertThat(at).as(part).isPositive();
            String swapped = swapFirstTwoEntries(text, at + part.length());
            assertThat(swapped).isNotEqualTo(text);
            assertThat(LedgerSummaryFormat.decode(resigned(swapped).getBytes(StandardCharsets.UTF_8)))
                    .as(part + " swapped")
                    .isEmpty();
        }
    }

    /** @return the text with the first two arrays that start at {@code from} (one after the other) swapped */
    private static String swapFirstTwoEntries(String text, int from) {
        int firstEnd = endOfArray(text, from);
        int secondEnd = endOfArray(text, firstEnd + 1);
        String first = text.substring(from, firstEnd);
        String second = text.substring(firstEnd + 1, secondEnd);
        return text.substring(0, from) + second + "," + first + text.substring(secondEnd);
    }

    /** @return the index just after the array that opens at {@code start} */
    private static int endOfArray(String text, int start) {
        assertThat(text.charAt(start)).isEqualTo('[');
        int depth = 0;
        for (int i = start; ; i++) {
            char c = text.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth == 0) {
                return i + 1;
            }
        }
    }

    /** @return the file's first line, its head, with its newline */
    private static String head(String text) {
        return text.substring(0, text.indexOf('\n') + 1);
    }

    /** @return what follows the head */
    private static String tail(String text) {
        return text.substring(text.indexOf('\n') + 1);
    }

    /** @return the file with its head's checksum computed again over the (changed) head, the tail as it was */
    private static String resigned(String text) {
        String head = head(text);
        String body = head.substring(0, head.lastIndexOf(",\"sha256\"")) + "}";
        return body.substring(0, body.length() - 1) + ",\"sha256\":\""
                + LedgerSummaryFormat.sha256(body.getBytes(StandardCharsets.UTF_8)) + "\"}\n" + tail(text);
    }

    /** @return the file with another tail, which its head describes and signs as if written so */
    private static String withTail(String text, String tail) {
        byte[] bytes = tail.getBytes(StandardCharsets.UTF_8);
        String head = head(text)
                .replaceFirst(
                        "\"tail\":\\[\\d+,\"[0-9a-f]+\"\\]",
                        "\"tail\":[" + bytes.length + ",\"" + LedgerSummaryFormat.sha256(bytes) + "\"]");
        return resigned(head + tail);
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
