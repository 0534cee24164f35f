package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every English sentence the gate model produces, in one place so the Jenkins side can localise them later.
 * Sentences have no final full stop; explanations and remedies are joined as {@code "explanation: remedy"}.
 */
final class GateTexts {
    private GateTexts() {}

    static String ruleOff(GateRule rule) {
        return ruleName(rule) + " is not checked (rule off)";
    }

    static String ruleName(GateRule rule) {
        switch (rule) {
            case FRESH:
                return "freshness";
            case FREQUENT:
                return "deploy frequency";
            case CANDIDATE_PRACTISED:
                return "candidate practice";
            case HEALTHY:
                return "deploy health";
            default:
                return "override";
        }
    }

    // FRESH

    static String noDeployYet(EnvironmentName environment) {
        return "no " + environment + " deploy recorded yet";
    }

    static String noSuccessfulDeployYet(EnvironmentName environment) {
        return "no successful " + environment + " deploy recorded yet";
    }

    static String freshWithin(
            EnvironmentName environment, Duration age, int buildNumber, int maxDays, DeploySource source) {
        return "last successful " + environment + " deploy (build #" + buildNumber + ") was " + age(age)
                + " ago (limit " + plural(maxDays, "day") + ")" + recordedBy(source);
    }

    /**
     * @return what follows the evidence a rule passed on: {@code , recorded by deployToStaging}, or {@code , recorded
     *     before sources were kept} for a record without one
     */
    static String recordedBy(DeploySource source) {
        return source == DeploySource.UNKNOWN ? ", recorded before sources were kept" : ", recorded by " + source.id();
    }

    static String noTrustedSuccessWithin(EnvironmentName environment, int days) {
        return "no successful " + environment + " deploy from a trusted source in the last " + plural(days, "day");
    }

    /** @return what follows a checked rule's explanation when trusted sources are restricted */
    static String countingOnly(TrustedSources trusted) {
        return " (counting only records of " + trusted + ")";
    }

    static String freshTooOld(EnvironmentName environment, Duration age, int maxDays) {
        long days = age.toDays();
        String shown = days > maxDays ? plural(days, "day") : "more than " + plural(maxDays, "day");
        return "last successful " + environment + " deploy was " + shown + " ago (limit " + plural(maxDays, "day")
                + ")";
    }

    static String freshRemedy(EnvironmentName environment) {
        return "deploy a current build to " + environment;
    }

    static String freshRemedyNaming(EnvironmentName environment, java.util.Collection<EnvironmentName> recorded) {
        return freshRemedy(environment) + ", or check the environment name: deploys are recorded for "
                + recorded.stream().map(EnvironmentName::value).collect(Collectors.joining(", "));
    }

    // FREQUENT

    static String frequency(EnvironmentName environment, int successes, int minDeploys, int windowDays) {
        return plural(successes, "successful " + environment + " deploy") + " in the last " + plural(windowDays, "day")
                + " (at least " + minDeploys + " required)";
    }

    static String frequencyRemedy(EnvironmentName environment, int minDeploys, int windowDays) {
        return "deploy to " + environment + " more often: at least " + plural(minDeploys, "successful deploy")
                + " every " + plural(windowDays, "day");
    }

    // CANDIDATE_PRACTISED

    static String candidateNotCheckable() {
        return "the release candidate could not be checked: no commit, artifact fingerprint or build number"
                + " was given";
    }

    static String candidateNotCheckableRemedy() {
        return "give the gate the candidate's commit, artifact fingerprint or build number";
    }

    static String candidatePractised(
            EnvironmentName environment,
            CandidateIdentity candidate,
            int buildNumber,
            CandidateIdentity.Kind kind,
            DeploySource source) {
        return "the release candidate (" + candidate.describe() + ") was deployed successfully to " + environment
                + " by build #" + buildNumber + " (same " + kindName(kind) + ")" + recordedBy(source);
    }

    static String candidateNotPractised(EnvironmentName environment, CandidateIdentity candidate) {
        return "the release candidate (" + candidate.describe() + ") was never deployed successfully to " + environment;
    }

    static String candidateRemedy(EnvironmentName environment) {
        return "deploy this candidate to " + environment + " successfully before releasing it";
    }

    static String kindName(CandidateIdentity.Kind kind) {
        switch (kind) {
            case ARTIFACT_FINGERPRINT:
                return "artifact fingerprint";
            case COMMIT:
                return "commit";
            default:
                return "build";
        }
    }

