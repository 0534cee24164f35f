package io.jenkins.plugins.deployoften.model.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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
 * </pre>
 *
 * Unknown fields are ignored, so later minor additions stay readable; a line with a newer version, or one
 * that is not a complete valid object, is reported as unreadable.
 */
public final class LedgerLineFormat {
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    /**
     * Makes the parser of every line: the parser, and the parser settings, the tree-model reader used
     * ({@code readTree} with {@code FAIL_ON_TRAILING_TOKENS}), so both accept the same lines.
     */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads a single value inside a line as a tree node, as that reader built it (no end-of-input check). */
    private static final ObjectMapper VALUE_MAPPER = new ObjectMapper();

    /** Writes line and paragraph separators escaped, so tools that also break lines at them see one line too. */
    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new LineSafeEscapes());

    private LedgerLineFormat() {}

    /** A decoded line: the record and when it was appended. */
    public static final class Line {
        private final DeployRecord record;
        private final Instant recordedAt;

        Line(DeployRecord record, Instant recordedAt) {
            this.record = record;
            this.recordedAt = recordedAt;
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
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads a line with Jackson's streaming parser in one pass over the object's fields, with exactly the
     * acceptance the earlier tree-model reader ({@code ObjectMapper.readTree} with trailing tokens failing)
     * had: the same parser and its settings, the last of duplicate keys wins, and every value that is not
     * the plain string or integer the line format writes is read as a tree node and judged as that reader
     * judged it (so {@code "v":"1"}, {@code "v":1.9} or {@code "build":3.7} are taken as before, and an
     * unknown field is read, not merely skipped, so anything that made the tree reader fail still does).
     *
     * @param line one line without its newline
     * @return the decoded line, or empty when the line is torn, corrupted or of an unknown version
     */
    public static Optional<Line> decode(byte[] line) {
        try (JsonParser json = MAPPER.createParser(line)) {
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
            // strict about the end of a line: two records joined by a lost newline are one unreadable line
            if (token != JsonToken.END_OBJECT || json.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(fields.toLine());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The fields of one line as they are read; for a repeated key the last value counts. */
    private static final class Fields {
        /** The version as {@code JsonNode.asInt(-1)} reads it: -1 when missing. */
        private int version = -1;

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

        /** Reads the value the parser points at, leaving the parser on its last token. */
        void read(String name, JsonParser json) throws IOException {
            switch (name) {
                case "v":
                    version = isInt(json) ? json.getIntValue() : tree(json).asInt(-1);
                    break;
                case "build":
                    if (isInt(json)) {
                        hasBuild = true;
                        build = json.getIntValue();
                    } else {
                        JsonNode value = tree(json);
                        hasBuild = value.canConvertToInt();
                        build = hasBuild ? value.intValue() : 0;
                    }
                    break;
                case "durationMs":
                    if (isIntOrLong(json)) {
                        hasDurationMs = true;
                        durationMs = json.getLongValue();
                    } else {
                        JsonNode value = tree(json);
                        hasDurationMs = value.canConvertToLong();
                        durationMs = hasDurationMs ? value.longValue() : 0;
                    }
                    break;
                case "recorded":
                    recorded = text(json);
                    break;
                case "environment":
                    environment = text(json);
                    break;
                case "job":
                    job = text(json);
                    break;
                case "buildUrl":
                    buildUrl = text(json);
                    break;
                case "commit":
                    commit = text(json);
                    break;
                case "commitTime":
                    commitTime = text(json);
                    break;
                case "artifact":
                    artifact = text(json);
                    break;
                case "outcome":
                    outcome = text(json);
                    break;
                case "reason":
                    reason = text(json);
                    break;
                case "started":
                    started = text(json);
                    break;
                case "trigger":
                    trigger = text(json);
                    break;
                case "message":
                    message = text(json);
                    break;
                default:
                    tree(json); // unknown: read as the tree reader read it (it fails where that failed), then ignored
                    break;
            }
        }

        Line toLine() {
            if (version != VERSION) {
                throw new IllegalArgumentException("version " + version);
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
                    .build();
            return new Line(record, InstantText.parse(required(recorded, "recorded")));
        }

        /** @return the string value, or {@code null} for any other value, which the tree reader ignored too */
        private static String text(JsonParser json) throws IOException {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
                return json.getText();
            }
            JsonNode value = tree(json);
            return value.isTextual() ? value.asText() : null;
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

        /** @return the value the parser points at as the tree reader built it (objects and arrays included) */
        private static JsonNode tree(JsonParser json) throws IOException {
            return VALUE_MAPPER.readTree(json);
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

    /** JSON's standard escapes plus U+0085, U+2028 and U+2029, which JSON allows raw but some readers split at. */
    private static final class LineSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        @Override
        public int[] getEscapeCodesForAscii() {
            return standardAsciiEscapesForJSON();
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x85 || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
            }
            return null;
        }
    }

    private static void writeOptional(JsonGenerator json, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
    }
}
