package io.jenkins.plugins.deployoften.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * A {@link DurationSketch} as JSON: {@code [zeros, bucket, count, bucket, count, …]}, buckets ascending. Shared by
 * the files that store sketches (the ledger summary, the deploy health), so they read and write them alike.
 */
public final class DurationSketchJson {
    private DurationSketchJson() {}

    /**
     * @param json where to write
     * @param sketch the sketch
     * @throws IOException when the generator fails
     */
    public static void write(JsonGenerator json, DurationSketch sketch) throws IOException {
        json.writeStartArray();
        json.writeNumber(sketch.zeros());
        for (int i = 0; i < sketch.bucketsHit(); i++) {
            json.writeNumber(sketch.bucketIndex(i));
            json.writeNumber(sketch.bucketCount(i));
        }
        json.writeEndArray();
    }

    /**
     * Reads a sketch whose START_ARRAY is the current token, through its END_ARRAY.
     *
     * @param json the parser
     * @return the sketch
     * @throws IOException when the parser fails
     * @throws IllegalArgumentException when it is not a sketch as {@link #write} writes it
     */
    public static DurationSketch read(JsonParser json) throws IOException {
        long zeros = longValue(json, json.nextToken());
        int[] indexes = new int[8];
        long[] counts = new long[8];
        int size = 0;
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (size == indexes.length) {
                indexes = Arrays.copyOf(indexes, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            long bucket = longValue(json, token);
            if (bucket > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bucket out of range: " + bucket);
            }
            indexes[size] = (int) bucket;
            counts[size] = longValue(json, json.nextToken());
            size++;
        }
        return DurationSketch.ofAscending(zeros, Arrays.copyOf(indexes, size), Arrays.copyOf(counts, size));
    }

    private static long longValue(JsonParser json, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT
                || (json.getNumberType() != JsonParser.NumberType.INT
                        && json.getNumberType() != JsonParser.NumberType.LONG)) {
            throw new IllegalArgumentException("expected a whole number, found " + token);
        }
        return json.getLongValue();
    }
}
