package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Findings of every kind that the audit trail keeps as values (at least one of each, with the variants their
 * wording tells apart), user text that tries to break the line included, and audit entries that hold each of them
 * in a passed and in a failed verdict. For {@code AuditFindingsTest} and {@code GateWordsTest}.
 */
public final class AuditFindingSamples {
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final EnvironmentName STAGING = EnvironmentName.of("staging");

    /** A commit that is one word, as a candidate's must be, of what JSON, HTML and a terminal treat specially. */
    public static final String HOSTILE_COMMIT = "0a\"b\\c</script>&amp;\u0085\u202E\u0000\u001b[31m✓😀";

    /** Who granted an override and why, with what would break a line, a JSON string or a page if not escaped. */
    public static final String HOSTILE_USER = "al\"i\\ce</td>\u202Eevil\u2028\u2029\u0085😀";

    public static final String HOSTILE_REASON =
            "hotfix \"}]}\\n{\"v\":1 <img src=x onerror=alert(1)>\u2028line two" + " \u0085 ✓ ${jndi:ldap://x} %s {0}";

    private AuditFindingSamples() {}

    /** @return a bound override with hostile user text */
    public static GateOverride hostileOverride() {
        return new GateOverride(
                HOSTILE_USER,
                HOSTILE_REASON,
                NOW.minusSeconds(61),
                CandidateIdentity.none().withCommit(HOSTILE_COMMIT),
                NOW.plus(Duration.ofHours(24)));
    }

    /** @return findings of every kind but {@link Finding.Recorded} */
    public static List<Finding> findings() {
        EnvironmentName odd = EnvironmentName.of("prod.eu-1_A");
        CandidateIdentity full = CandidateIdentity.ofBuild(42)
                .withCommit(HOSTILE_COMMIT)
                .withArtifactFingerprint("D41D8CD98F00B204E9800998ECF8427E");
        return List.of(
                new Finding.NoDeploy(STAGING, List.of()),
                new Finding.NoDeploy(STAGING, List.of(odd, EnvironmentName.of("qa"))),
                new Finding.NoSuccessfulDeploy(odd),
                new Finding.NoTrustedSuccess(STAGING, 14),
                new Finding.LastSuccess(STAGING, Duration.ofDays(20), 14, 42, DeploySource.DEPLOY_TO_STAGING),
                new Finding.LastSuccess(
                        STAGING, Duration.ofHours(5).plusNanos(123_456_789), 14, 46, DeploySource.UNKNOWN),
                new Finding.LastSuccess(STAGING, Duration.ofSeconds(20), 1, 47, DeploySource.RECORD_DEPLOY),
                new Finding.Frequency(STAGING, 0, 2, 28),
                new Finding.Frequency(STAGING, 1, 1, 7),
                new Finding.CandidateNotGiven(),
                new Finding.CandidateDeployed(
                        STAGING, full, 42, CandidateIdentity.Kind.ARTIFACT_FINGERPRINT, DeploySource.DEPLOY_OFTEN),
                new Finding.CandidateDeployed(
                        STAGING, CandidateIdentity.ofBuild(7), 7, CandidateIdentity.Kind.BUILD, DeploySource.UNKNOWN),
                new Finding.CandidateNeverDeployed(STAGING, full),
                new Finding.CandidateNeverDeployed(
                        STAGING, CandidateIdentity.none().withCommit("c0ffee")),
                new Finding.FailureStreak(STAGING, 3, 1, true),
                new Finding.FailureStreak(STAGING, 3, 3, false),
                new Finding.FailureStreak(STAGING, 3, 0, false),
                new Finding.FailureStreak(STAGING, 3, 2, false),
                new Finding.FailureRate(STAGING, 0, 0, 14, 20),
                new Finding.FailureRate(STAGING, 3, 7, 14, 20),
                new Finding.Overridden(hostileOverride()));
    }

    /** @return the rule a finding belongs to */
    static GateRule ruleOf(Finding finding) {
        return switch (finding) {
            case Finding.NoDeploy f -> GateRule.FRESH;
            case Finding.NoSuccessfulDeploy f -> GateRule.FRESH;
            case Finding.NoTrustedSuccess f -> GateRule.FRESH;
            case Finding.LastSuccess f -> GateRule.FRESH;
            case Finding.Frequency f -> GateRule.FREQUENT;
            case Finding.CandidateNotGiven f -> GateRule.CANDIDATE_PRACTISED;
            case Finding.CandidateDeployed f -> GateRule.CANDIDATE_PRACTISED;
            case Finding.CandidateNeverDeployed f -> GateRule.CANDIDATE_PRACTISED;
            case Finding.FailureStreak f -> GateRule.HEALTHY;
            case Finding.FailureRate f -> GateRule.HEALTHY;
            case Finding.Overridden f -> GateRule.OVERRIDE;
            case Finding.Recorded f -> throw new IllegalArgumentException("not a sample");
        };
    }

    /**
     * @return for each finding, an entry with it in a failed verdict (but for the evidence a rule passes on) and
     *     one with it in a passed verdict, beside a rule switched off; every other entry counts only some sources
     */
    public static List<GateAuditEntry> entries() {
        List<GateAuditEntry> entries = new ArrayList<>();
        TrustedSources someSources =
                TrustedSources.of(EnumSet.of(DeploySource.DEPLOY_TO_STAGING, DeploySource.DEPLOY_OFTEN));
        int build = 1;
        for (Finding finding : findings()) {
            // the evidence a rule passed on is in passed verdicts only, as the gate decides
            boolean evidence = finding instanceof Finding.CandidateDeployed || finding instanceof Finding.Overridden;
            for (RuleStatus status : evidence ? List.of(RuleStatus.PASS) : List.of(RuleStatus.FAIL, RuleStatus.PASS)) {
                GateRule rule = ruleOf(finding);
                RuleVerdict verdict =
                        status == RuleStatus.FAIL ? RuleVerdict.fail(rule, finding) : RuleVerdict.pass(rule, finding);
                GateRule off = rule == GateRule.HEALTHY ? GateRule.FREQUENT : GateRule.HEALTHY;
                GateOverride override = finding instanceof Finding.Overridden o ? o.override() : null;
                GateStatus decided = override != null || status == RuleStatus.PASS ? GateStatus.PASS : GateStatus.BLOCK;
                GateDecision decision = new GateDecision(
                        decided,
                        GateMode.ENFORCE,
                        STAGING,
                        CandidateIdentity.ofBuild(build),
                        NOW.plusSeconds(build),
                        List.of(verdict, RuleVerdict.notChecked(off)),
                        override,
                        build % 3,
                        build % 2 == 0 ? someSources : TrustedSources.ALL);
                entries.add(new GateAuditEntry("folder/app", build, decision));
                build++;
            }
        }
        return entries;
    }
}
