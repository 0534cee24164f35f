package io.jenkins.plugins.deployoften.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reading a JSON object whose fields come in one fixed order, as the plugin's caches on disk write them: each step
 * expects exactly the next token and throws {@link IllegalArgumentException} otherwise, so a reader treats
 * anything else as unreadable.
 */
public final class StrictJsonFields {
    private StrictJsonFields() {}

    /**
     * @param json the parser
     * @param name the field that must come next
     * @throws IOException when the parser fails
     */
    public static void field(JsonParser json, String name) throws IOException {
        expect(json.nextToken(), JsonToken.FIELD_NAME);
        if (!name.equals(json.currentName())) {
            throw new IllegalArgumentException("expected field " + name + ", found " + json.currentName());
        }
    }

    /**
     * @param json the parser
     * @param name the field that must come next, with a string value
     * @return its value
     * @throws IOException when the parser fails
     */
    public static String readString(JsonParser json, String name) throws IOException {
        field(json, name);
        return stringValue(json, json.nextToken());
    }

    /**
     * @param json the parser
     * @param token its current token, which must be a string
     * @return the string
     * @throws IOException when the parser fails
     */
    public static String stringValue(JsonParser json, JsonToken token) throws IOException {
        expect(token, JsonToken.VALUE_STRING);
        return json.getText();
    }

    /**
     * @param json the parser
     * @param token its current token, which must be a count: an {@code int} of 0 or more
     * @return the count
     * @throws IOException when the parser fails
     */
    public static int countValue(JsonParser json, JsonToken token) throws IOException {
        expect(token, JsonToken.VALUE_NUMBER_INT);
        if (json.getNumberType() != JsonParser.NumberType.INT || json.getIntValue() < 0) {
            throw new IllegalArgumentException("expected a count, found " + json.getText());
        }
        return json.getIntValue();
    }

    /**
     * @param actual the token read
     * @param expected the token that must have come
     */
    public static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + ", found " + actual);
        }
    }
}
