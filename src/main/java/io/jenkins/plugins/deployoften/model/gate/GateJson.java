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
import java.nio.charset.StandardCharsets;
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
 * verdicts   [{rule, status, explanation, remedy?, findings?}] in rule order. explanation and remedy are
 *            in {@link AuditWording}'s English, for grep and for older readers; findings are the verdict's
 *            {@link Finding}s as values ({@link FindingJson}), written for a checked rule (absent for one
 *            switched off, and for a verdict that was itself read back in recorded words). A verdict read
 *            back has its findings when they decode, so it is worded in the reader's language; without
 *            them (lines written before findings were kept) or when they do not decode, it reads as
 *            {@link Finding.Recorded} in the words it was written with. One finding that does not decode
 *            makes the verdict read in its recorded words, not the line unreadable (explanation is always
 *            required, so it has them); the findings are not compared with the words
 * override   {user, reason, granted, candidate, expires} when an override was consumed (optional);
 *            candidate is the one identity it was bound to, expires when it would have expired; lines
 *            written before overrides were bound have neither
 * skippedLedgerLines  unreadable ledger lines met (number)
 * policy     {source, rules, notApplied: [rule name]}: the policy applied (optional; absent before 2026-12)
 * trustedSources  the sources whose records the rules counted: {@code all}, or their ids comma-separated, such
 *            as {@code deployToStaging, deployOften}; a line written before sources were kept has none and
 *            reads as {@code all}. Each passed verdict's explanation names the source of the record it rests on.
 * </pre>
 *
 * Pending override ({@code deployoften-override.json}), version {@value #OVERRIDE_VERSION}: {@code {v, user, reason,
 * granted, candidate, expires}}, candidate as in the audit line with exactly one identity. The version is 2 so
 * that an older plugin, which would let an override through for any candidate, moves the file aside as
 * unreadable instead. A version 1 file {@code {v, user, reason, granted}} (written before overrides were bound)
 * decodes as {@linkplain GateOverride#unbound unbound}: it names no candidate and is expired, so it lets nothing
 * through until a new grant replaces it.
 *
 * <p>Unknown fields are ignored; a newer version, or anything incomplete, decodes as unreadable. So a field is
 * added without a new version when older readers may ignore it, as {@code findings} was (older readers word
 * the verdict from its explanation and remedy, as before); a change older readers would misread takes a new
 * version.
 */
final class GateJson {
    static final int VERSION = 1;
    /** The pending override file's version: 2 since overrides are bound to a candidate and expire. */
    static final int OVERRIDE_VERSION = 2;

    /** The JSON-lines writer of the ledger: line and paragraph separators escaped too. */
    private static final JsonFactory WRITER = LineSafeJson.factory();

    /** The bytes of the audit line's {@code override} key, and the start of a JSON escape that can spell it. */
    private static final byte[] OVERRIDE_KEY = "\"override\"".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] UNICODE_ESCAPE = "\\u".getBytes(StandardCharsets.US_ASCII);

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
            writeCandidate(json, decision.getCandidate());
            json.writeArrayFieldStart("verdicts");
            for (RuleVerdict verdict : decision.getVerdicts()) {
                json.writeStartObject();
                json.writeStringField("rule", verdict.getRule().name());
                json.writeStringField("status", verdict.getStatus().name());
                json.writeStringField("explanation", AuditWording.explanation(verdict, decision.getTrustedSources()));
                writeOptional(json, "remedy", AuditWording.remedy(verdict));
                FindingJson.write(json, verdict);
                json.writeEndObject();
            }
            json.writeEndArray();
            if (decision.getOverride().isPresent()) {
                json.writeFieldName("override");
                writeOverrideFields(json, decision.getOverride().get(), false);
            }
            json.writeNumberField("skippedLedgerLines", decision.getSkippedLedgerLines());
            if (entry.policy() != AuditedPolicy.NOT_RECORDED) {
                writePolicy(json, entry.policy());
            }
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
                verdicts.add(decodeVerdict(verdict));
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
            JsonNode policy = node.get("policy");
            return Optional.of(new GateAuditEntry(
                    text(node, "job"),
                    integer(node, "build"),
                    decision,
                    policy == null ? AuditedPolicy.NOT_RECORDED : decodePolicy(policy)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether an audit line can decode with an override, from its bytes alone: {@code false} is certain, {@code
     * true} only possible (then decode the line to tell). The strict reader takes a key only in double quotes and
     * an escape only of the kinds JSON defines, of which only a backslash followed by {@code u} can spell a letter;
     * so a line whose bytes hold neither {@code "override"} nor a backslash followed by {@code u} has no {@code
     * override} key.
     *
     * @param line an audit line, without its newline
     * @return whether decoding it may find an override
     */
    static boolean mayHoldOverride(byte[] line) {
        return contains(line, OVERRIDE_KEY) || contains(line, UNICODE_ESCAPE);
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        for (int start = 0; start <= bytes.length - part.length; start++) {
            int i = 0;
            while (i < part.length && bytes[start + i] == part[i]) {
                i++;
            }
            if (i == part.length) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the verdict with the findings it was decided with when its {@code findings} decode, else (a line
     *     written before findings were kept, or findings that do not decode) in the words it was recorded with
     */
    private static RuleVerdict decodeVerdict(JsonNode verdict) {
        GateRule rule = GateRule.valueOf(text(verdict, "rule"));
        RuleStatus status = RuleStatus.valueOf(text(verdict, "status"));
        String explanation = text(verdict, "explanation");
        String remedy = optionalText(verdict, "remedy");
        JsonNode findings = verdict.get("findings");
        Optional<RuleVerdict> decided = findings == null ? Optional.empty() : FindingJson.read(rule, status, findings);
        return decided.orElseGet(() -> AuditWording.read(rule, status, explanation, remedy));
    }

    private static void writePolicy(JsonGenerator json, AuditedPolicy policy) throws IOException {
        json.writeObjectFieldStart("policy");
        json.writeStringField("source", policy.source());
        json.writeStringField("rules", policy.rules());
        json.writeArrayFieldStart("notApplied");
        for (String rule : policy.notApplied()) {
            json.writeString(rule);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static AuditedPolicy decodePolicy(JsonNode policy) {
        JsonNode notApplied = policy.get("notApplied");
        if (notApplied == null || !notApplied.isArray()) {
            throw new IllegalArgumentException("policy.notApplied: must be an array");
        }
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : notApplied) {
            if (!rule.isTextual()) {
                throw new IllegalArgumentException("policy.notApplied: must hold rule names");
            }
            rules.add(rule.asText());
        }
        return new AuditedPolicy(text(policy, "source"), text(policy, "rules"), rules);
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
            if (object.isPresent() && StrictJsonLine.hasVersion(object.get(), OVERRIDE_VERSION)) {
                GateOverride override = decodeOverrideFields(object.get());
                return override.isBound() ? Optional.of(override) : Optional.empty();
            }
            return object.isPresent() && StrictJsonLine.hasVersion(object.get(), VERSION)
                    ? Optional.of(decodeUnboundOverride(object.get()))
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static void writeOverrideFields(JsonGenerator json, GateOverride override, boolean withVersion) throws IOException {
        json.writeStartObject();
        if (withVersion) {
            json.writeNumberField("v", OVERRIDE_VERSION);
        }
        json.writeStringField("user", override.user());
        json.writeStringField("reason", override.reason());
        json.writeStringField("granted", override.grantedAt().toString());
        if (override.isBound()) {
            writeCandidate(json, override.candidate());
            json.writeStringField("expires", override.expiresAt().toString());
        }
        json.writeEndObject();
    }

    /** An override with its binding; in an audit line written before overrides were bound, an unbound one. */
    static GateOverride decodeOverrideFields(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("override: must be an object");
        }
        if (!node.has("candidate") && !node.has("expires")) {
            return decodeUnboundOverride(node);
        }
        return new GateOverride(
                text(node, "user"),
                text(node, "reason"),
                Instant.parse(text(node, "granted")),
                decodeCandidate(node.get("candidate")),
                Instant.parse(text(node, "expires")));
    }

    private static GateOverride decodeUnboundOverride(JsonNode node) {
        return GateOverride.unbound(text(node, "user"), text(node, "reason"), Instant.parse(text(node, "granted")));
    }

    static void writeCandidate(JsonGenerator json, CandidateIdentity candidate) throws IOException {
        json.writeObjectFieldStart("candidate");
        writeOptional(json, "commit", candidate.getCommit());
        writeOptional(json, "artifact", candidate.getArtifactFingerprint());
        if (candidate.getBuildNumber().isPresent()) {
            json.writeNumberField("build", candidate.getBuildNumber().getAsInt());
        }
        json.writeEndObject();
    }

    static CandidateIdentity decodeCandidate(JsonNode node) {
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
