package io.jenkins.plugins.deployoften.model.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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

    /** Strict about the end of a line: two records joined by a lost newline are one unreadable line. */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
     * @param line one line without its newline
     * @return the decoded line, or empty when the line is torn, corrupted or of an unknown version
     */
    public static Optional<Line> decode(byte[] line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node == null || !node.isObject() || node.path("v").asInt(-1) != VERSION) {
                return Optional.empty();
            }
            DeployRecord record = DeployRecord.builder(
                            required(node, "environment"), required(node, "job"), requiredInt(node, "build"))
                    .buildUrl(optional(node, "buildUrl"))
                    .commit(optional(node, "commit"))
                    .commitTime(optionalInstant(node, "commitTime"))
                    .artifactFingerprint(optional(node, "artifact"))
                    .outcome(DeployOutcome.valueOf(required(node, "outcome")))
                    .reason(optional(node, "reason"))
                    .startedAt(Instant.parse(required(node, "started")))
                    .duration(Duration.ofMillis(requiredLong(node, "durationMs")))
                    .trigger(optional(node, "trigger"))
                    .message(optional(node, "message"))
                    .build();
            return Optional.of(new Line(record, Instant.parse(required(node, "recorded"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
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

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return value.asText();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return value.intValue();
    }

    private static long requiredLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " missing");
        }
        return value.longValue();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static Instant optionalInstant(JsonNode node, String field) {
        String value = optional(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
