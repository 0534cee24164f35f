package io.jenkins.plugins.deployoften.model.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.ledger.LineSafeJson;
import io.jenkins.plugins.deployoften.model.ledger.StrictJsonLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JSON forms of the gate's files, version {@value #VERSION}; every object carries {@code "v":1}.
 * Text is written as the ledger writes it ({@link LineSafeJson}: control characters and U+0085, U+2028, U+2029
 * escaped), so user text (reasons, commits) cannot break a line or the format for any reader.
 *
 * <p>Audit line ({@code deployoften-gate.jsonl}, one object per line):
 *
 * <pre>
 * v          format version (1)
 * evaluated  when the gate was evaluated (ISO-8601 UTC)
 * job        job full name
 * build      number of the build that evaluated the gate
 * environment  the environment whose practice was checked
 * mode       ENFORCE | WARN
 * status     PASS | WARN | BLOCK
 * candidate  {commit?, artifact?, build?}; empty object when no identity was given
 * verdicts   [{rule, status, explanation, remedy?}] in rule order
 * override   {user, reason, granted} when an override was consumed (optional)
 * skippedLedgerLines  unreadable ledger lines met (number)
 * trustedSources  the sources whose records the rules counted: {@code all}, or their ids comma-separated, such
 *            as {@code deployToStaging, deployOften}; a line written before sources were kept has none and
 *            reads as {@code all}. Each passed verdict's explanation names the source of the record it rests on.
 * </pre>
 *
 * Pending override ({@code deployoften-override.json}): {@code {v, user, reason, granted}}.
 *
 * <p>Unknown fields are ignored; a newer version, or anything incomplete, decodes as unreadable.
 */
final class GateJson {
    static final int VERSION = 1;

    /** The JSON-lines writer of the ledger: line and paragraph separators escaped too. */
    private static final JsonFactory WRITER = LineSafeJson.factory();

    private GateJson() {}

    static byte[] encodeAudit(GateAuditEntry entry) {
        GateDecision decision = entry.decision();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("v", VERSION);
            json.writeStringField("evaluated", decision.getEvaluatedAt().toString());
            json.writeStringField("job", entry.jobFullName());
            json.writeNumberField("build", entry.buildNumber());
            json.writeStringField("environment", decision.getEnvironment().value());
            json.writeStringField("mode", decision.getMode().name());
            json.writeStringField("status", decision.getStatus().name());
            json.writeObjectFieldStart("candidate");
            CandidateIdentity candidate = decision.getCandidate();
            writeOptional(json, "commit", candidate.getCommit());
            writeOptional(json, "artifact", candidate.getArtifactFingerprint());
            if (candidate.getBuildNumber().isPresent()) {
                json.writeNumberField("build", candidate.getBuildNumber().getAsInt());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("verdicts");
            for (RuleVerdict verdict : decision.getVerdicts()) {
                json.writeStartObject();
                json.writeStringField("rule", verdict.getRule().name());
                json.writeStringField("status", verdict.getStatus().name());
                json.writeStringField("explanation", verdict.getExplanation());
                writeOptional(json, "remedy", verdict.getRemedy());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (decision.getOverride().isPresent()) {
                json.writeFieldName("override");
                writeOverrideFields(json, decision.getOverride().get(), false);
            }
            json.writeNumberField("skippedLedgerLines", decision.getSkippedLedgerLines());
            json.writeStringField("trustedSources", decision.getTrustedSources().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    static Optional<GateAuditEntry> decodeAudit(byte[] line) {
        try {
            Optional<JsonNode> object = StrictJsonLine.object(line);
            if (object.isEmpty() || !StrictJsonLine.hasVersion(object.get(), VERSION)) {
                return Optional.empty();
            }
            JsonNode node = object.get();
            List<RuleVerdict> verdicts = new ArrayList<>();
            JsonNode array = node.get("verdicts");
            if (array == null || !array.isArray()) {
                return Optional.empty();
            }
            for (JsonNode verdict : array) {
                verdicts.add(new RuleVerdict(
                        GateRule.valueOf(text(verdict, "rule")),
                        RuleStatus.valueOf(text(verdict, "status")),
                        text(verdict, "explanation"),
                        optionalText(verdict, "remedy")));
            }
            JsonNode override = node.get("override");
            GateDecision decision = new GateDecision(
                    GateStatus.valueOf(text(node, "status")),
                    GateMode.valueOf(text(node, "mode")),
                    EnvironmentName.of(text(node, "environment")),
                    decodeCandidate(node.get("candidate")),
                    Instant.parse(text(node, "evaluated")),
                    verdicts,
                    override == null ? null : decodeOverrideFields(override),
                    count(node, "skippedLedgerLines"),
                    trustedSources(optionalText(node, "trustedSources")));
            return Optional.of(new GateAuditEntry(text(node, "job"), integer(node, "build"), decision));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static TrustedSources trustedSources(String text) {
        return text == null || text.equals(TrustedSources.ALL.toString())
                ? TrustedSources.ALL
                : TrustedSources.parse(text);
    }

    static byte[] encodeOverride(GateOverride override) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            writeOverrideFields(json, override, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen when writing to memory", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    static Optional<GateOverride> decodeOverride(byte[] content) {
        try {
            int end = content.length;
            while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r')) {
                end--; // the file ends with a newline
            }
            Optional<JsonNode> object = StrictJsonLine.object(Arrays.copyOf(content, end));
            return object.isPresent() && StrictJsonLine.hasVersion(object.get(), VERSION)
                    ? Optional.of(decodeOverrideFields(object.get()))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeOverrideFields(JsonGenerator json, GateOverride override, boolean withVersion)
            throws IOException {
        json.writeStartObject();
        if (withVersion) {
            json.writeNumberField("v", VERSION);
        }
        json.writeStringField("user", override.user());
        json.writeStringField("reason", override.reason());
        json.writeStringField("granted", override.grantedAt().toString());
        json.writeEndObject();
    }

    private static GateOverride decodeOverrideFields(JsonNode node) {
        return new GateOverride(text(node, "user"), text(node, "reason"), Instant.parse(text(node, "granted")));
    }

    private static CandidateIdentity decodeCandidate(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("candidate missing");
        }
        CandidateIdentity candidate = CandidateIdentity.none()
                .withCommit(optionalText(node, "commit"))
                .withArtifactFingerprint(optionalText(node, "artifact"));
        return node.has("build") ? candidate.withBuildNumber(integer(node, "build")) : candidate;
    }

    private static void writeOptional(JsonGenerator json, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(field, value.get());
        }
    }

    private static String text(JsonNode node, String field) {
        return StrictJsonLine.text(node, field);
    }

    private static String optionalText(JsonNode node, String field) {
        return StrictJsonLine.optionalText(node, field);
    }

    private static int integer(JsonNode node, String field) {
        return StrictJsonLine.integer(node, field);
    }

    private static int count(JsonNode node, String field) {
        int value = integer(node, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + ": must be 0 or more");
        }
        return value;
    }
}
