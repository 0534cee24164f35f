package io.jenkins.plugins.deployoften.model.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Random damage to an audit file: bytes overwritten and bit-flipped, garbage and NULs inserted, ranges deleted,
 * newlines injected and lost (lines joined), the file truncated, invalid UTF-8 put into a text, a huge line put in.
 * {@link GateAuditLog#readRecent} never throws, and what it returns, with any limit, is computed here from the
 * damaged bytes, split into lines independently of the reader: a line byte-identical to an original line is that
 * entry; every other non-blank line is what the decoder makes of it, and is counted when unreadable. So is what
 * {@link GateAuditLog#glance} finds, which decodes only the lines that may hold its answer.
 *
 * <p>The decoder's judgement of a damaged line is checked against an independent strict reference (well-formed
 * UTF-8, exactly one JSON object, no key twice): {@link GateJson#decodeAudit} reads none of the first object of two
 * joined lines or of an object followed by more text, a key given twice, overlong and out-of-range UTF-8, a byte
 * order mark, UTF-16, a version {@code "1"} or {@code 1.9}, or a number where an optional text belongs.
 */
public class GateAuditLogCorruptionTest {
    private static final int SEEDS = 200;
    private static final int ENTRIES = 30;
    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0x80}, // continuation byte without a start
        {(byte) 0xFF}, // never valid
        {(byte) 0xC3}, // start of two bytes, none follows
        {(byte) 0xE2, (byte) 0x82}, // start of three bytes, one follows
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
        {(byte) 0xC0, (byte) 0x80}, // NUL in two bytes (overlong)
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // '/' in three bytes (overlong)
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // start byte beyond U+10FFFF
    };
    /** The sequences above that Jackson's UTF-8 parser already refuses inside a string. */
    private static final int REFUSED_BY_JACKSON = 5;

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final Map<ByteBuffer, GateAuditEntry> originalLines = new HashMap<>();
    private byte[] original;

    @Before
    public void writeOriginal() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 1; i <= ENTRIES; i++) {
            GateAuditEntry entry = AuditEntries.entry("déploiement ✓ n°" + i, i);
            byte[] line = GateJson.encodeAudit(entry);
            file.writeBytes(line);
            originalLines.put(ByteBuffer.wrap(Arrays.copyOf(line, line.length - 1)), entry);
        }
        original = file.toByteArray();
    }

    @Test(timeout = 120_000)
    public void readRecentNeverThrowsAndReturnsExactlyTheIntactEntriesNewestFirstAcrossManyCorruptions()
            throws IOException {
        int unreadable = 0;
        int changedButReadable = 0;
        int lenient = 0;
        int overridesFound = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            byte[] damaged = corrupt(original, new Random(seed));
            List<Optional<GateAuditEntry>> expected = expectedLines(damaged, GateJson::decodeAudit);
            overridesFound += assertReadsAsExpected(seed, damaged, expected);
            unreadable += (int) expected.stream().filter(Optional::isEmpty).count();
            changedButReadable +=
                    (int) (expected.stream().filter(Optional::isPresent).count()
                            - intactEntries(damaged).size());
            // known leniency of the decoder, checked by the ignored test below
            lenient += (int) (expected.stream().filter(Optional::isPresent).count()
                    - expectedLines(damaged, GateAuditLogCorruptionTest::strictlyDecoded).stream()
                            .filter(Optional::isPresent)
                            .count());
        }
        // the damage must really hit: on average more than one unreadable line per seed
        assertThat(unreadable).isGreaterThan(SEEDS);
        // and the glances must meet overrides (builds 7, 14, 21 and 28 have one), not only their absence
        assertThat(overridesFound).isGreaterThan(2 * SEEDS);
        System.out.println("GateAuditLogCorruptionTest: " + SEEDS + " seeds, " + unreadable + " unreadable lines, "
                + changedButReadable + " changed lines still readable, " + lenient
                + " of them not exactly one well-formed JSON object");
    }

    @Test(timeout = 120_000)
    public void damagedLinesThatAreNotExactlyOneWellFormedObjectAreSkipped() throws IOException {
        for (int seed = 0; seed < SEEDS; seed++) {
            byte[] damaged = corrupt(original, new Random(seed));
            assertReadsAsExpected(seed, damaged, expectedLines(damaged, GateAuditLogCorruptionTest::strictlyDecoded));
        }
    }

    /** @return how many of the glances checked found an override */
    private int assertReadsAsExpected(int seed, byte[] damaged, List<Optional<GateAuditEntry>> expectedOldestFirst)
            throws IOException {
        GateAuditLog log = new GateAuditLog(temporary.getRoot().toPath().resolve("seed-" + seed));
        Files.createDirectories(log.getFile().getParent());
        Files.write(log.getFile(), damaged);
        String context = "seed " + seed + ", damaged file:\n" + new String(damaged, StandardCharsets.UTF_8);
        List<Optional<GateAuditEntry>> newestFirst = new ArrayList<>(expectedOldestFirst);
        Collections.reverse(newestFirst);
        List<GateAuditEntry> entries =
                newestFirst.stream().flatMap(Optional::stream).toList();
        int skipped = (int) newestFirst.stream().filter(Optional::isEmpty).count();

        GateAuditRead all = log.readRecent(Integer.MAX_VALUE);
        assertThat(all.entries()).as(context).isEqualTo(entries);
        assertThat(all.skippedLines()).as(context).isEqualTo(skipped);
        assertThat(all.entries().size() + all.skippedLines())
                .as("entries + skipped = non-blank lines; " + context)
                .isEqualTo(expectedOldestFirst.size());
        assertThat(all.entries()).as(context).containsAll(intactEntries(damaged));

        for (int limit : new int[] {1, 2, 5, ENTRIES / 2}) {
            // the scan stops at the limit-th entry: the unreadable lines counted are those newer than it
            int taken = 0;
            int skippedUpToLimit = 0;
            for (Optional<GateAuditEntry> line : newestFirst) {
                if (taken == limit) {
                    break;
                }
                if (line.isPresent()) {
                    taken++;
                } else {
                    skippedUpToLimit++;
                }
            }
            GateAuditRead recent = log.readRecent(limit);
            assertThat(recent.entries())
                    .as("limit " + limit + ", " + context)
                    .isEqualTo(entries.subList(0, Math.min(limit, entries.size())));
            assertThat(recent.skippedLines())
                    .as("limit " + limit + ", " + context)
                    .isEqualTo(skippedUpToLimit);
        }
        int overridesFound = 0;
        for (int lines : new int[] {1, 2, 5, 8, ENTRIES}) {
            GateAuditGlance glance = log.glance(lines);
            assertThat(glance)
                    .as("glance over " + lines + " lines, " + context)
                    .isEqualTo(glanceOf(newestFirst, lines));
            overridesFound += glance.lastOverride().isPresent() ? 1 : 0;
        }
        return overridesFound;
    }

    /**
     * What {@link GateAuditLog#glance(int)} must find, from every line decoded: the newest readable decision, and
     * the newest override among the {@code lines} newest lines and the newest readable one.
     */
    private static GateAuditGlance glanceOf(List<Optional<GateAuditEntry>> newestFirst, int lines) {
        int latest = 0;
        while (latest < newestFirst.size() && newestFirst.get(latest).isEmpty()) {
            latest++;
        }
        Optional<GateOverride> override =
                newestFirst.subList(0, Math.min(newestFirst.size(), Math.max(lines, latest + 1))).stream()
                        .flatMap(Optional::stream)
                        .map(entry -> entry.decision().getOverride())
                        .flatMap(Optional::stream)
                        .findFirst();
        Optional<GateDecision> decision =
                latest < newestFirst.size() ? newestFirst.get(latest).map(GateAuditEntry::decision) : Optional.empty();
        return new GateAuditGlance(decision, override);
    }

    @Test
    public void twoEntriesJoinedOnOneLineAreOneUnreadableLineNotTheFirstEntry() throws IOException {
        // losing one newline must not silently turn two entries into the first one
        GateAuditLog log = new GateAuditLog(temporary.newFolder("joined").toPath());
        byte[] first = GateJson.encodeAudit(AuditEntries.entry("first", 1));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(first, 0, first.length - 1);
        file.writeBytes(GateJson.encodeAudit(AuditEntries.entry("second", 2)));
        file.writeBytes(GateJson.encodeAudit(AuditEntries.entry("third", 3)));
        Files.write(log.getFile(), file.toByteArray());

        GateAuditRead read = log.readRecent(10);

        assertThat(read.entries()).containsExactly(AuditEntries.entry("third", 3));
        assertThat(read.skippedLines()).isEqualTo(1);
    }

    @Test
    public void invalidUtf8InATextMakesItsLineUnreadableAndCostsNoOtherLine() throws IOException {
        assertInvalidUtf8LinesSkipped(Arrays.copyOf(INVALID_UTF8, REFUSED_BY_JACKSON));
    }

    @Test
    public void overlongAndOutOfRangeUtf8InATextMakeItsLineUnreadable() throws IOException {
        assertInvalidUtf8LinesSkipped(Arrays.copyOfRange(INVALID_UTF8, REFUSED_BY_JACKSON, INVALID_UTF8.length));
    }

    private void assertInvalidUtf8LinesSkipped(byte[][] sequences) throws IOException {
        GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
        GateAuditEntry before = AuditEntries.entry("before", 1);
        GateAuditEntry after = AuditEntries.entry("after", 2);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(GateJson.encodeAudit(before));
        List<String> readAsEntries = new ArrayList<>();
        for (byte[] sequence : sequences) {
            byte[] line = GateJson.encodeAudit(AuditEntries.entry("in@valid", 3));
            int at = indexOf(line, "in@valid".getBytes(StandardCharsets.UTF_8)) + 2;
            byte[] bad = splice(line, at, at + 1, sequence);
            assertThat(isWellFormedUtf8(bad)).isFalse();
            if (GateJson.decodeAudit(Arrays.copyOf(bad, bad.length - 1)).isPresent()) {
                readAsEntries.add(HexFormat.ofDelimiter(" ").formatHex(sequence));
            }
            file.writeBytes(bad);
        }
        file.writeBytes(GateJson.encodeAudit(after));
        Files.write(log.getFile(), file.toByteArray());
        assertThat(readAsEntries)
                .as("invalid UTF-8 sequences whose line reads as an entry")
                .isEmpty();

        GateAuditRead read = log.readRecent(10);

        assertThat(read.entries()).containsExactly(after, before);
        assertThat(read.skippedLines()).isEqualTo(sequences.length);
    }

    @Test
    public void hugeLinesAcrossManyReadChunksAreReadWholeOrSkippedWhole() throws IOException {
        GateAuditLog log = new GateAuditLog(temporary.newFolder("huge").toPath());
        // far longer than the reader's 64 KiB chunks, with multi-byte characters cut at chunk boundaries, and
        // within the longest line the reader takes (JsonLinesFile.MAX_LINE_BYTES, 1 MiB)
        GateAuditEntry huge = AuditEntries.entry("huge " + "é✓𝄞x".repeat(45_000), 2);
        GateAuditEntry first = AuditEntries.entry("first", 1);
        GateAuditEntry second = AuditEntries.entry("second", 3);
        GateAuditEntry third = AuditEntries.entry("third", 4);
        Random random = new Random(11);
        byte[] garbage = new byte[1_000_000];
        random.nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = garbage[i] == '\n' ? (byte) '{' : garbage[i];
        }
        byte[] hugeLine = GateJson.encodeAudit(huge);
        assertThat(hugeLine.length).isBetween(10 * 64 * 1024, 1024 * 1024);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(GateJson.encodeAudit(first));
        file.writeBytes(hugeLine);
        file.writeBytes(GateJson.encodeAudit(second));
        file.writeBytes(garbage);
        file.write('\n');
        file.writeBytes(GateJson.encodeAudit(third));
        // a huge entry torn in the middle: the file ends inside it
        file.write(hugeLine, 0, hugeLine.length / 2);
        Files.write(log.getFile(), file.toByteArray());

        GateAuditRead all = log.readRecent(Integer.MAX_VALUE);
        assertThat(all.entries()).containsExactly(third, second, huge, first);
        assertThat(all.skippedLines()).isEqualTo(2);
        assertThat(log.readRecent(1).entries()).containsExactly(third);
        assertThat(log.readRecent(1).skippedLines()).isEqualTo(1);
        GateAuditRead three = log.readRecent(3);
        assertThat(three.entries()).containsExactly(third, second, huge);
        assertThat(three.skippedLines()).isEqualTo(2);

        GateAuditEntry next = AuditEntries.entry("next", 5);
        log.append(next);
        GateAuditRead afterAppend = log.readRecent(Integer.MAX_VALUE);
        assertThat(afterAppend.entries()).containsExactly(next, third, second, huge, first);
        assertThat(afterAppend.skippedLines()).isEqualTo(2);
    }

    @Test
    public void lenientFormsOfAGoodLineAreUnreadableAndCounted() throws IOException {
        GateAuditEntry entry = AuditEntries.entry("lenient", 7);
        String good = new String(GateJson.encodeAudit(entry), StandardCharsets.UTF_8).strip();
        assertThat(good).contains("\"v\":1,", "\"build\":7,", "\"job\":\"folder/app\"", "\"skippedLedgerLines\":1");
        Map<String, byte[]> lenient = new LinkedHashMap<>();
        lenient.put("two objects on one line", bytes(good + good));
        lenient.put("an object after the object", bytes(good + " {}"));
        lenient.put("a stray ] after the object", bytes(good + "]"));
        lenient.put("version as text", bytes(good.replace("\"v\":1,", "\"v\":\"1\",")));
        lenient.put("version 1.0", bytes(good.replace("\"v\":1,", "\"v\":1.0,")));
        lenient.put("version 1.9", bytes(good.replace("\"v\":1,", "\"v\":1.9,")));
        lenient.put("build twice", bytes(good.replace("\"build\":7,", "\"build\":8,\"build\":7,")));
        lenient.put(
                "job twice", bytes(good.replace("\"job\":\"folder/app\"", "\"job\":\"other\",\"job\":\"folder/app\"")));
        lenient.put(
                "evaluated twice", bytes(good.replace("\"v\":1,", "\"v\":1,\"evaluated\":\"2020-01-01T00:00:00Z\",")));
        lenient.put(
                "remedy a number",
                bytes(good.replace("\"explanation\":\"lenient\"", "\"explanation\":\"lenient\",\"remedy\":5")));
        lenient.put(
                "commit a number",
                bytes(good.replace("\"candidate\":{\"commit\":\"a1b2ca\"", "\"candidate\":{\"commit\":5")));
        lenient.put(
                "skippedLedgerLines negative",
                bytes(good.replace("\"skippedLedgerLines\":1", "\"skippedLedgerLines\":-1")));
        lenient.put("a byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(good)));
        lenient.put("UTF-16", good.getBytes(StandardCharsets.UTF_16BE));
        for (Map.Entry<String, byte[]> form : lenient.entrySet()) {
            assertThat(form.getValue()).as(form.getKey()).isNotEqualTo(bytes(good));
        }
        GateAuditLog log = new GateAuditLog(temporary.newFolder().toPath());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (byte[] line : lenient.values()) {
            file.writeBytes(line);
            file.write('\n');
        }
        file.writeBytes(GateJson.encodeAudit(entry));
        Files.write(log.getFile(), file.toByteArray());

        List<String> readAsEntries = lenient.entrySet().stream()
                .filter(form -> GateJson.decodeAudit(form.getValue()).isPresent())
                .map(Map.Entry::getKey)
                .toList();
        assertThat(readAsEntries).as("lenient forms read as entries").isEmpty();
        GateAuditRead read = log.readRecent(100);
        assertThat(read.entries()).containsExactly(entry);
        assertThat(read.skippedLines()).isEqualTo(lenient.size());
    }

    /** Applies 1 to 4 random kinds of damage; a huge line, when drawn, goes in last. */
    private static byte[] corrupt(byte[] original, Random random) {
        byte[] bytes = original;
        boolean hugeLine = false;
        int damages = 1 + random.nextInt(4);
        for (int d = 0; d < damages && bytes.length > 0; d++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(10)) {
                case 0: // overwrite a few bytes with random values
                    byte[] noise = new byte[Math.min(1 + random.nextInt(4), bytes.length - at)];
                    random.nextBytes(noise);
                    bytes = splice(bytes, at, at + noise.length, noise);
                    break;
                case 1: // flip one bit
                    bytes = bytes.clone();
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 2: // insert garbage
                    byte[] garbage = new byte[1 + random.nextInt(8)];
                    random.nextBytes(garbage);
                    bytes = splice(bytes, at, at, garbage);
                    break;
                case 3: // delete a range, possibly across lines
                    bytes = splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(400)), new byte[0]);
                    break;
                case 4: // inject a newline
                    bytes = splice(bytes, at, at, new byte[] {'\n'});
                    break;
                case 5: // insert NULs, as a file system may after a crash
                    bytes = splice(bytes, at, at, new byte[1 + random.nextInt(16)]);
                    break;
                case 6: // join two lines by losing a newline
                    int newline = indexOf(bytes, at, (byte) '\n');
                    if (newline >= 0 && newline < bytes.length - 1) {
                        bytes = splice(bytes, newline, newline + 1, new byte[0]);
                    }
                    break;
                case 7: // truncated: the end of the file lost
                    bytes = Arrays.copyOf(bytes, at);
                    break;
                case 8: // invalid UTF-8 in a text, where the decoder's string handling meets it
                    int text = indexOf(bytes, "\"explanation\":\"".getBytes(StandardCharsets.UTF_8), at);
                    int into = text < 0 ? at : text + "\"explanation\":\"".length() + 1;
                    bytes = splice(bytes, into, into, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
                    break;
                default:
                    hugeLine = true;
                    break;
            }
        }
        if (hugeLine && bytes.length > 0) {
            // a huge run without newlines, alone on its line or merged into the line it lands in
            byte[] huge = new byte[70_000 + random.nextInt(130_000)];
            random.nextBytes(huge);
            for (int i = 0; i < huge.length; i++) {
                huge[i] = huge[i] == '\n' ? (byte) ' ' : huge[i];
            }
            if (random.nextBoolean()) {
                huge[0] = '\n';
                huge[huge.length - 1] = '\n';
            }
            int at = random.nextInt(bytes.length);
            bytes = splice(bytes, at, at, huge);
        }
        return bytes;
    }

    /** One entry per non-blank line: the entry it must read as, or empty when it must be skipped. */
    private List<Optional<GateAuditEntry>> expectedLines(
            byte[] damaged, Function<byte[], Optional<GateAuditEntry>> changedLine) {
        List<Optional<GateAuditEntry>> lines = new ArrayList<>();
        for (byte[] line : split(damaged)) {
            if (isBlank(line)) {
                continue;
            }
            GateAuditEntry intact = originalLines.get(ByteBuffer.wrap(line));
            lines.add(intact != null ? Optional.of(intact) : changedLine.apply(line));
        }
        return lines;
    }

    private List<GateAuditEntry> intactEntries(byte[] damaged) {
        List<GateAuditEntry> intact = new ArrayList<>();
        for (byte[] line : split(damaged)) {
            GateAuditEntry entry = originalLines.get(ByteBuffer.wrap(line));
            if (entry != null) {
                intact.add(0, entry);
            }
        }
        return intact;
    }

    /** The decoder's entry, for a line of well-formed UTF-8 that is exactly one JSON object with no key twice. */
    private static Optional<GateAuditEntry> strictlyDecoded(byte[] line) {
        if (!isWellFormedUtf8(line)) {
            return Optional.empty();
        }
        try {
            JsonNode node = STRICT.readTree(line);
            return node != null && node.isObject() ? GateJson.decodeAudit(line) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isWellFormedUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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

    /** Blank as the log writes nothing but may meet after damage: spaces, tabs and carriage returns. */
    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** @return {@code bytes} with {@code [from, to)} replaced by {@code replacement} */
    private static byte[] splice(byte[] bytes, int from, int to, byte[] replacement) {
        byte[] result = new byte[bytes.length - (to - from) + replacement.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(replacement, 0, result, from, replacement.length);
        System.arraycopy(bytes, to, result, from + replacement.length, bytes.length - to);
        return result;
    }

    private static int indexOf(byte[] bytes, int from, byte wanted) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        return indexOf(bytes, wanted, 0);
    }

    private static int indexOf(byte[] bytes, byte[] wanted, int from) {
        outer:
        for (int i = from; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
