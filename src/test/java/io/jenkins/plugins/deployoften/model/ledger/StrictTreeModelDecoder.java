package io.jenkins.plugins.deployoften.model.ledger;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reference for {@link LedgerLineFormat#decode(byte[])}, written independently of it: the JDK's UTF-8 decoder
 * (refusing malformed input) and Jackson's tree model with duplicate keys refused, then the line's rules checked
 * on the tree's node types, and {@link Instant#parse(CharSequence)} for the instants. The streaming decoder must
 * accept exactly the lines this accepts, with the same result.
 */
final class StrictTreeModelDecoder {
    private static final int VERSION = 1;
    private static final List<String> TEXT_FIELDS = List.of(
            "recorded",
            "environment",
            "job",
            "buildUrl",
            "commit",
            "commitTime",
            "artifact",
            "outcome",
            "reason",
            "started",
            "trigger",
            "message",
            "service");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictTreeModelDecoder() {}

    static Optional<LedgerLineFormat.Line> decode(byte[] line) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line))
                    .toString();
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            JsonNode version = node.get("v");
            if (version == null || !version.isInt() || version.intValue() != VERSION) {
                return Optional.empty();
            }
            for (String field : TEXT_FIELDS) {
                if (node.has(field) && !node.get(field).isTextual()) {
                    return Optional.empty();
                }
            }
            JsonNode build = node.get("build");
            JsonNode durationMs = node.get("durationMs");
            if (build == null || !build.isInt() || durationMs == null || !(durationMs.isInt() || durationMs.isLong())) {
                return Optional.empty();
            }
            DeployRecord record = DeployRecord.builder(
                            required(node, "environment"), required(node, "job"), build.intValue())
                    .buildUrl(optional(node, "buildUrl"))
                    .commit(optional(node, "commit"))
                    .commitTime(optionalInstant(node, "commitTime"))
                    .artifactFingerprint(optional(node, "artifact"))
                    .outcome(DeployOutcome.valueOf(required(node, "outcome")))
                    .reason(optional(node, "reason"))
                    .startedAt(Instant.parse(required(node, "started")))
                    .duration(Duration.ofMillis(durationMs.longValue()))
                    .trigger(optional(node, "trigger"))
                    .message(optional(node, "message"))
                    .build();
            Instant recorded = Instant.parse(required(node, "recorded"));
            if (recorded.isBefore(DeployRecord.EARLIEST) || recorded.isAfter(DeployRecord.LATEST)) {
                return Optional.empty();
            }
            return Optional.of(new LedgerLineFormat.Line(record, recorded));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " missing");
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asText();
    }

    private static Instant optionalInstant(JsonNode node, String field) {
        String value = optional(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
