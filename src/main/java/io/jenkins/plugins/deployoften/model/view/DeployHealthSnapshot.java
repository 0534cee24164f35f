package io.jenkins.plugins.deployoften.model.view;

import static io.jenkins.plugins.deployoften.model.StrictJsonFields.countValue;
import static io.jenkins.plugins.deployoften.model.StrictJsonFields.expect;
import static io.jenkins.plugins.deployoften.model.StrictJsonFields.field;
import static io.jenkins.plugins.deployoften.model.StrictJsonFields.readString;
import static io.jenkins.plugins.deployoften.model.StrictJsonFields.stringValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.DeployStatisticsFormat;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.SignedJson;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import io.jenkins.plugins.deployoften.model.ledger.LedgerLineFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's computed deploy health as a small file, so that after a restart the Deploy health page, the widget and
 * the badges are served from it without reading the ledger's summary: the health, its last override, what runs on
 * each environment (records as the text of their ledger lines), each environment's {@link RecentDeploys recent
 * deploys}, and the state of the ledger and gate audit trail
 * it was computed from ({@code source}, the cache's version string). It
 * is a cache: the caller uses it only while {@code source} equals the current version, and computes afresh (and
 * writes the file again) otherwise.
 *
 * <pre>
 * {"v":1,"source":"…","gate":"PASS|WARN|BLOCK|UNKNOWN","lastOverride":"…",
 *  "environments":[[name, current line or null, last attempt line or null], …],
 *  "recent":[[name, deploys, failures], …],"statistics":{…},"sha256":"…"}
 * </pre>
 *
 * The statistics are {@link DeployStatisticsFormat}'s object; the checksum is {@link SignedJson}'s. Decoding is
 * strict and never throws: anything else (another version, a torn or changed file) is empty. {@link #VERSION}
 * changes whenever what a stored figure means changes, so a plugin update never shows figures of the old meaning.
 */
public final class DeployHealthSnapshot {
    /** The version this code writes and reads. */
    public static final int VERSION = 2;

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String source;
    private final DeployHealthView view;
    private final String lastOverride;
    private final List<EnvironmentStatus> environments;
    private final List<RecentDeploys> recent;

    private DeployHealthSnapshot(
            String source,
            DeployHealthView view,
            String lastOverride,
            List<EnvironmentStatus> environments,
            List<RecentDeploys> recent) {
        this.source = source;
        this.view = view;
        this.lastOverride = lastOverride;
        this.environments = environments;
        this.recent = recent;
    }

    /**
     * @param source the state of the ledger and audit trail the health was computed from
     * @param view the health
     * @param lastOverride the last override's text, empty when none
     * @param environments what runs on each environment
     * @param recent each environment's recent deploys
     * @return the file's bytes
     */
    public static byte[] encode(
            String source,
            DeployHealthView view,
            String lastOverride,
            List<EnvironmentStatus> environments,
            List<RecentDeploys> recent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("v", VERSION);
            json.writeStringField("source", Objects.requireNonNull(source, "source"));
            json.writeStringField("gate", view.getGateState().name());
            json.writeStringField("lastOverride", Objects.requireNonNull(lastOverride, "lastOverride"));
            json.writeArrayFieldStart("environments");
            for (EnvironmentStatus environment : environments) {
                json.writeStartArray();
                json.writeString(environment.getEnvironment().toString());
                writeRecord(json, environment.getCurrent());
                writeRecord(json, environment.getLastAttempt());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("recent");
            for (RecentDeploys environment : recent) {
                json.writeStartArray();
                json.writeString(environment.environment().value());
                json.writeNumber(environment.deploys());
                json.writeNumber(environment.failures());
                json.writeEndArray();
            }
            json.writeEndArray();
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
            List<EnvironmentStatus> environments = readByEnvironment(
                    json,
                    "environments",
                    (environment, entry) -> EnvironmentStatus.of(environment, readRecord(entry), readRecord(entry)));
            List<RecentDeploys> recent = readByEnvironment(
                    json,
                    "recent",
                    (environment, entry) -> new RecentDeploys(
                            environment, countValue(entry, entry.nextToken()), countValue(entry, entry.nextToken())));
            field(json, "statistics");
            DeployStatistics statistics = DeployStatisticsFormat.read(json);
            String sha256 = readString(json, "sha256");
            expect(json.nextToken(), JsonToken.END_OBJECT);
            if (json.nextToken() != null || !sha256.equals(signed)) {
                return Optional.empty();
            }
            return Optional.of(new DeployHealthSnapshot(
                    source, DeployHealthView.of(statistics, gate), lastOverride, environments, recent));
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

    /** @return what runs on each environment, as computed */
    public List<EnvironmentStatus> getEnvironments() {
        return environments;
    }

    /** @return each environment's recent deploys, as computed */
    public List<RecentDeploys> getRecent() {
        return recent;
    }

    /** Reads what follows an environment's name in its entry. */
    private interface EntryReader<T> {
        T read(EnvironmentName environment, JsonParser json) throws IOException;
    }

    /** @return the field's array of entries {@code [environment name, …]}, each read by {@code reader} */
    private static <T> List<T> readByEnvironment(JsonParser json, String name, EntryReader<T> reader)
            throws IOException {
        field(json, name);
        expect(json.nextToken(), JsonToken.START_ARRAY);
        List<T> entries = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            EnvironmentName environment = EnvironmentName.of(stringValue(json, json.nextToken()));
            entries.add(reader.read(environment, json));
            expect(json.nextToken(), JsonToken.END_ARRAY);
        }
        return List.copyOf(entries);
    }

    /** A record as the text of its ledger line (its {@code recorded} stamp the epoch), or null. */
    private static void writeRecord(JsonGenerator json, Optional<DeployRecord> record) throws IOException {
        if (record.isEmpty()) {
            json.writeNull();
            return;
        }
        byte[] line = LedgerLineFormat.encode(record.get(), Instant.EPOCH);
        json.writeString(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
    }

    private static Optional<DeployRecord> readRecord(JsonParser json) throws IOException {
        if (json.nextToken() == JsonToken.VALUE_NULL) {
            return Optional.empty();
        }
        expect(json.currentToken(), JsonToken.VALUE_STRING);
        return Optional.of(LedgerLineFormat.decode(json.getText().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalArgumentException("an unreadable record"))
                .getRecord());
    }
}
