package io.jenkins.plugins.deployoften.model.view;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.DeployStatisticsFormat;
import io.jenkins.plugins.deployoften.model.SignedJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's computed deploy health as a small file, so that after a restart the Deploy health page, the widget and
 * the badges are served from it without reading the ledger's summary: the health, its last override, and the
 * state of the ledger and gate audit trail it was computed from ({@code source}, the cache's version string). It
 * is a cache: the caller uses it only while {@code source} equals the current version, and computes afresh (and
 * writes the file again) otherwise.
 *
 * <pre>
 * {"v":1,"source":"…","gate":"PASS|WARN|BLOCK|UNKNOWN","lastOverride":"…","statistics":{…},"sha256":"…"}
 * </pre>
 *
 * The statistics are {@link DeployStatisticsFormat}'s object; the checksum is {@link SignedJson}'s. Decoding is
 * strict and never throws: anything else (another version, a torn or changed file) is empty. {@link #VERSION}
 * changes whenever what a stored figure means changes, so a plugin update never shows figures of the old meaning.
 */
public final class DeployHealthSnapshot {
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String source;
    private final DeployHealthView view;
    private final String lastOverride;

    private DeployHealthSnapshot(String source, DeployHealthView view, String lastOverride) {
        this.source = source;
        this.view = view;
        this.lastOverride = lastOverride;
    }

    /**
     * @param source the state of the ledger and audit trail the health was computed from
     * @param view the health
     * @param lastOverride the last override's text, empty when none
     * @return the file's bytes
     */
    public static byte[] encode(String source, DeployHealthView view, String lastOverride) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("v", VERSION);
            json.writeStringField("source", Objects.requireNonNull(source, "source"));
            json.writeStringField("gate", view.getGateState().name());
            json.writeStringField("lastOverride", Objects.requireNonNull(lastOverride, "lastOverride"));
            json.writeFieldName("statistics");
            DeployStatisticsFormat.write(json, view.getStatistics());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        return SignedJson.sign(out.toByteArray());
    }

    /**
     * @param bytes the file's bytes
     * @return what it holds, or empty when the bytes are not exactly a version {@value #VERSION} snapshot
     */
    public static Optional<DeployHealthSnapshot> decode(byte[] bytes) {
        String signed = SignedJson.sha256OfSignedObject(bytes);
        if (signed == null) {
            return Optional.empty();
        }
        try (JsonParser json = FACTORY.createParser(bytes)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            field(json, "v");
            expect(json.nextToken(), JsonToken.VALUE_NUMBER_INT);
            if (json.getNumberType() != JsonParser.NumberType.INT || json.getIntValue() != VERSION) {
                return Optional.empty();
            }
            String source = readString(json, "source");
            GateBadgeState gate = GateBadgeState.valueOf(readString(json, "gate"));
            String lastOverride = readString(json, "lastOverride");
            field(json, "statistics");
            DeployStatistics statistics = DeployStatisticsFormat.read(json);
            String sha256 = readString(json, "sha256");
            expect(json.nextToken(), JsonToken.END_OBJECT);
            if (json.nextToken() != null || !sha256.equals(signed)) {
                return Optional.empty();
            }
            return Optional.of(new DeployHealthSnapshot(source, DeployHealthView.of(statistics, gate), lastOverride));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the state of the ledger and audit trail the health was computed from */
    public String getSource() {
        return source;
    }

    /** @return the health as computed */
    public DeployHealthView getView() {
        return view;
    }

    /** @return the last override's text, empty when none */
    public String getLastOverride() {
        return lastOverride;
    }

    private static String readString(JsonParser json, String name) throws IOException {
        field(json, name);
        expect(json.nextToken(), JsonToken.VALUE_STRING);
        return json.getText();
    }

    private static void field(JsonParser json, String name) throws IOException {
        expect(json.nextToken(), JsonToken.FIELD_NAME);
        if (!name.equals(json.currentName())) {
            throw new IllegalArgumentException("expected field " + name + ", found " + json.currentName());
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + ", found " + actual);
        }
    }
}
