package io.jenkins.plugins.deployoften.model.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The ledger's line format, version 1: one JSON object per line (JSON Lines), UTF-8, newline-terminated.
 * Every line carries {@code "v":1}. Control characters and U+0085, U+2028, U+2029 in text are written as
 * {@code \\uXXXX} escapes, so a record is one line for any reader that splits lines. Fields:
 *
 * <pre>
 * v            format version (1)
 * recorded     when the ledger appended the line (ISO-8601 UTC)
 * environment  environment name
 * job          job full name
 * build        build number
 * buildUrl     build URL path relative to the Jenkins root (optional)
 * commit       SCM revision (optional)
 * commitTime   when the commit was made, ISO-8601 UTC (optional)
 * artifact     MD5 fingerprint of the deployed artifact(s) (optional)
 * outcome      SUCCESS | FAILURE | ABORTED | SKIPPED
 * reason       why it was skipped or failed (optional)
 * started      deploy start, ISO-8601 UTC
 * durationMs   deploy duration in milliseconds
 * trigger      who or what triggered it (optional)
 * message      short message (optional)
 * source       the step that made the record ({@link DeploySource#id()}: deployToStaging, deployOften,
 *              recordDeploy, noDeploy); absent for a record recorded before records carried their source, which
 *              reads as {@link DeploySource#UNKNOWN} (and is written without it again)
 * service      in a spool only: the shared ledger service key the record was meant for (optional)
 * </pre>
 *
 * Unknown fields are ignored, so later minor additions stay readable ({@code source} is one: a line without it
 * is a line written before it, and an older reader ignores it); a line with a newer version, or one
 * that is not strictly a record of this version ({@link #decode}), is reported as unreadable.
 */
public final class LedgerLineFormat {
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    /** Parses lines, refusing a key that appears twice. */
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads a value of a field this version does not know, to check that it is one. */
    private static final ObjectMapper VALUE_MAPPER = new ObjectMapper();

    private static final JsonFactory FACTORY = LineSafeJson.factory();

    private LedgerLineFormat() {}

    /** A decoded line: the record and when it was appended. */
    public static final class Line {
        private final DeployRecord record;
        private final Instant recordedAt;
        private final String service;

        Line(DeployRecord record, Instant recordedAt) {
            this(record, recordedAt, null);
        }

        Line(DeployRecord record, Instant recordedAt, String service) {
            this.record = record;
            this.recordedAt = recordedAt;
            this.service = service;
        }

        /** @return the shared ledger's service key the record was meant for: only a spool's lines carry it */
        public Optional<String> getService() {
            return Optional.ofNullable(service);
        }

        public DeployRecord getRecord() {
            return record;
        }

        public Instant getRecordedAt() {
            return recordedAt;
        }
    }

    /**
     * @param record the record
     * @param recordedAt when it is appended
     * @return the line's bytes, newline included
     */
    public static byte[] encode(DeployRecord record, Instant recordedAt) {
        return encode(record, recordedAt, Optional.empty());
    }

    /**
     * @param record the record
     * @param recordedAt when it is appended
     * @param service for a spool's line: the shared ledger's service key the record was meant for, written as
     *     the field {@code service} (which a ledger reader ignores as an unknown field would be)
     * @return the line's bytes, newline included
     */
    public static byte[] encode(DeployRecord record, Instant recordedAt, Optional<String> service) {
        // a controller clock outside the range would make the line unreadable: the stamp is only informative
        recordedAt = DeployRecord.clampToRange(recordedAt);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("v", VERSION);
            json.writeStringField("recorded", recordedAt.toString());
            json.writeStringField("environment", record.getEnvironment().value());
            json.writeStringField("job", record.getJobFullName());
            json.writeNumberField("build", record.getBuildNumber());
            writeOptional(json, "buildUrl", record.getBuildUrl());
            writeOptional(json, "commit", record.getCommit());
            writeOptional(json, "commitTime", record.getCommitTime().map(Instant::toString));
            writeOptional(json, "artifact", record.getArtifactFingerprint());
            json.writeStringField("outcome", record.getOutcome().name());
            writeOptional(json, "reason", record.getReason());
            json.writeStringField("started", record.getStartedAt().toString());
            json.writeNumberField("durationMs", record.getDuration().toMillis());
            writeOptional(json, "trigger", record.getTrigger());
            writeOptional(json, "message", record.getMessage());
            if (record.getSource() != DeploySource.UNKNOWN) {
                json.writeStringField("source", record.getSource().id());
            }
            writeOptional(json, "service", service);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads a line with Jackson's streaming parser in one pass over the object's fields, strictly: the line is
     * exactly one record of this version or it is unreadable. So it is rejected when
     *
     * <ul>
     *   <li>it is not well-formed UTF-8 ({@link Utf8#isWellFormed}: no overlong form such as {@code C0 80}, no
     *       surrogate, nothing above U+10FFFF), holds a raw NUL byte (so it is never taken for UTF-16 or UTF-32),
     *       starts with a byte order mark, or is not one JSON object with nothing after it (two records joined by
     *       a lost newline are one unreadable line);
     *   <li>a key appears twice;
     *   <li>{@code v} is not the JSON integer {@value #VERSION}, {@code build} not a JSON integer that fits an
     *       {@code int}, {@code durationMs} not a JSON integer that fits a {@code long} (so {@code "v":"1"}, {@code
     *       1.0} or {@code "build":1.5} are refused, not rounded), or a text field is not a JSON string (an
     *       optional one may be missing, never {@code null}), or {@code source} is not a {@link DeploySource#id()};
     *   <li>a required field is missing, or a value is not one a record allows ({@link DeployRecord.Builder}: an
     *       instant outside {@link DeployRecord#EARLIEST} to {@link DeployRecord#LATEST}, the {@code recorded}
     *       stamp included).
     * </ul>
     *
     * A field this version does not know is read as a JSON value and ignored.
     *
     * @param line one line without its newline
     * @return the decoded line, or empty when the line is torn, corrupted, not strictly a record, or of an
     *     unknown version
     */
    public static Optional<Line> decode(byte[] line) {
        if (!Utf8.isWellFormed(line) || startsWithByteOrderMark(line) || containsNul(line)) {
            return Optional.empty();
        }
        try (JsonParser json = STRICT.createParser(line)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty(); // empty, whitespace, a scalar, an array or not JSON
            }
            Fields fields = new Fields();
            JsonToken token;
            while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                fields.read(name, json);
            }
            if (token != JsonToken.END_OBJECT || json.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(fields.toLine());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A raw NUL is never in a JSON line of UTF-8, but would make the parser take the line for UTF-16 or UTF-32. */
    private static boolean containsNul(byte[] line) {
        for (byte b : line) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithByteOrderMark(byte[] line) {
        return line.length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF;
    }

    /** The fields of one line as they are read. */
    private static final class Fields {
        private boolean hasVersion;
        private boolean hasBuild;
        private int build;
        private boolean hasDurationMs;
        private long durationMs;
        private String recorded;
        private String environment;
        private String job;
        private String buildUrl;
        private String commit;
        private String commitTime;
        private String artifact;
        private String outcome;
        private String reason;
        private String started;
        private String trigger;
        private String message;
        private String source;
        private String service;

        /** Reads the value the parser points at, leaving the parser on its last token. */
        void read(String name, JsonParser json) throws IOException {
            switch (name) {
                case "v":
                    hasVersion = isInt(json) && json.getIntValue() == VERSION;
                    if (!hasVersion) {
                        throw new IllegalArgumentException("v: must be the integer " + VERSION);
                    }
                    break;
                case "build":
                    hasBuild = isInt(json);
                    if (!hasBuild) {
                        throw new IllegalArgumentException("build: must be an integer");
                    }
                    build = json.getIntValue();
                    break;
                case "durationMs":
                    hasDurationMs = isIntOrLong(json);
                    if (!hasDurationMs) {
                        throw new IllegalArgumentException("durationMs: must be an integer");
                    }
                    durationMs = json.getLongValue();
                    break;
                case "recorded":
                    recorded = text(name, json);
                    break;
                case "environment":
                    environment = text(name, json);
                    break;
                case "job":
                    job = text(name, json);
                    break;
                case "buildUrl":
                    buildUrl = text(name, json);
                    break;
                case "commit":
                    commit = text(name, json);
                    break;
                case "commitTime":
                    commitTime = text(name, json);
                    break;
                case "artifact":
                    artifact = text(name, json);
                    break;
                case "outcome":
                    outcome = text(name, json);
                    break;
                case "reason":
                    reason = text(name, json);
                    break;
                case "started":
                    started = text(name, json);
                    break;
                case "trigger":
                    trigger = text(name, json);
                    break;
                case "message":
                    message = text(name, json);
                    break;
                case "source":
                    source = text(name, json);
                    break;
                case "service":
                    service = text(name, json);
                    break;
                default:
                    VALUE_MAPPER.readTree(json); // unknown: must be a JSON value, then ignored
                    break;
            }
        }

        Line toLine() {
            if (!hasVersion) {
                throw new IllegalArgumentException("v missing");
            }
            DeployRecord record = DeployRecord.builder(
                            required(environment, "environment"),
                            required(job, "job"),
                            requiredInt(hasBuild, build, "build"))
                    .buildUrl(buildUrl)
                    .commit(commit)
                    .commitTime(commitTime == null ? null : InstantText.parse(commitTime))
                    .artifactFingerprint(artifact)
                    .outcome(DeployOutcome.valueOf(required(outcome, "outcome")))
                    .reason(reason)
                    .startedAt(InstantText.parse(required(started, "started")))
                    .duration(Duration.ofMillis(requiredLong(hasDurationMs, durationMs, "durationMs")))
                    .trigger(trigger)
                    .message(message)
                    .source(source == null ? DeploySource.UNKNOWN : sourceOf(source))
                    .build();
            Instant recordedAt = InstantText.parse(required(recorded, "recorded"));
            DeployRecord.checkInRange("recorded", recordedAt);
            return new Line(record, recordedAt, service);
        }

        private static DeploySource sourceOf(String id) {
            return DeploySource.ofId(id)
                    .orElseThrow(
                            () -> new IllegalArgumentException("source: must be one of " + DeploySource.allowedIds()));
        }

        private static String text(String field, JsonParser json) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException(field + ": must be a string");
            }
            return json.getText();
        }

        private static boolean isInt(JsonParser json) throws IOException {
            return json.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && json.getNumberType() == JsonParser.NumberType.INT;
        }

        private static boolean isIntOrLong(JsonParser json) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return false;
            }
            JsonParser.NumberType type = json.getNumberType();
            return type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG;
        }

        private static String required(String value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " missing");
            }
            return value;
        }

        private static int requiredInt(boolean present, int value, String field) {
            if (!present) {
                throw new IllegalArgumentException(field + " missing");
            }
            return value;
        }

        private static long requiredLong(boolean present, long value, String field) {
            if (!present) {
                throw new IllegalArgumentException(field + " missing");
            }
            return value;
        }
    }

    private static void writeOptional(JsonGenerator json, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
    }
}
