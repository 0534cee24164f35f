package io.jenkins.plugins.deployoften.model.gate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.ledger.StrictJsonLine;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code findings} of an audit line's verdict ({@link GateJson}): each {@link Finding} as an object of its
 * {@code kind} and its values, so a verdict read back has the finding it was decided with and is worded in the
 * reader's language. {@link Finding.Recorded} has no such form: a verdict read back without findings keeps the
 * words it was recorded with.
 *
 * <pre>
 * kind                    fields
 * noDeploy                environment, recordedEnvironments: [environment]
 * noSuccessfulDeploy      environment
 * noTrustedSuccess        environment, windowDays
 * lastSuccess             environment, age (ISO-8601 duration, such as PT480H), maxDays, build, source
 * frequency               environment, successes, minDeploys, windowDays
 * candidateNotGiven       (none)
 * candidateDeployed       environment, candidate {commit?, artifact?, build?}, build, matchedBy
 *                         (ARTIFACT_FINGERPRINT | COMMIT | BUILD), source
 * candidateNeverDeployed  environment, candidate
 * failureStreak           environment, lastDeploys, failedInARow, successAmongThem (boolean)
 * failureRate             environment, failures, completed, windowDays, maxPercent
 * overridden              override {user, reason, granted, candidate?, expires?}, as the line's override
 * </pre>
 *
 * Numbers are JSON integers of 0 or more, {@code source} a deploy source's id ({@link DeploySource#id()}). A
 * finding that is not exactly one of these (an unknown kind, a field missing or of another type, a value out of
 * range) does not decode.
 */
final class FindingJson {
    /** Each kind of finding that the audit line keeps as values, by the name its {@code kind} field has. */
    static final Map<Class<? extends Finding>, String> KINDS = Map.ofEntries(
            Map.entry(Finding.NoDeploy.class, "noDeploy"),
            Map.entry(Finding.NoSuccessfulDeploy.class, "noSuccessfulDeploy"),
            Map.entry(Finding.NoTrustedSuccess.class, "noTrustedSuccess"),
            Map.entry(Finding.LastSuccess.class, "lastSuccess"),
            Map.entry(Finding.Frequency.class, "frequency"),
            Map.entry(Finding.CandidateNotGiven.class, "candidateNotGiven"),
            Map.entry(Finding.CandidateDeployed.class, "candidateDeployed"),
            Map.entry(Finding.CandidateNeverDeployed.class, "candidateNeverDeployed"),
            Map.entry(Finding.FailureStreak.class, "failureStreak"),
            Map.entry(Finding.FailureRate.class, "failureRate"),
            Map.entry(Finding.Overridden.class, "overridden"));

    private FindingJson() {}

    /**
     * @param verdict a verdict
     * @return whether its findings are written as values: a checked verdict whose findings are all values (none
     *     {@link Finding.Recorded})
     */
    static boolean hasValues(RuleVerdict verdict) {
        return verdict.getStatus() != RuleStatus.NOT_CHECKED
                && !verdict.getFindings().isEmpty()
                && verdict.getFindings().stream().noneMatch(Finding.Recorded.class::isInstance);
    }

    /** Writes the verdict's {@code findings} field when it {@linkplain #hasValues has values}. */
    static void write(JsonGenerator json, RuleVerdict verdict) throws IOException {
        if (!hasValues(verdict)) {
            return;
        }
        json.writeArrayFieldStart("findings");
        for (Finding finding : verdict.getFindings()) {
            write(json, finding);
        }
        json.writeEndArray();
    }

    private static void write(JsonGenerator json, Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", kind(finding));
        switch (finding) {
            case Finding.NoDeploy f -> {
                environment(json, f.environment());
                json.writeArrayFieldStart("recordedEnvironments");
                for (EnvironmentName recorded : f.recordedEnvironments()) {
                    json.writeString(recorded.value());
                }
                json.writeEndArray();
            }
            case Finding.NoSuccessfulDeploy f -> environment(json, f.environment());
            case Finding.NoTrustedSuccess f -> {
                environment(json, f.environment());
                json.writeNumberField("windowDays", f.windowDays());
            }
            case Finding.LastSuccess f -> {
                environment(json, f.environment());
                json.writeStringField("age", f.age().toString());
                json.writeNumberField("maxDays", f.maxDays());
                json.writeNumberField("build", f.buildNumber());
                json.writeStringField("source", f.source().id());
            }
            case Finding.Frequency f -> {
                environment(json, f.environment());
                json.writeNumberField("successes", f.successes());
                json.writeNumberField("minDeploys", f.minDeploys());
                json.writeNumberField("windowDays", f.windowDays());
            }
            case Finding.CandidateNotGiven f -> {
                // the kind says it all
            }
            case Finding.CandidateDeployed f -> {
                environment(json, f.environment());
                GateJson.writeCandidate(json, f.candidate());
                json.writeNumberField("build", f.buildNumber());
                json.writeStringField("matchedBy", f.matchedBy().name());
                json.writeStringField("source", f.source().id());
            }
            case Finding.CandidateNeverDeployed f -> {
                environment(json, f.environment());
                GateJson.writeCandidate(json, f.candidate());
            }
            case Finding.FailureStreak f -> {
                environment(json, f.environment());
                json.writeNumberField("lastDeploys", f.lastDeploys());
                json.writeNumberField("failedInARow", f.failedInARow());
                json.writeBooleanField("successAmongThem", f.successAmongThem());
            }
            case Finding.FailureRate f -> {
                environment(json, f.environment());
                json.writeNumberField("failures", f.failures());
                json.writeNumberField("completed", f.completed());
                json.writeNumberField("windowDays", f.windowDays());
                json.writeNumberField("maxPercent", f.maxPercent());
            }
            case Finding.Overridden f -> {
                json.writeFieldName("override");
                GateJson.writeOverrideFields(json, f.override(), false);
            }
            case Finding.Recorded f -> throw new IllegalArgumentException("a recorded finding has no values");
        }
        json.writeEndObject();
    }

