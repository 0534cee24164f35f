package io.jenkins.plugins.deployoften.model.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.deployoften.model.BuildNumbers;
import io.jenkins.plugins.deployoften.model.DailyCounts;
import io.jenkins.plugins.deployoften.model.DailySketches;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The summary file's format, version 6: two lines of JSON, UTF-8, each ending with a newline. The first, the
 * head, is one object with what every read uses; the second, the tail, holds what only the gate's look-ups use
 * (the kept completed deploys and the candidate indexes), which is most of the file.
 *
 * <pre>
 * v             format version (6)
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
 *   completed     how many of the newest completed deploys by start time the tail keeps
 *   streak        the current run ({@link Streak}): [outcome, length, exact]; absent when nothing completed
 *   breaker       where the run ends: [started, build]; absent when the run is every completed deploy
 *   days          per UTC start day: [epochDay, successful, failed, aborted, skipped, durations, leadTimes,
 *                 builds], each sketch ({@link DurationSketch}) as [zeros, bucket, count, ...], the builds
 *                 ({@link BuildNumbers}) as [first, last, flags, ...] or null when there are too many
 *   recoveries    per UTC start day of the failures: [epochDay, sketch of their recovery times]
 *   pending       the failures waiting for a success: [started, ended] each, oldest first
 *   recoveriesInexactThrough   the latest start of a failure whose recovery may be wrong; absent when none
 * tail          [bytes, sha256]: the tail's length, newline included, and its SHA-256 (hex)
 * sha256        SHA-256 (hex) of the head as written without this field
 * </pre>
 *
 * The tail is an array with one entry per environment, in the head's order: [completed, commits, artifacts,
 * builds, sourced]. {@code completed} is the kept deploys, oldest first, as ledger lines; {@code commits}, {@code
 * artifacts} and {@code sourced} are [key, started, build] per commit key ({@link LedgerSummary#identityKey}),
 * artifact fingerprint key and source and identity ({@link LedgerSummary#sourcedKey}); {@code builds} is [build,
 * started] per build number.
 *
 * <p>A record is kept as the text of its ledger line ({@link LedgerLineFormat}, with {@code "recorded"} set to the
 * epoch: the summary never depends on when a line was recorded). Instants are ISO-8601 UTC strings.
 *
 * <p>Version 2 added {@code latestStart} and {@code disorder}; version 3 the exact streak, the lead-time
 * sketches, the build numbers and the recovery times (what the statistics read); version 4 the index by source
 * ({@code sourced}), and records keep their {@code source} in their ledger lines; version 5 {@code lastAttempt}
 * (so the deploy that ran last is a look-up even when SKIPPED records started after it); version 6 the tail, so a
 * read that looks no candidate up reads, checks and keeps only the head. An older summary is unreadable like any
 * other version, so the ledger rebuilds it by one forward scan on the first look-up (a summary is a cache: nothing
 * is lost), and that rebuild writes version 6.
 *
 * <p>Decoding is strict: anything but exactly what version 6 writes (another version, a torn or corrupted file,
 * an unknown field, counts that do not add up, a checksum that does not match the content) is unreadable; it never
 * throws. The head's checksum is checked over its own bytes (everything before the checksum field, closed by a
 * brace), not over an encoding made again. {@link #decode(byte[])} checks both parts at once. {@link
 * #decode(byte[], long, TailSource)}, the ledger's way, checks the head and the file's length, and reads the tail
 * when a part of it is first used: then its length and checksum must match the head's and it must decode, else
 * that use throws {@link UnreadableSummaryPartException}, and the reader rebuilds the summary.
 */
public final class LedgerSummaryFormat {
    /** The version this code writes and reads. */
    public static final int VERSION = 6;

    private static final JsonFactory FACTORY = new JsonFactory();

    /** How many days an environment's arrays start with room for: they grow as needed. */
    private static final int DAYS_EXPECTED = 64;

    private LedgerSummaryFormat() {}

    /**
     * @param summary the summary
     * @return the file's bytes, newline included
     */
    public static byte[] encode(LedgerSummary summary) {
        byte[] tail = tail(summary);
        byte[] head = SignedJson.sign(head(summary, tail));
        byte[] file = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, file, head.length, tail.length);
        return file;
    }

    /**
     * Decodes a whole summary file, both parts checked at once: for tests and tools, which have the file's bytes.
     *
     * @param bytes the file's bytes
     * @return the summary, or empty when the bytes are not exactly a version 6 summary
     */
    public static Optional<LedgerSummary> decode(byte[] bytes) {
        int headEnd = headLength(bytes);
        if (headEnd < 0) {
            return Optional.empty();
        }
        byte[] tail = Arrays.copyOfRange(bytes, headEnd, bytes.length);
        Optional<Decoded> decoded = decodeHead(Arrays.copyOf(bytes, headEnd), tail.length, () -> tail);
        try {
            decoded.ifPresent(summary -> summary.tail().parts());
        } catch (UnreadableSummaryPartException e) {
            return Optional.empty();
        }
        return decoded.map(Decoded::summary);
    }

    /**
     * Decodes a summary file's head; its second part is read from {@code tail} and checked when a summary part
     * in it is first used, which then throws {@link UnreadableSummaryPartException} if it does not match the head.
     *
     * @param head the file's first line, its newline included
     * @param tailLength how many bytes the file has after it
     * @param tail reads those bytes, when first needed
     * @return the summary, or empty when the head is not exactly a version 6 summary's or the file's length does
     *     not match it
     */
    public static Optional<LedgerSummary> decode(byte[] head, long tailLength, TailSource tail) {
        return decodeHead(head, tailLength, tail).map(Decoded::summary);
    }

    /**
     * @param bytes a summary file's bytes
     * @return the length of its first line with its newline, or -1 when it has no newline
     */
    public static int headLength(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private static Optional<Decoded> decodeHead(byte[] head, long tailLength, TailSource source) {
        if (head.length == 0 || head[head.length - 1] != '\n') {
            return Optional.empty();
        }
        try (JsonParser json = FACTORY.createParser(head, 0, head.length - 1)) {
            Decoded decoded = readSummary(json, source);
            if (json.nextToken() != null) {
                return Optional.empty();
            }
            if (decoded.sha256() == null || !decoded.sha256().equals(SignedJson.sha256OfSignedObject(head))) {
                return Optional.empty();
            }
            if (decoded.tail().length() != tailLength) {
                return Optional.empty();
            }
            return Optional.of(decoded);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads the bytes of a summary file after its head. */
    @FunctionalInterface
    public interface TailSource {
        /**
         * @return the bytes
         * @throws IOException when they cannot be read
         */
        byte[] read() throws IOException;
    }

    // ---------------------------------------------------------------- encoding

    private static byte[] head(LedgerSummary summary, byte[] tail) {
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
            json.writeArrayFieldStart("tail");
            json.writeNumber(tail.length);
            json.writeString(sha256(tail));
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        return out.toByteArray();
    }

    /** The second part: per environment its kept completed deploys and its candidate indexes, and a newline. */
    private static byte[] tail(LedgerSummary summary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartArray();
            for (Environment environment : summary.getEnvironments().values()) {
                json.writeStartArray();
                json.writeStartArray();
                for (DeployRecord record : environment.getLastCompleted()) {
                    json.writeString(line(record));
                }
                json.writeEndArray();
                writeIndex(json, environment.getCommitIndex());
                writeIndex(json, environment.getArtifactFingerprintIndex());
                json.writeStartArray();
                for (Map.Entry<Integer, Ref> build : environment.getBuildIndex().entrySet()) {
                    json.writeStartArray();
                    json.writeNumber(build.getKey());
                    json.writeString(build.getValue().startedAt().toString());
                    json.writeEndArray();
                }
                json.writeEndArray();
                writeIndex(json, environment.getSourcedIndex());
                json.writeEndArray();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        out.write('\n');
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
        json.writeNumberField("completed", environment.getLastCompleted().size());
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
        json.writeEndObject();
    }

    /** A sketch as an array: its 0 ms count, then (bucket, count) pairs ascending. */
    private static void writeSketch(JsonGenerator json, DurationSketch sketch) throws IOException {
        DurationSketchJson.write(json, sketch);
    }

    private static void writeIndex(JsonGenerator json, Map<String, Ref> index) throws IOException {
        json.writeStartArray();
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

    /** A decoded head: the summary, its tail, and the checksum the head gives itself. */
    private record Decoded(LedgerSummary summary, Tail tail, String sha256) {}

    private static Decoded readSummary(JsonParser json, TailSource source) throws IOException {
        expect(json.nextToken(), JsonToken.START_OBJECT);
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
        Tail tail = new Tail(source);
        List<Environment> environments = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            environments.add(readEnvironment(json, tail, environments.size()));
        }
        field(json, "tail");
        expect(json.nextToken(), JsonToken.START_ARRAY);
        tail.signed(readLong(json), readString(json));
        expect(json.nextToken(), JsonToken.END_ARRAY);
        field(json, "sha256");
        String sha256 = readString(json);
        expect(json.nextToken(), JsonToken.END_OBJECT);
        return new Decoded(
                LedgerSummary.of(new Position(length, lastLine), records, skipped, latestStart, disorder, environments),
                tail,
                sha256);
    }

    /** Reads an environment whose START_OBJECT is the current token, of the summary file's {@code bytes}. */
    private static Environment readEnvironment(JsonParser json, Tail tail, int index) throws IOException {
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
        int completedCount = Math.toIntExact(readLong(json));
        tail.environment(name);
        List<DeployRecord> completed =
                LazyList.of(completedCount, () -> tail.parts().get(index).takeCompleted());
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
        DailyCounts days = readDays(json);
        field(json, "recoveries");
        expect(json.nextToken(), JsonToken.START_ARRAY);
        DailySketches.Builder recovered = new DailySketches.Builder(DAYS_EXPECTED); // refuses days out of order
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            LocalDate day = LocalDate.ofEpochDay(readLong(json));
            expect(json.nextToken(), JsonToken.START_ARRAY);
            recovered.add(day, readSketch(json));
            expect(json.nextToken(), JsonToken.END_ARRAY);
        }
        DailySketches recoveries = recovered.build();
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
        next = nextFieldOrEnd(json);
        Instant recoveriesInexactThrough = null;
        if ("recoveriesInexactThrough".equals(next)) {
            recoveriesInexactThrough = InstantText.parse(readString(json));
            next = nextFieldOrEnd(json);
        }
        if (next != null) {
            throw new IllegalArgumentException("unknown field " + next);
        }
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
                RefIndex.lazy(() -> tail.parts().get(index).take(Part.COMMITS)),
                RefIndex.lazy(() -> tail.parts().get(index).take(Part.ARTIFACTS)),
                RefIndex.lazy(() -> tail.parts().get(index).takeBuilds()),
                RefIndex.lazy(() -> tail.parts().get(index).take(Part.SOURCED)));
    }

    private static DailyCounts readDays(JsonParser json) throws IOException {
        expect(json.nextToken(), JsonToken.START_ARRAY);
        DailyCounts.Builder days = new DailyCounts.Builder(DAYS_EXPECTED); // refuses days out of order
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
                int[] runs = new int[3];
                int size = 0;
                while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
                    if (size == runs.length) {
                        runs = Arrays.copyOf(runs, size * 2);
                    }
                    runs[size++] = Math.toIntExact(longValue(json, token));
                }
                builds = BuildNumbers.ofRuns(size == runs.length ? runs : Arrays.copyOf(runs, size));
            }
            expect(json.nextToken(), JsonToken.END_ARRAY);
            days.add(day, new DeployCounts(successful, failed, aborted, skipped, durations, leadTimes, builds));
        }
        return days.build();
    }

    /** Reads a sketch whose START_ARRAY is the current token, up to and with its END_ARRAY. */
    private static DurationSketch readSketch(JsonParser json) throws IOException {
        return DurationSketchJson.read(json);
    }

    /**
     * The summary file's second part, read and checked against the head's length and checksum when a part of it is
     * first used, and then decoded whole: most reads of a summary (the statistics, the Deploy health page) never
     * look a candidate up, and these parts are most of the file. Read from the file only then, so a summary in
     * memory does not keep them unless they were used. Each decoded part is handed to its lazy holder once and
     * then dropped here.
     */
    private static final class Tail {
        private final TailSource source;
        private final List<EnvironmentName> environments = new ArrayList<>();
        private long length = -1;
        private String sha256;
        private List<Parts> parts;
        private UnreadableSummaryPartException unreadable;

        Tail(TailSource source) {
            this.source = source;
        }

        /** Records the next environment of the head, whose parts are the tail's next entry. */
        synchronized void environment(EnvironmentName name) {
            environments.add(name);
        }

        /** Records what the head says of the tail: its length and checksum. */
        synchronized void signed(long length, String sha256) {
            this.length = length;
            this.sha256 = sha256;
        }

        synchronized long length() {
            return length;
        }

        synchronized List<Parts> parts() {
            if (unreadable != null) {
                throw unreadable;
            }
            if (parts == null) {
                try {
                    byte[] bytes = source.read();
                    if (bytes.length != length || !sha256(bytes).equals(sha256)) {
                        throw new IllegalArgumentException(
                                "the second part does not match the first: the file was replaced or damaged");
                    }
                    parts = readParts(bytes, environments);
                } catch (IOException | RuntimeException e) {
                    unreadable = new UnreadableSummaryPartException(
                            "a part of a ledger summary does not decode: " + e.getMessage(), e);
                    throw unreadable;
                }
            }
            return parts;
        }
    }

    /** The keyed candidate indexes of an environment, in the order of the file. */
    private enum Part {
        COMMITS,
        ARTIFACTS,
        SOURCED
    }

    /** One environment's decoded second part, each handed out once. */
    private static final class Parts {
        private List<DeployRecord> completed;
        private final Map<Part, Map<String, Ref>> keyed = new EnumMap<>(Part.class);
        private Map<Integer, Ref> builds;

        Parts(
                List<DeployRecord> completed,
                Map<String, Ref> commits,
                Map<String, Ref> artifacts,
                Map<Integer, Ref> builds,
                Map<String, Ref> sourced) {
            this.completed = completed;
            keyed.put(Part.COMMITS, commits);
            keyed.put(Part.ARTIFACTS, artifacts);
            this.builds = builds;
            keyed.put(Part.SOURCED, sourced);
        }

        synchronized List<DeployRecord> takeCompleted() {
            List<DeployRecord> taken = Objects.requireNonNull(completed, "taken");
            completed = null;
            return taken;
        }

        synchronized Map<String, Ref> take(Part part) {
            return Objects.requireNonNull(keyed.remove(part), "taken");
        }

        synchronized Map<Integer, Ref> takeBuilds() {
            Map<Integer, Ref> taken = Objects.requireNonNull(builds, "taken");
            builds = null;
            return taken;
        }
    }

    private static List<Parts> readParts(byte[] bytes, List<EnvironmentName> environments) throws IOException {
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
            throw new IllegalArgumentException("no newline");
        }
        try (JsonParser json = FACTORY.createParser(bytes, 0, bytes.length - 1)) {
            expect(json.nextToken(), JsonToken.START_ARRAY);
            List<Parts> all = new ArrayList<>(environments.size());
            for (EnvironmentName environment : environments) {
                expect(json.nextToken(), JsonToken.START_ARRAY);
                List<DeployRecord> completed = records(json, environment);
                Map<String, Ref> commits = readIndex(json);
                Map<String, Ref> artifacts = readIndex(json);
                Map<Integer, Ref> builds = readBuildIndex(json);
                Map<String, Ref> sourced = readIndex(json);
                expect(json.nextToken(), JsonToken.END_ARRAY);
                all.add(new Parts(completed, commits, artifacts, builds, sourced));
            }
            expect(json.nextToken(), JsonToken.END_ARRAY);
            if (json.nextToken() != null) {
                throw new IllegalArgumentException("text after the array");
            }
            return all;
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

    /** @return the next field's name, or {@code null} at the end of the object */
    private static String nextFieldOrEnd(JsonParser json) throws IOException {
        JsonToken token = json.nextToken();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        expect(token, JsonToken.FIELD_NAME);
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
