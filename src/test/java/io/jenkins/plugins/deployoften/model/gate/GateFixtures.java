package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shared records and times for the gate tests. */
final class GateFixtures {
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final EnvironmentName STAGING = EnvironmentName.of("staging");
    static final EnvironmentName PRODUCTION = EnvironmentName.of("production");

    private GateFixtures() {}

    static DeployRecord deploy(String environment, int build, DeployOutcome outcome, Instant started) {
        return DeployRecord.builder(environment, "folder/app", build)
                .outcome(outcome)
                .startedAt(started)
                .duration(Duration.ofMinutes(3))
                .build();
    }

    /** @return a staging deploy of {@code ago} before {@link #NOW}, of that commit, made by that source */
    static DeployRecord staging(int build, DeployOutcome outcome, Duration ago, String commit, DeploySource source) {
        return DeployRecord.builder("staging", "folder/app", build)
                .outcome(outcome)
                .startedAt(NOW.minus(ago))
                .duration(Duration.ofMinutes(3))
                .commit(commit)
                .source(source)
                .build();
    }

    static DeployRecord staging(int build, DeployOutcome outcome, Instant started) {
        return deploy("staging", build, outcome, started);
    }

    static DeployRecord stagingSuccess(int build, Duration ago) {
        return staging(build, DeployOutcome.SUCCESS, NOW.minus(ago));
    }

    static LedgerRead history(DeployRecord... records) {
        return new LedgerRead(List.of(records), 0);
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }

    /**
     * @return an override granted at {@code grantedAt} for build #42, valid for the default 24 hours
     */
    static GateOverride overrideFor42(String user, String reason, Instant grantedAt) {
        return overrideFor(CandidateIdentity.ofBuild(42), user, reason, grantedAt);
    }

    /** @return an override granted at {@code grantedAt} for the candidate, valid for the default 24 hours */
    static GateOverride overrideFor(CandidateIdentity candidate, String user, String reason, Instant grantedAt) {
        return new GateOverride(
                user, reason, grantedAt, candidate, grantedAt.plus(Duration.ofHours(OverrideExpiry.DEFAULT_HOURS)));
    }

    /** @return the verdict's explanation as the audit trail records it, counting every source */
    static String explanation(RuleVerdict verdict) {
        return AuditWording.explanation(verdict, TrustedSources.ALL);
    }

    /** @return the explanation of the decision's verdict of the rule as the audit trail records it */
    static String explanation(GateDecision decision, GateRule rule) {
        return AuditWording.explanation(verdictOf(decision, rule).orElseThrow(), decision.getTrustedSources());
    }

    /** @return the verdict's remedy as the audit trail records it */
    static Optional<String> remedy(RuleVerdict verdict) {
        return AuditWording.remedy(verdict);
    }

    /** @return the verdict's explanation followed by its remedy, as the audit trail records them */
    static String described(RuleVerdict verdict) {
        return remedy(verdict).map(r -> explanation(verdict) + ": " + r).orElse(explanation(verdict));
    }

    /**
     * @return the entries as audit lines: an entry read back from the log has its verdicts in recorded words, so
     *     it equals what was appended by the line it writes
     */
    static List<String> asLines(List<GateAuditEntry> entries) {
        return entries.stream()
                .map(entry -> new String(GateJson.encodeAudit(entry), StandardCharsets.UTF_8))
                .toList();
    }

    /** @return the entries as audit lines */
    static List<String> asLines(GateAuditEntry... entries) {
        return asLines(List.of(entries));
    }

    /** @return the decision's verdict of the rule, if it has one */
    static Optional<RuleVerdict> verdictOf(GateDecision decision, GateRule rule) {
        return decision.getVerdicts().stream().filter(v -> v.getRule() == rule).findFirst();
    }
}
