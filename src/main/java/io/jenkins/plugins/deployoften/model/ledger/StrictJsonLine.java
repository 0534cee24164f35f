package io.jenkins.plugins.deployoften.model.ledger;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a line of one of the plugin's JSON-lines files (or a small JSON file, such as the pending override) as
 * strictly as the ledger's own decoder reads its lines: well-formed UTF-8 only (no overlong form, no encoded
 * surrogate, no raw NUL, so never taken for UTF-16 or UTF-32, no byte order mark), exactly one JSON object with
 * nothing after it, and no key twice in any object. The caller then checks the fields' types with {@link
 * #integer}, {@link #text} and {@link #optionalText}, which take no number for a text or a text for a number.
 */
public final class StrictJsonLine {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJsonLine() {}

    /**
     * @param line the line, without its newline
     * @return the line's object; empty when the line is not strictly one
     */
    public static Optional<JsonNode> object(byte[] line) {
        if (!Utf8.isWellFormed(line) || hasNulOrByteOrderMark(line)) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(line);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return whether the object's {@code v} is exactly the JSON integer {@code version} */
    public static boolean hasVersion(JsonNode object, int version) {
        JsonNode value = object.get("v");
        return value != null && value.isInt() && value.intValue() == version;
    }

    /**
     * @return the field's integer
     * @throws IllegalArgumentException when it is missing or not a JSON integer that fits an {@code int}
     */
    public static int integer(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isInt()) {
            throw new IllegalArgumentException(field + ": must be an integer");
        }
        return value.intValue();
    }

    /**
     * @return the field's text
     * @throws IllegalArgumentException when it is missing or not a JSON string
     */
    public static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return value.asText();
    }

    /**
     * @return the field's text, {@code null} when the field is missing
     * @throws IllegalArgumentException when it is present but not a JSON string
     */
    public static String optionalText(JsonNode object, String field) {
        return object.has(field) ? text(object, field) : null;
    }

    private static boolean hasNulOrByteOrderMark(byte[] line) {
        if (line.length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            return true;
        }
        for (byte b : line) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
