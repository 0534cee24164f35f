package io.jenkins.plugins.deployoften.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The baseline of {@link LedgerLineDecodeBenchmark}: {@code LedgerLineFormat.decode} as it was before the
 * streaming decoder (Jackson's tree model and {@link Instant#parse(CharSequence)}), unchanged but for
 * returning its own pair, because {@code LedgerLineFormat.Line} cannot be built outside its package.
 */
final class TreeModelDecoder {
    private static final int VERSION = 1;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A decoded line: the record and when it was appended. */
    record Decoded(DeployRecord record, Instant recordedAt) {}

    private TreeModelDecoder() {}

    static Optional<Decoded> decode(byte[] line) {
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
            return Optional.of(new Decoded(record, Instant.parse(required(node, "recorded"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
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
