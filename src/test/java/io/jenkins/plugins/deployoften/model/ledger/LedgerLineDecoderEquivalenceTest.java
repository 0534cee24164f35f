package io.jenkins.plugins.deployoften.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.Test;

/**
 * Differential test: the streaming {@link LedgerLineFormat#decode(byte[])} against an independent strict
 * reference ({@link StrictTreeModelDecoder}: the JDK's UTF-8 decoder and Jackson's tree model), on encoded lines
 * of varied records and on many corrupted, retyped and hand-written lines. Both must accept the same lines with
 * the same record and stamp, and reject the same lines.
 */
public class LedgerLineDecoderEquivalenceTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** Byte values written over or inserted at every position of the mutated lines. */
    private static final byte[] BYTES = {
        '"',
        '\\',
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        ' ',
        '\t',
        '\n',
        '0',
        '1',
        '9',
        '-',
        '+',
        '.',
        'e',
        'Z',
        'T',
        'n',
        'x',
        0x00,
        0x1f,
        0x7f,
        (byte) 0x80,
        (byte) 0xc3,
        (byte) 0xe2,
        (byte) 0xf0,
        (byte) 0xff
    };

    /** Values put in place of each field's own value (JSON text). */
    private static final List<String> VALUES = List.of(
            "1",
            "0",
            "-1",
            "2",
            "7",
            "\"1\"",
            "\"7\"",
            "\" 1 \"",
            "\"+1\"",
            "\"1.9\"",
            "\"1e0\"",
            "\"0x1\"",
            "\"1d\"",
            "\"1f\"",
            "\"NaN\"",
            "\"\"",
            "\" \"",
            "\"x\"",
            "1.0",
            "1.9",
            "3.7",
            "-0.5",
            "0.5",
            "1e3",
            "1E0",
            "1e-3",
            "-0",
            "-0.0",
            "1e400",
            "-1e400",
            "1.0000000000000001",
            "true",
            "false",
            "null",
            "{}",
            "[]",
            "[1]",
            "{\"a\":[1,{\"b\":\"c\"}]}",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "4294967297",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551617",
            "9.223372036854775807E18",
            "9.3E18",
            "2.1474836475E9",
            "1.5e9",
            "123456789012345678901234567890",
            "\"SUCCESS\"",
            "\"success\"",
            "\"SKIPPED\"",
            "\"production\"",
            "\"Production\"",
            "\"bad env!\"",
            "\"2026-01-05T09:00:00Z\"",
            "\"2026-01-05T09:00:00.5Z\"",
            "\"2026-01-05T09:00:00.123456789Z\"",
            "\"2026-01-05T09:00:00.1234567890Z\"",
            "\"2026-01-05T10:00:00+01:00\"",
            "\"2026-01-05t09:00:00z\"",
            "\"2026-01-05T24:00:00Z\"",
            "\"2026-12-31T23:59:60Z\"",
            "\"2024-02-29T00:00:00Z\"",
            "\"2026-02-29T00:00:00Z\"",
            "\"+10000-01-01T00:00:00Z\"",
            "\"-0001-01-01T00:00:00Z\"",
            "\"0000-01-01T00:00:00Z\"",
            "\"2026-01-05 09:00:00Z\"",
            "\"2026-01-05T09:00Z\"",
            "\"\\u0032026-01-05T09:00:00Z\"",
            "\"\\ud800\"",
            "\"\\u0000\"");

    private static final List<String> FIELDS = List.of(
            "v",
            "recorded",
            "environment",
            "job",
            "build",
            "buildUrl",
            "commit",
            "commitTime",
            "artifact",
            "outcome",
            "reason",
            "started",
            "durationMs",
            "trigger",
            "message");

    private int compared;
    private int accepted;

    @Test
    public void encodedLinesOfVariedRecordsDecodeTheSameAndRoundTrip() {
        Random random = new Random(20261201);
        List<DeployRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(randomRecord(random, i));
        }
        for (DeployRecord record : records) {
            Instant recordedAt = randomInstant(random);
            byte[] line = withoutNewline(LedgerLineFormat.encode(record, recordedAt));
            Optional<LedgerLineFormat.Line> decoded = assertSame(line);
            assertThat(decoded).as(text(line)).isPresent();
            assertThat(decoded.get().getRecord()).isEqualTo(record);
            assertThat(decoded.get().getRecordedAt()).isEqualTo(recordedAt);
        }
        System.out.println("encoded lines: " + compared + " compared, " + accepted + " accepted");
        assertThat(compared).isEqualTo(records.size());
    }

    @Test
    public void everyTruncationFlipDeletionAndInsertionDecodesTheSame() {
        Random random = new Random(7);
        List<byte[]> lines = new ArrayList<>();
        lines.add(withoutNewline(LedgerLineFormat.encode(fullRecord("plain text"), T0)));
        lines.add(withoutNewline(LedgerLineFormat.encode(
                DeployRecord.builder("staging", "a", 1)
                        .outcome(DeployOutcome.SUCCESS)
                        .startedAt(T0)
                        .build(),
                T0.plusNanos(123_000_000))));
        lines.add(withoutNewline(
                LedgerLineFormat.encode(fullRecord("q\"b\\\n\u2028😀é\u0000"), T0.plusNanos(123_456_789))));
        lines.add(withoutNewline(LedgerLineFormat.encode(randomRecord(random, 5), randomInstant(random))));
        for (byte[] line : lines) {
            for (int end = 0; end <= line.length; end++) {
                assertSame(Arrays.copyOf(line, end));
            }
            for (int at = 0; at < line.length; at++) {
                byte[] deleted = new byte[line.length - 1];
                System.arraycopy(line, 0, deleted, 0, at);
                System.arraycopy(line, at + 1, deleted, at, line.length - at - 1);
                assertSame(deleted);
                for (int bit = 0; bit < 8; bit++) {
                    byte[] flipped = line.clone();
                    flipped[at] ^= (byte) (1 << bit);
                    assertSame(flipped);
                }
                for (byte b : BYTES) {
                    byte[] replaced = line.clone();
                    replaced[at] = b;
                    assertSame(replaced);
                }
            }
            for (int at = 0; at <= line.length; at++) {
                for (byte b : BYTES) {
                    byte[] inserted = new byte[line.length + 1];
                    System.arraycopy(line, 0, inserted, 0, at);
                    inserted[at] = b;
                    System.arraycopy(line, at, inserted, at + 1, line.length - at);
                    assertSame(inserted);
                }
            }
        }
        System.out.println("mutated lines: " + compared + " compared, " + accepted + " accepted");
        assertThat(accepted).isGreaterThan(1_000);
    }

    @Test
    public void retypedMissingAndRepeatedFieldsDecodeTheSame() {
        Map<String, String> base = baseFields();
        assertThat(assertSame(json(base))).isPresent();
        for (String field : FIELDS) {
            Map<String, String> without = new LinkedHashMap<>(base);
            without.remove(field);
            assertSame(json(without));
            for (String value : VALUES) {
                Map<String, String> retyped = new LinkedHashMap<>(base);
                retyped.put(field, value);
                assertSame(json(retyped));
                // duplicate keys: refused, whichever is the good one
                String object = json(base);
                assertSame(object.substring(0, object.length() - 1) + ",\"" + field + "\":" + value + "}");
                assertSame("{\"" + field + "\":" + value + "," + json(base).substring(1));
            }
        }
        System.out.println("retyped lines: " + compared + " compared, " + accepted + " accepted");
        assertThat(accepted).isGreaterThan(100);
    }

    @Test
    public void unknownFieldsWholeLineOddsAndEndsDecodeTheSame() {
        String good = json(baseFields());
        String body = good.substring(1, good.length() - 1);
        List<String> lines = new ArrayList<>(List.of(
                good,
                "",
                " ",
                "\t\r",
                "null",
                "1",
                "\"text\"",
                "[]",
                "[" + good + "]",
                "{}",
                good + good,
                good + " " + good,
                good + "\n" + good,
                good + " ",
                " " + good,
                good + "\r",
                good + "\t \r\n ",
                good + "x",
                good + ",",
                good + "}",
                good + "]",
                good + "\u0000",
                good + "//c",
                good + "/*c*/",
                good + "null",
                good + "1",
                "\ufeff" + good,
                "\ufeff\ufeff" + good,
                good.replace(",", " , "),
                good.replace(":", " : "),
                good.replace("\"v\":1", "\"v\" :1"),
                "{" + body + ",}",
                "{," + body + "}",
                "{" + body.replace(",", ",,") + "}",
                "{'v':1," + body.substring(6) + "}",
                "{v:1," + body.substring(6) + "}",
                good.replace("\"v\":1", "\"v\":01"),
                good.replace("\"v\":1", "\"v\":+1"),
                good.replace("\"v\":1", "\"v\":1.e0"),
                good.replace("\"v\":1", "\"v\":NaN"),
                good.replace("\"v\":1", "\"v\":2"),
                good.replace("\"v\":1", "\"V\":1"),
                good.replace("\"v\":1", "\"v\":1,\"v\":2"),
                good.replace("\"v\":1", "\"v\":2,\"v\":1"),
                good.replace("\"v\":1", "\"v\\u0000\":1"),
                good.replace("\"job\"", "\"j\\u006fb\""),
                good.replace("SUCCESS", "SUC\\u0043ESS"),
                good.replace("production", "produc\\tion"),
                good.replace("production", "produc\\qion"),
                good.replace("production", "produc\\u00"),
                good.replace("production", "prod\ttab"),
                good.replace("production", "prod\u007fdel")));
        List<String> unknownValues = List.of(
                "1",
                "1.5",
                "-1e999",
                "true",
                "null",
                "\"x\"",
                "\"\\ud800\"",
                "\"\\uZZZZ\"",
                "{}",
                "[]",
                "{\"a\":{\"b\":[1,2,{\"c\":null}]}}",
                "[[[[[[[[[[]]]]]]]]]]",
                "[[[[[[[[[[]]]]]]]]]",
                "{\"a\":1,\"a\":2}",
                "{\"environment\":\"other\",\"v\":2}",
                "[\"v\",2]",
                "{\"x\":\"\\q\"}",
                "{\"x\":01}",
                "[1,]",
                "\"" + "x".repeat(100_000) + "\"",
                "1" + "0".repeat(999),
                "1" + "0".repeat(1000),
                "[".repeat(400) + "]".repeat(400),
                "[".repeat(1500) + "]".repeat(1500),
                "{\"a\":".repeat(600) + "1" + "}".repeat(600));
        for (String value : unknownValues) {
            lines.add("{\"unknown\":" + value + "," + body + "}");
            lines.add("{" + body + ",\"unknown\":" + value + "}");
            lines.add("{" + body.replace(",\"job\"", ",\"extra\":" + value + ",\"job\"") + "}");
        }
        for (String line : lines) {
            assertSame(line);
        }
        byte[] invalidUtf8 = {
            (byte) 0xff,
            (byte) 0xfe,
            (byte) 0xc3,
            (byte) 0x28,
            (byte) 0xe2,
            (byte) 0x82,
            (byte) 0xed,
            (byte) 0xa0,
            (byte) 0x80,
            (byte) 0xf4,
            (byte) 0x90,
            (byte) 0x80,
            (byte) 0x80,
            (byte) 0xc0,
            (byte) 0xaf
        };
        for (int i = 0; i < invalidUtf8.length; i++) {
            for (int length = 1; length <= 4 && i + length <= invalidUtf8.length; length++) {
                byte[] bytes = Arrays.copyOfRange(invalidUtf8, i, i + length);
                for (String where : List.of("\"unknown\":\"", "\"unknown\":[\"", "\"unknown\":{\"", "\"message\":\"")) {
                    String prefix = "{" + body + "," + where;
                    String suffix = where.endsWith("[\"") ? "\"]}" : where.endsWith("{\"") ? "\":1}}" : "\"}";
                    byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
                    byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
                    byte[] line = new byte[head.length + bytes.length + tail.length];
                    System.arraycopy(head, 0, line, 0, head.length);
                    System.arraycopy(bytes, 0, line, head.length, bytes.length);
                    System.arraycopy(tail, 0, line, head.length + bytes.length, tail.length);
                    assertSame(line);
                }
            }
        }
        // UTF-16 and UTF-32, which Jackson detects from the first bytes
        for (java.nio.charset.Charset charset :
                List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16)) {
            assertSame(good.getBytes(charset));
        }
        assertSame(good.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
        System.out.println("odd lines: " + compared + " compared, " + accepted + " accepted");
        assertThat(accepted).isGreaterThan(40);
    }

    /** Asserts both decoders agree on the line and returns the result. */
    private Optional<LedgerLineFormat.Line> assertSame(byte[] line) {
        Optional<LedgerLineFormat.Line> expected = StrictTreeModelDecoder.decode(line);
        Optional<LedgerLineFormat.Line> actual = LedgerLineFormat.decode(line);
        compared++;
        assertThat(actual.isPresent())
                .as("accepted by the streaming decoder as by the tree model: %s", text(line))
                .isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            accepted++;
            assertThat(actual.get().getRecord())
                    .as(text(line))
                    .isEqualTo(expected.get().getRecord());
            assertThat(actual.get().getRecordedAt())
                    .as(text(line))
                    .isEqualTo(expected.get().getRecordedAt());
            assertThat(LedgerLineFormat.encode(
                            actual.get().getRecord(), actual.get().getRecordedAt()))
                    .as(text(line))
                    .isEqualTo(LedgerLineFormat.encode(
                            expected.get().getRecord(), expected.get().getRecordedAt()));
        }
        return actual;
    }

    private Optional<LedgerLineFormat.Line> assertSame(String line) {
        return assertSame(line.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> baseFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("v", "1");
        fields.put("recorded", "\"2026-01-05T09:10:00.123Z\"");
        fields.put("environment", "\"production\"");
        fields.put("job", "\"folder/app\"");
        fields.put("build", "7");
        fields.put("buildUrl", "\"job/folder/job/app/7/\"");
        fields.put("commit", "\"abc123\"");
        fields.put("commitTime", "\"2026-01-05T08:00:00Z\"");
        fields.put("artifact", "\"d41d8cd98f00b204e9800998ecf8427e\"");
        fields.put("outcome", "\"SUCCESS\"");
        fields.put("reason", "\"because\"");
        fields.put("started", "\"2026-01-05T09:00:00.123456Z\"");
        fields.put("durationMs", "600000");
        fields.put("trigger", "\"alice\"");
        fields.put("message", "\"hello\"");
        return fields;
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":").append(value);
        });
        return json.append('}').toString();
    }

    private static DeployRecord fullRecord(String text) {
        return DeployRecord.builder("production", "folder/app " + text, 42)
                .buildUrl("job/folder/job/app/42/")
                .commit(LedgerHostileStringsTest.oneWord("abc" + text))
                .commitTime(T0.minusSeconds(3600))
                .artifactFingerprint("d41d8cd98f00b204e9800998ecf8427e")
                .outcome(DeployOutcome.FAILURE)
                .reason(text)
                .startedAt(T0.minusNanos(1))
                .duration(Duration.ofMillis(1234))
                .trigger(text)
                .message(text)
                .build();
    }

    private static DeployRecord randomRecord(Random random, int i) {
        List<String> hostile = LedgerHostileStringsTest.HOSTILE;
        String[] environments = {"production", "staging", "qa-1", "eu.prod_2"};
        DeployOutcome[] outcomes = DeployOutcome.values();
        int[] builds = {1, 2, 42, 999_999, Integer.MAX_VALUE, 1 + random.nextInt(Integer.MAX_VALUE)};
        // the longest: from the earliest instant a record may hold to the latest, for a deploy started at the earliest
        long longest =
                Duration.between(DeployRecord.EARLIEST, DeployRecord.LATEST).toMillis();
        long[] durations = {0, 1, 999, 60_000, 86_400_000L * 365, longest, random.nextInt(Integer.MAX_VALUE)};
        Duration duration = Duration.ofMillis(durations[random.nextInt(durations.length)]);
        Instant started = randomInstant(random);
        if (Duration.between(started, DeployRecord.LATEST).compareTo(duration) < 0) {
            started = DeployRecord.EARLIEST; // so that even the longest duration ends in the range
        }
        DeployRecord.Builder builder = DeployRecord.builder(
                        environments[random.nextInt(environments.length)],
                        "job " + i + " " + pick(random, hostile),
                        builds[random.nextInt(builds.length)])
                .outcome(outcomes[random.nextInt(outcomes.length)])
                .startedAt(started)
                .duration(duration);
        if (random.nextBoolean()) {
            builder.buildUrl("job/" + pick(random, hostile) + "/" + i + "/");
        }
        if (random.nextBoolean()) {
            builder.commit(LedgerHostileStringsTest.oneWord(pick(random, hostile)));
        }
        if (random.nextBoolean()) {
            builder.commitTime(randomInstant(random));
        }
        if (random.nextBoolean()) {
            builder.artifactFingerprint(LedgerHostileStringsTest.oneWord(pick(random, hostile)));
        }
        if (random.nextBoolean()) {
            builder.reason(pick(random, hostile));
        }
        if (random.nextBoolean()) {
            builder.trigger(pick(random, hostile));
        }
        if (random.nextBoolean()) {
            builder.message(pick(random, hostile));
        }
        return builder.build();
    }

    private static String pick(Random random, List<String> texts) {
        return random.nextInt(4) == 0 ? "plain " + random.nextInt(1000) : texts.get(random.nextInt(texts.size()));
    }

    /** Instants a record may hold ({@link DeployRecord#EARLIEST} to {@link DeployRecord#LATEST}) of every fraction length Instant.toString writes, mostly 1970 to 2100. */
    static Instant randomInstant(Random random) {
        long seconds;
        switch (random.nextInt(10)) {
            case 0:
                seconds = DeployRecord.EARLIEST.getEpochSecond() + (long) (random.nextDouble() * 1e6);
                break;
            case 1:
                // far enough from the end of the range for the records' durations
                seconds = DeployRecord.LATEST.getEpochSecond() - 3_000_000 - (long) (random.nextDouble() * 1e6);
                break;
            case 2:
                seconds = (long) (random.nextDouble() * DeployRecord.LATEST.getEpochSecond() * 0.99); // to year 9900
                break;
            default:
                seconds = (long) (random.nextDouble() * 4_102_444_800L); // 1970 to 2100
                break;
        }
        int nanos;
        switch (random.nextInt(4)) {
            case 0:
                nanos = 0;
                break;
            case 1:
                nanos = random.nextInt(1000) * 1_000_000;
                break;
            case 2:
                nanos = random.nextInt(1_000_000) * 1_000;
                break;
            default:
                nanos = random.nextInt(1_000_000_000);
                break;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Instants of every fraction length Instant.toString writes, mostly 1970 to 2100, some at the ends of Instant. */
    static Instant anyInstant(Random random) {
        long seconds;
        switch (random.nextInt(10)) {
            case 0:
                seconds = Instant.MIN.getEpochSecond() + (long) (random.nextDouble() * 1e9);
                break;
            case 1:
                seconds = Instant.MAX.getEpochSecond() - (long) (random.nextDouble() * 1e9);
                break;
            case 2:
                seconds = (long) ((random.nextDouble() - 0.5) * 2 * 400_000_000_000L); // years about -10700 to 14600
                break;
            default:
                seconds = (long) (random.nextDouble() * 4_102_444_800L); // 1970 to 2100
                break;
        }
        int nanos;
        switch (random.nextInt(4)) {
            case 0:
                nanos = 0;
                break;
            case 1:
                nanos = random.nextInt(1000) * 1_000_000;
                break;
            case 2:
                nanos = random.nextInt(1_000_000) * 1_000;
                break;
            default:
                nanos = random.nextInt(1_000_000_000);
                break;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static byte[] withoutNewline(byte[] line) {
        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        return Arrays.copyOf(line, line.length - 1);
    }

    private static String text(byte[] line) {
        String text = new String(line, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "... (" + line.length + " bytes)" : text;
    }
}
