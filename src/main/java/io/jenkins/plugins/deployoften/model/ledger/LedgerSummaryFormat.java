package io.jenkins.plugins.deployoften.model.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.deployoften.model.BuildNumbers;
import io.jenkins.plugins.deployoften.model.DeployCounts;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DurationSketch;
import io.jenkins.plugins.deployoften.model.DurationSketchJson;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.SignedJson;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Environment;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Pending;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Position;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Ref;
import io.jenkins.plugins.deployoften.model.ledger.LedgerSummary.Streak;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The summary file's format, version 5: one JSON object, UTF-8, ending with a newline.
 *
 * <pre>
 * v             format version (5)
 * length        the ledger length in bytes the summary reflects
 * lastLine      the hash of the ledger's last non-blank line, see {@link Position}
 * records       records folded
 * skipped       unreadable ledger lines met
 * latestStart   the latest start of the records, in append order the running maximum ({@link
 *               LedgerSummary#getLatestStart()}); absent exactly when there are no records
 * disorder      how far back in start time any record went below the latest start before it ({@link
 *               LedgerSummary#getDisorder()}), as an ISO-8601 duration ({@link Duration#toString()})
 * environments  one object per environment, by name:
 *   name          environment name
 *   records       its records
 *   first, last   the first and last record by start time, each as its ledger line (see below)
 *   lastSuccess   the last successful deploy by start time, as a ledger line (absent when none)
 *   lastAttempt   the last deploy that ran (not SKIPPED) by start time, as a ledger line (absent when none)
 *   completed     the newest completed deploys by start time, oldest first, as ledger lines
 *   streak        the current run ({@link Streak}): [outcome, length, exact]; absent when nothing completed
 *   breaker       where the run ends: [started, build]; absent when the run is every completed deploy
 *   days          per UTC start day: [epochDay, successful, failed, aborted, skipped, durations, leadTimes,
 *                 builds], each sketch ({@link DurationSketch}) as [zeros, bucket, count, ...], the builds
 *                 ({@link BuildNumbers}) as [first, last, flags, ...] or null when there are too many
 *   recoveries    per UTC start day of the failures: [epochDay, sketch of their recovery times]
 *   pending       the failures waiting for a success: [started, ended] each, oldest first
 *   recoveriesInexactThrough   the latest start of a failure whose recovery may be wrong; absent when none
 *   commits       [key, started, build] per commit key ({@link LedgerSummary#identityKey(String)})
 *   artifacts     [key, started, build] per artifact fingerprint key
 *   builds        [build, started] per build number
 *   sourced       [key, started, build] per source and identity ({@link LedgerSummary#sourcedKey})
 * sha256        SHA-256 (hex) of the object as written without this field
 * </pre>
 *
 * A record is kept as the text of its ledger line ({@link LedgerLineFormat}, with {@code "recorded"} set to the
 * epoch: the summary never depends on when a line was recorded). Instants are ISO-8601 UTC strings.
 *
 * <p>Version 2 added {@code latestStart} and {@code disorder}; version 3 the exact streak, the lead-time
 * sketches, the build numbers and the recovery times (what the statistics read); version 4 the index by source
 * ({@code sourced}), and records keep their {@code source} in their ledger lines; version 5 {@code lastAttempt}
 * (so the deploy that ran last is a look-up even when SKIPPED records started after it). An older summary is
 * unreadable like any other version, so the ledger rebuilds it by one forward scan on the first look-up (a summary
 * is a cache: nothing is lost), and that rebuild writes version 5.
 *
 * <p>Decoding is strict: anything but exactly what version 5 writes (another version, a torn or corrupted file,
 * an unknown field, counts that do not add up, a checksum that does not match the content) is unreadable, and
 * {@link #decode(byte[])} returns empty; it never throws. The checksum is checked over the file's own bytes
 * (everything before the checksum field, closed by a brace: the body as it was signed), not over an encoding made
 * again, so decoding encodes nothing, and a file that decodes at all holds exactly the bytes that were written.
 * The candidate indexes ({@code commits}, {@code artifacts}, {@code builds}, {@code sourced}) and the kept
 * {@code completed} deploys, most of the file, are checked for their shape (each entry's kinds of tokens) and kept
 * as their bytes, decoded on first use ({@link RefIndex#lazy}, {@link LazyList}): a file this format wrote always
 * decodes then, as the checksum vouches for its bytes; one that does not (forged with a matching checksum) makes
 * that use throw {@link IllegalStateException}.
 */
public final class LedgerSummaryFormat {
    /** The version this code writes and reads. */
    public static final int VERSION = 5;

    private static final JsonFactory FACTORY = new JsonFactory();

    private LedgerSummaryFormat() {}

    /**
     * @param summary the summary
     * @return the file's bytes, newline included
     */
    public static byte[] encode(LedgerSummary summary) {
        return SignedJson.sign(body(summary));
    }

    /**
     * @param bytes the file's bytes
     * @return the summary, or empty when the bytes are not exactly a version 5 summary
     */
    public static Optional<LedgerSummary> decode(byte[] bytes) {
        try (JsonParser json = FACTORY.createParser(bytes)) {
            Decoded decoded = readSummary(json, bytes);
            if (json.nextToken() != null) {
                return Optional.empty();
            }
            if (decoded.sha256 == null || !decoded.sha256.equals(SignedJson.sha256OfSignedObject(bytes))) {
                return Optional.empty();
            }
            return Optional.of(decoded.summary);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- encoding

    private static byte[] body(LedgerSummary summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("v", VERSION);
            json.writeNumberField("length", summary.getPosition().length());
            json.writeStringField("lastLine", summary.getPosition().lastLineHash());
            json.writeNumberField("records", summary.getRecords());
            json.writeNumberField("skipped", summary.getSkippedLines());
            if (summary.getLatestStart().isPresent()) {
                json.writeStringField(
                        "latestStart", summary.getLatestStart().get().toString());
            }
            json.writeStringField("disorder", summary.getDisorder().toString());
            json.writeArrayFieldStart("environments");
            for (Environment environment : summary.getEnvironments().values()) {
                writeEnvironment(json, environment);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        return out.toByteArray();
    }

    private static void writeEnvironment(JsonGenerator json, Environment environment) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", environment.getName().value());
        json.writeNumberField("records", environment.getRecords());
        json.writeStringField("first", line(environment.getFirst()));
        json.writeStringField("last", line(environment.getLast()));
        if (environment.getLastSuccess().isPresent()) {
            json.writeStringField(
                    "lastSuccess", line(environment.getLastSuccess().get()));
        }
        if (environment.getLastAttempt().isPresent()) {
            json.writeStringField(
                    "lastAttempt", line(environment.getLastAttempt().get()));
        }
        json.writeArrayFieldStart("completed");
        for (DeployRecord record : environment.getLastCompleted()) {
            json.writeString(line(record));
        }
        json.writeEndArray();
        Streak streak = environment.getStreak();
        if (streak.outcome().isPresent()) {
            json.writeArrayFieldStart("streak");
            json.writeString(streak.outcome().get().name());
            json.writeNumber(streak.length());
            json.writeBoolean(streak.exact());
            json.writeEndArray();
        }
        if (streak.breaker().isPresent()) {
            json.writeArrayFieldStart("breaker");
            json.writeString(streak.breaker().get().startedAt().toString());
            json.writeNumber(streak.breaker().get().buildNumber());
            json.writeEndArray();
        }
        json.writeArrayFieldStart("days");
        for (Map.Entry<LocalDate, DeployCounts> day : environment.getDays().entrySet()) {
            DeployCounts counts = day.getValue();
            json.writeStartArray();
            json.writeNumber(day.getKey().toEpochDay());
            json.writeNumber(counts.successful());
            json.writeNumber(counts.failed());
            json.writeNumber(counts.aborted());
            json.writeNumber(counts.skipped());
            writeSketch(json, counts.durations());
            writeSketch(json, counts.leadTimes());
            if (counts.builds().isTooMany()) {
                json.writeNull();
            } else {
                json.writeStartArray();
                for (int value : counts.builds().runs()) {
                    json.writeNumber(value);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("recoveries");
        for (Map.Entry<LocalDate, DurationSketch> day :
                environment.getRecoveries().entrySet()) {
            json.writeStartArray();
            json.writeNumber(day.getKey().toEpochDay());
            writeSketch(json, day.getValue());
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("pending");
        for (Pending failure : environment.getPendingFailures()) {
            json.writeStartArray();
            json.writeString(failure.startedAt().toString());
            json.writeString(failure.endedAt().toString());
            json.writeEndArray();
        }
        json.writeEndArray();
        if (environment.getRecoveriesInexactThrough().isPresent()) {
            json.writeStringField(
                    "recoveriesInexactThrough",
                    environment.getRecoveriesInexactThrough().get().toString());
        }
        writeIndex(json, "commits", environment.getCommitIndex());
        writeIndex(json, "artifacts", environment.getArtifactFingerprintIndex());
        json.writeArrayFieldStart("builds");
        for (Map.Entry<Integer, Ref> build : environment.getBuildIndex().entrySet()) {
            json.writeStartArray();
            json.writeNumber(build.getKey());
            json.writeString(build.getValue().startedAt().toString());
            json.writeEndArray();
        }
        json.writeEndArray();
        writeIndex(json, "sourced", environment.getSourcedIndex());
        json.writeEndObject();
    }

    /** A sketch as an array: its 0 ms count, then (bucket, count) pairs ascending. */
    private static void writeSketch(JsonGenerator json, DurationSketch sketch) throws IOException {
        DurationSketchJson.write(json, sketch);
    }

    private static void writeIndex(JsonGenerator json, String field, Map<String, Ref> index) throws IOException {
        json.writeArrayFieldStart(field);
        for (Map.Entry<String, Ref> entry : index.entrySet()) {
            json.writeStartArray();
            json.writeString(entry.getKey());
            json.writeString(entry.getValue().startedAt().toString());
            json.writeNumber(entry.getValue().buildNumber());
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static String line(DeployRecord record) {
        byte[] line = LedgerLineFormat.encode(record, Instant.EPOCH);
        return new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        return SignedJson.sha256(bytes);
    }

    // ---------------------------------------------------------------- decoding

    private static final class Decoded {
        private LedgerSummary summary;
        private String sha256;
    }

    private static Decoded readSummary(JsonParser json, byte[] bytes) throws IOException {
        expect(json.nextToken(), JsonToken.START_OBJECT);
        Decoded decoded = new Decoded();
        field(json, "v");
        if (readLong(json) != VERSION) {
            throw new IllegalArgumentException("version");
        }
        field(json, "length");
        long length = readLong(json);
        field(json, "lastLine");
        String lastLine = readString(json);
        field(json, "records");
        long records = readLong(json);
        field(json, "skipped");
        long skipped = readLong(json);
        String next = nextField(json);
        Optional<Instant> latestStart = Optional.empty();
        if (next.equals("latestStart")) {
            latestStart = Optional.of(InstantText.parse(readString(json)));
            next = nextField(json);
        }
        named(next, "disorder");
        Duration disorder = Duration.parse(readString(json));
        field(json, "environments");
        expect(json.nextToken(), JsonToken.START_ARRAY);
        List<Environment> environments = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            environments.add(readEnvironment(json, bytes));
        }
        field(json, "sha256");
        decoded.sha256 = readString(json);
        expect(json.nextToken(), JsonToken.END_OBJECT);
        decoded.summary =
                LedgerSummary.of(new Position(length, lastLine), records, skipped, latestStart, disorder, environments);
        return decoded;
    }

    /** Reads an environment whose START_OBJECT is the current token, of the summary file's {@code bytes}. */
    private static Environment readEnvironment(JsonParser json, byte[] bytes) throws IOException {
        expect(json.currentToken(), JsonToken.START_OBJECT);
        field(json, "name");
        EnvironmentName name = EnvironmentName.of(readString(json));
        field(json, "records");
        long records = readLong(json);
        field(json, "first");
        DeployRecord first = record(readString(json), name);
        field(json, "last");
        DeployRecord last = record(readString(json), name);
        String next = nextField(json);
        DeployRecord lastSuccess = null;
        if (next.equals("lastSuccess")) {
            lastSuccess = record(readString(json), name);
            next = nextField(json);
        }
        DeployRecord lastAttempt = null;
        if (next.equals("lastAttempt")) {
            lastAttempt = record(readString(json), name);
            next = nextField(json);
        }
        named(next, "completed");
        expect(json.nextToken(), JsonToken.START_ARRAY);
        int completedStart = Math.toIntExact(json.currentTokenLocation().getByteOffset());
        int completedCount = 0;
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.VALUE_STRING);
            completedCount++;
        }
        Slice completedSlice = new Slice(
                bytes, completedStart, Math.toIntExact(json.currentLocation().getByteOffset()));
        List<DeployRecord> completed =
                LazyList.of(completedCount, () -> decodeLazily(completedSlice, parser -> records(parser, name)));
        next = nextField(json);
        Streak streak = Streak.NONE;
        Ref breaker = null;
        if (next.equals("streak")) {
            expect(json.nextToken(), JsonToken.START_ARRAY);
            DeployOutcome outcome = DeployOutcome.valueOf(readString(json));
            int length = Math.toIntExact(readLong(json));
            JsonToken exact = json.nextToken();
            if (exact != JsonToken.VALUE_TRUE && exact != JsonToken.VALUE_FALSE) {
                throw new IllegalArgumentException("streak: exact must be true or false");
            }
            expect(json.nextToken(), JsonToken.END_ARRAY);
            next = nextField(json);
            if (next.equals("breaker")) {
                expect(json.nextToken(), JsonToken.START_ARRAY);
                Instant started = InstantText.parse(readString(json));
                breaker = new Ref(started, Math.toIntExact(readLong(json)));
                expect(json.nextToken(), JsonToken.END_ARRAY);
                next = nextField(json);
            }
            streak = new Streak(
                    Optional.of(outcome), length, exact == JsonToken.VALUE_TRUE, Optional.ofNullable(breaker));
        }
        named(next, "days");
        TreeMap<LocalDate, DeployCounts> days = readDays(json);
        field(json, "recoveries");
        expect(json.nextToken(), JsonToken.START_ARRAY);
        TreeMap<LocalDate, DurationSketch> recoveries = new TreeMap<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            LocalDate day = LocalDate.ofEpochDay(readLong(json));
            if (!recoveries.isEmpty() && !day.isAfter(recoveries.lastKey())) {
                throw new IllegalArgumentException("recoveries out of order");
            }
            expect(json.nextToken(), JsonToken.START_ARRAY);
            recoveries.put(day, readSketch(json));
            expect(json.nextToken(), JsonToken.END_ARRAY);
        }
        field(json, "pending");
        expect(json.nextToken(), JsonToken.START_ARRAY);
        List<Pending> pending = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            Instant started = InstantText.parse(readString(json));
            Instant ended = InstantText.parse(readString(json));
            expect(json.nextToken(), JsonToken.END_ARRAY);
            pending.add(new Pending(started, ended));
        }
        next = nextField(json);
        Instant recoveriesInexactThrough = null;
        if (next.equals("recoveriesInexactThrough")) {
            recoveriesInexactThrough = InstantText.parse(readString(json));
            next = nextField(json);
        }
        named(next, "commits");
        Slice commits = indexBytes(json, bytes, KEYED_ENTRY);
        field(json, "artifacts");
        Slice artifacts = indexBytes(json, bytes, KEYED_ENTRY);
        field(json, "builds");
        Slice builds = indexBytes(json, bytes, BUILD_ENTRY);
        field(json, "sourced");
        Slice sourced = indexBytes(json, bytes, KEYED_ENTRY);
        expect(json.nextToken(), JsonToken.END_OBJECT);
        return new Environment(
                name,
                records,
                first,
                last,
                lastSuccess,
                lastAttempt,
                completed,
                streak,
                days,
                recoveries,
                pending,
                recoveriesInexactThrough,
                RefIndex.lazy(() -> decodeLazily(commits, LedgerSummaryFormat::readIndex)),
                RefIndex.lazy(() -> decodeLazily(artifacts, LedgerSummaryFormat::readIndex)),
                RefIndex.lazy(() -> decodeLazily(builds, LedgerSummaryFormat::readBuildIndex)),
                RefIndex.lazy(() -> decodeLazily(sourced, LedgerSummaryFormat::readIndex)));
    }

    private static TreeMap<LocalDate, DeployCounts> readDays(JsonParser json) throws IOException {
        expect(json.nextToken(), JsonToken.START_ARRAY);
        TreeMap<LocalDate, DeployCounts> days = new TreeMap<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            LocalDate day = LocalDate.ofEpochDay(readLong(json));
            int successful = Math.toIntExact(readLong(json));
            int failed = Math.toIntExact(readLong(json));
            int aborted = Math.toIntExact(readLong(json));
            int skipped = Math.toIntExact(readLong(json));
            expect(json.nextToken(), JsonToken.START_ARRAY);
            DurationSketch durations = readSketch(json);
            expect(json.nextToken(), JsonToken.START_ARRAY);
            DurationSketch leadTimes = readSketch(json);
            BuildNumbers builds;
            JsonToken token = json.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                builds = BuildNumbers.tooMany();
            } else {
                expect(token, JsonToken.START_ARRAY);
                List<Integer> runs = new ArrayList<>();
                while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                    runs.add(Math.toIntExact(longValue(json, token)));
                }
                builds = BuildNumbers.ofRuns(
                        runs.stream().mapToInt(Integer::intValue).toArray());
            }
            expect(json.nextToken(), JsonToken.END_ARRAY);
            if (!days.isEmpty() && !day.isAfter(days.lastKey())) {
                throw new IllegalArgumentException("days out of order");
            }
            days.put(day, new DeployCounts(successful, failed, aborted, skipped, durations, leadTimes, builds));
        }
        return days;
    }

    /** Reads a sketch whose START_ARRAY is the current token, up to and with its END_ARRAY. */
    private static DurationSketch readSketch(JsonParser json) throws IOException {
        return DurationSketchJson.read(json);
    }

    /** The tokens of an entry of a keyed index: [key, started, build]. */
    private static final List<JsonToken> KEYED_ENTRY =
            List.of(JsonToken.VALUE_STRING, JsonToken.VALUE_STRING, JsonToken.VALUE_NUMBER_INT);

    /** The tokens of an entry of the build index: [build, started]. */
    private static final List<JsonToken> BUILD_ENTRY = List.of(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_STRING);

    /**
     * Reads past an index array, checking that each entry has the tokens of {@code entry} without decoding their
     * text, and returns where the array's bytes are, to decode them on first use: the indexes are most of a summary
     * file, and most reads never look a candidate up. What is left to check then (numbers in range, instants, keys
     * once) holds for every file the format writes, and the checksum has vouched that the bytes are as written.
     */
    private static Slice indexBytes(JsonParser json, byte[] bytes, List<JsonToken> entry) throws IOException {
        expect(json.nextToken(), JsonToken.START_ARRAY);
        int start = Math.toIntExact(json.currentTokenLocation().getByteOffset());
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            for (JsonToken token : entry) {
                expect(json.nextToken(), token);
            }
            expect(json.nextToken(), JsonToken.END_ARRAY);
        }
        int end = Math.toIntExact(json.currentLocation().getByteOffset());
        return new Slice(bytes, start, end);
    }

    /**
     * Where an array of the summary file is in its bytes, kept to decode the array later: the file's bytes are shared,
     * not copied (they are never changed).
     */
    private record Slice(byte[] bytes, int start, int end) {}

    /** Reads one part of a summary (an index, the kept records) from its array's bytes. */
    private interface PartReader<T> {
        T read(JsonParser json) throws IOException;
    }

    /**
     * @return the part decoded from the bytes of its array, kept when the file was read
     * @throws IllegalStateException when they do not decode, which a file this format wrote never does
     */
    private static <T> T decodeLazily(Slice array, PartReader<T> reader) {
        try (JsonParser json = FACTORY.createParser(array.bytes(), array.start(), array.end() - array.start())) {
            T part = reader.read(json);
            if (json.nextToken() != null) {
                throw new IllegalArgumentException("text after the array");
            }
            return part;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a part of a ledger summary does not decode: " + e.getMessage(), e);
        }
    }

    /** Reads the kept records of an environment: an array of ledger lines. */
    private static List<DeployRecord> records(JsonParser json, EnvironmentName environment) throws IOException {
        expect(json.nextToken(), JsonToken.START_ARRAY);
        List<DeployRecord> records = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            records.add(record(stringValue(json), environment));
        }
        return records;
    }

    private static TreeMap<Integer, Ref> readBuildIndex(JsonParser json) throws IOException {
        expect(json.nextToken(), JsonToken.START_ARRAY);
        TreeMap<Integer, Ref> builds = new TreeMap<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            int build = Math.toIntExact(readLong(json));
            Instant started = InstantText.parse(readString(json));
            expect(json.nextToken(), JsonToken.END_ARRAY);
            if (builds.put(build, new Ref(started, build)) != null) {
                throw new IllegalArgumentException("build twice: " + build);
            }
        }
        return builds;
    }

    private static TreeMap<String, Ref> readIndex(JsonParser json) throws IOException {
        expect(json.nextToken(), JsonToken.START_ARRAY);
        TreeMap<String, Ref> index = new TreeMap<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            String key = readString(json);
            Instant started = InstantText.parse(readString(json));
            int build = Math.toIntExact(readLong(json));
            expect(json.nextToken(), JsonToken.END_ARRAY);
            if (index.put(key, new Ref(started, build)) != null) {
                throw new IllegalArgumentException("key twice");
            }
        }
        return index;
    }

    private static DeployRecord record(String line, EnvironmentName environment) {
        DeployRecord record = LedgerLineFormat.decode(line.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalArgumentException("unreadable record"))
                .getRecord();
        if (!record.getEnvironment().equals(environment)) {
            throw new IllegalArgumentException("record of another environment");
        }
        // exactly as written: what a reader ignores (the recorded stamp, an unknown field) must not hide damage
        if (!line.equals(line(record))) {
            throw new IllegalArgumentException("record not as written");
        }
        return record;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + ", was " + actual);
        }
    }

    private static String nextField(JsonParser json) throws IOException {
        expect(json.nextToken(), JsonToken.FIELD_NAME);
        return json.currentName();
    }

    private static void field(JsonParser json, String name) throws IOException {
        named(nextField(json), name);
    }

    private static void named(String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("expected field " + expected + ", was " + actual);
        }
    }

    private static long readLong(JsonParser json) throws IOException {
        return longValue(json, json.nextToken());
    }

    private static long longValue(JsonParser json, JsonToken token) throws IOException {
        expect(token, JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = json.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw new IllegalArgumentException("number out of range");
        }
        return json.getLongValue();
    }

    private static String readString(JsonParser json) throws IOException {
        json.nextToken();
        return stringValue(json);
    }

    private static String stringValue(JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.VALUE_STRING);
        return json.getText();
    }
}