    private static String kind(Finding finding) {
        String kind = KINDS.get(finding.getClass());
        if (kind == null) {
            throw new IllegalArgumentException(
                    "no audit form for " + finding.getClass().getSimpleName());
        }
        return kind;
    }

    private static void environment(JsonGenerator json, EnvironmentName environment) throws IOException {
        json.writeStringField("environment", environment.value());
    }

    /**
     * @param rule the verdict's rule
     * @param status the verdict's status
     * @param findings the verdict's {@code findings} field
     * @return the verdict with those findings; empty when the field is not a non-empty array of findings that all
     *     decode, or the status is not that of a checked rule
     */
    static Optional<RuleVerdict> read(GateRule rule, RuleStatus status, JsonNode findings) {
        if (status == RuleStatus.NOT_CHECKED || !findings.isArray() || findings.size() == 0) {
            return Optional.empty();
        }
        List<Finding> decoded = new ArrayList<>();
        try {
            for (JsonNode finding : findings) {
                decoded.add(decode(finding));
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Finding[] values = decoded.toArray(new Finding[0]);
        return Optional.of(status == RuleStatus.PASS ? RuleVerdict.pass(rule, values) : RuleVerdict.fail(rule, values));
    }

    private static Finding decode(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("finding: must be an object");
        }
        String kind = StrictJsonLine.text(node, "kind");
        return switch (kind) {
            case "noDeploy" -> new Finding.NoDeploy(environment(node), environments(node, "recordedEnvironments"));
            case "noSuccessfulDeploy" -> new Finding.NoSuccessfulDeploy(environment(node));
            case "noTrustedSuccess" -> new Finding.NoTrustedSuccess(environment(node), count(node, "windowDays"));
            case "lastSuccess" ->
                new Finding.LastSuccess(
                        environment(node),
                        Duration.parse(StrictJsonLine.text(node, "age")),
                        count(node, "maxDays"),
                        count(node, "build"),
                        source(node));
            case "frequency" ->
                new Finding.Frequency(
                        environment(node),
                        count(node, "successes"),
                        count(node, "minDeploys"),
                        count(node, "windowDays"));
            case "candidateNotGiven" -> new Finding.CandidateNotGiven();
            case "candidateDeployed" ->
                new Finding.CandidateDeployed(
                        environment(node),
                        GateJson.decodeCandidate(node.get("candidate")),
                        count(node, "build"),
                        CandidateIdentity.Kind.valueOf(StrictJsonLine.text(node, "matchedBy")),
                        source(node));
            case "candidateNeverDeployed" ->
                new Finding.CandidateNeverDeployed(environment(node), GateJson.decodeCandidate(node.get("candidate")));
            case "failureStreak" ->
                new Finding.FailureStreak(
                        environment(node),
                        count(node, "lastDeploys"),
                        count(node, "failedInARow"),
                        bool(node, "successAmongThem"));
            case "failureRate" ->
                new Finding.FailureRate(
                        environment(node),
                        count(node, "failures"),
                        count(node, "completed"),
                        count(node, "windowDays"),
                        count(node, "maxPercent"));
            case "overridden" -> new Finding.Overridden(GateJson.decodeOverrideFields(node.get("override")));
            default -> throw new IllegalArgumentException("kind: unknown, was " + kind);
        };
    }

    private static EnvironmentName environment(JsonNode node) {
        return EnvironmentName.of(StrictJsonLine.text(node, "environment"));
    }

    private static List<EnvironmentName> environments(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(field + ": must be an array");
        }
        List<EnvironmentName> names = new ArrayList<>();
        for (JsonNode name : array) {
            if (!name.isTextual()) {
                throw new IllegalArgumentException(field + ": must hold environment names");
            }
            names.add(EnvironmentName.of(name.asText()));
        }
        return names;
    }

    private static DeploySource source(JsonNode node) {
        String id = StrictJsonLine.text(node, "source");
        return DeploySource.ofId(id).orElseThrow(() -> new IllegalArgumentException("source: unknown, was " + id));
    }

    private static int count(JsonNode node, String field) {
        int value = StrictJsonLine.integer(node, field);
        if (value < 0) {
            throw new IllegalArgumentException(field + ": must be 0 or more");
        }
        return value;
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException(field + ": must be a boolean");
        }
        return value.booleanValue();
    }
}