    // HEALTHY

    static String lastDeploysAllFailed(EnvironmentName environment, int count) {
        return "the last " + plural(count, "completed " + environment + " deploy") + " all failed";
    }

    static String lastDeploysNotAllFailed(EnvironmentName environment, int count) {
        return "not all of the last " + plural(count, "completed " + environment + " deploy") + " failed";
    }

    static String fewerFailuresThanStreak(EnvironmentName environment, int failed, int count) {
        return failed == 0
                ? "no completed " + environment + " deploy recorded yet, so no run of " + count + " failures"
                : "only " + plural(failed, "completed " + environment + " deploy") + " recorded, all failed,"
                        + " fewer than the " + count + " failures in a row that fail this rule";
    }

    static String lastDeploysRemedy(EnvironmentName environment) {
        return "fix the " + environment + " deploy and get it to succeed before releasing";
    }

    static String noFailureRate(EnvironmentName environment, int windowDays) {
        return "no completed " + environment + " deploys in the last " + plural(windowDays, "day")
                + ", so no failure rate";
    }

    static String failureRate(EnvironmentName environment, int failures, int completed, int windowDays, int max) {
        String percent = String.format(Locale.ROOT, "%.1f", failures * 100.0 / completed);
        return environment + " failure rate in the last " + plural(windowDays, "day") + " was " + percent + "% ("
                + failures + " of " + plural(completed, "completed deploy") + ", limit " + max + "%)";
    }

    static String failureRateRemedy(EnvironmentName environment) {
        return "make " + environment + " deploys reliable: look into the failed deploys before releasing";
    }

    static String both(String first, String second) {
        return first + "; " + second;
    }

    // OVERRIDE and summary

    /**
     * @return {@code overridden by USER for CANDIDATE (expires EXPIRY): REASON}; an unbound override (only in
     *     audit lines written before overrides were bound) without the binding
     */
    static String overridden(GateOverride override) {
        String binding = override.isBound()
                ? " for " + override.candidate().describe() + " (expires " + override.expiresAt() + ")"
                : "";
        return "overridden by " + override.user() + binding + ": " + override.reason();
    }

    // Policy in force

    static String policySource(PolicyInForce policy) {
        String floor = policy.floorSource() + " floor";
        return policy.tightenedByJob() ? floor + ", tightened by the job's policy" : floor;
    }

    static String policyLine(AuditedPolicy policy) {
        String line = "policy: " + policy.source() + " " + policy.rules();
        if (policy.notApplied().isEmpty()) {
            return line;
        }
        return line + "; not applied, looser than the floor: the job's " + String.join(", ", policy.notApplied());
    }

    static String summary(GateDecision decision) {
        String head = "release gate " + decision.getStatus() + " for " + decision.getEnvironment() + " (candidate "
                + decision.getCandidate().describe() + ", mode " + decision.getMode() + ")";
        List<RuleVerdict> failed =
                decision.getVerdicts().stream().filter(RuleVerdict::isFailed).collect(Collectors.toList());
        String body;
        if (decision.getOverride().isPresent()) {
            body = overridden(decision.getOverride().get())
                    + (failed.isEmpty() ? "" : " (failed: " + ruleList(failed) + ")");
        } else if (failed.isEmpty()) {
            body = "all checked rules passed";
        } else {
            body = failed.stream().map(v -> v.getRule() + ": " + v.describe()).collect(Collectors.joining("; "));
        }
        String skipped = decision.getSkippedLedgerLines() > 0
                ? " [" + plural(decision.getSkippedLedgerLines(), "unreadable ledger line") + " skipped]"
                : "";
        return head + ": " + body + skipped;
    }

    private static String ruleList(List<RuleVerdict> verdicts) {
        return verdicts.stream().map(v -> v.getRule().name()).collect(Collectors.joining(", "));
    }

    /** @return a duration as whole minutes, hours or days, rounded down: "45 minutes", "3 hours", "19 days" */
    static String age(Duration age) {
        if (age.isNegative() || age.toMinutes() < 1) {
            return "less than a minute";
        }
        if (age.toHours() < 1) {
            return plural(age.toMinutes(), "minute");
        }
        if (age.toDays() < 1) {
            return plural(age.toHours(), "hour");
        }
        return plural(age.toDays(), "day");
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
