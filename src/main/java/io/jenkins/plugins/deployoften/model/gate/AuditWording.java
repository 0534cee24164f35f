package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fixed English of the gate's audit trail ({@code deployoften-gate.jsonl}): a verdict's {@code explanation} and
 * {@code remedy}, the policy's {@code source} and {@code rules}, as every audit line has been written. It is part
 * of the file format, not of what users read: pages and logs word decisions from their values with the plugin's
 * messages. Changing a word here changes the format; lines already written keep theirs ({@link
 * Finding.Recorded}).
 */
final class AuditWording {
    private AuditWording() {}

    /**
     * @param verdict a verdict
     * @param trusted the sources the decision counted; restricted, a checked rule's explanation says so
     * @return its {@code explanation}, one sentence without a final full stop
     */
    static String explanation(RuleVerdict verdict, TrustedSources trusted) {
        if (verdict.getStatus() == RuleStatus.NOT_CHECKED) {
            return ruleName(verdict.getRule()) + " is not checked (rule off)";
        }
        List<String> parts = new ArrayList<>();
        boolean recorded = false;
        for (Finding finding : verdict.getFindings()) {
            recorded |= finding instanceof Finding.Recorded;
            parts.add(explanation(finding, verdict.isFailed()));
        }
        String explanation = String.join("; ", parts);
        boolean countingOnly = !trusted.isAll() && !recorded && verdict.getRule() != GateRule.OVERRIDE;
        return countingOnly ? explanation + " (counting only records of " + trusted + ")" : explanation;
    }

    /** @return its {@code remedy}: present for a failed verdict, one remedy per failed finding */
    static Optional<String> remedy(RuleVerdict verdict) {
        List<String> parts = new ArrayList<>();
        for (Finding finding : verdict.getFindings()) {
            if (finding instanceof Finding.Recorded recorded) {
                Optional.ofNullable(recorded.remedy()).ifPresent(parts::add);
            } else if (verdict.isFailed()) {
                parts.add(remedy(finding));
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    /**
     * @return a verdict read back from an audit line: a rule switched off as such (its words are fixed), any other
     *     in the words it was recorded with
     */
    static RuleVerdict read(GateRule rule, RuleStatus status, String explanation, String remedy) {
        RuleVerdict off = RuleVerdict.notChecked(rule);
        boolean switchedOff = status == RuleStatus.NOT_CHECKED
                && remedy == null
                && explanation.equals(explanation(off, TrustedSources.ALL));
        return switchedOff ? off : RuleVerdict.recorded(rule, status, explanation, remedy);
    }

    private static String explanation(Finding finding, boolean failed) {
        return switch (finding) {
            case Finding.NoDeploy f -> "no " + f.environment() + " deploy recorded yet";
            case Finding.NoSuccessfulDeploy f -> "no successful " + f.environment() + " deploy recorded yet";
            case Finding.NoTrustedSuccess f ->
                "no successful " + f.environment() + " deploy from a trusted source in the last "
                        + plural(f.windowDays(), "day");
            case Finding.LastSuccess f -> failed ? freshTooOld(f) : freshWithin(f);
            case Finding.Frequency f ->
                plural(f.successes(), "successful " + f.environment() + " deploy") + " in the last "
                        + plural(f.windowDays(), "day") + " (at least " + f.minDeploys() + " required)";
            case Finding.CandidateNotGiven f ->
                "the release candidate could not be checked: no commit, artifact fingerprint or build number"
                        + " was given";
            case Finding.CandidateDeployed f ->
                "the release candidate (" + candidate(f.candidate()) + ") was deployed successfully to "
                        + f.environment() + " by build #" + f.buildNumber() + " (same " + kindName(f.matchedBy())
                        + ")" + recordedBy(f.source());
            case Finding.CandidateNeverDeployed f ->
                "the release candidate (" + candidate(f.candidate()) + ") was never deployed successfully to "
                        + f.environment();
            case Finding.FailureStreak f -> failureStreak(f);
            case Finding.FailureRate f -> failureRate(f);
            case Finding.Overridden f -> overridden(f.override());
            case Finding.Recorded f -> f.explanation();
        };
    }

    private static String remedy(Finding finding) {
        return switch (finding) {
            case Finding.NoDeploy f ->
                f.recordedEnvironments().isEmpty()
                        ? freshRemedy(f.environment())
                        : freshRemedy(f.environment()) + ", or check the environment name: deploys are recorded for "
                                + f.recordedEnvironments().stream()
                                        .map(EnvironmentName::value)
                                        .collect(Collectors.joining(", "));
            case Finding.NoSuccessfulDeploy f -> freshRemedy(f.environment());
            case Finding.NoTrustedSuccess f -> freshRemedy(f.environment());
            case Finding.LastSuccess f -> freshRemedy(f.environment());
            case Finding.Frequency f ->
                "deploy to " + f.environment() + " more often: at least " + plural(f.minDeploys(), "successful deploy")
                        + " every " + plural(f.windowDays(), "day");
            case Finding.CandidateNotGiven f ->
                "give the gate the candidate's commit, artifact fingerprint or build number";
            case Finding.CandidateNeverDeployed f ->
                "deploy this candidate to " + f.environment() + " successfully before releasing it";
            case Finding.FailureStreak f ->
                "fix the " + f.environment() + " deploy and get it to succeed before releasing";
            case Finding.FailureRate f ->
                "make " + f.environment() + " deploys reliable: look into the failed deploys before releasing";
            case Finding.CandidateDeployed f -> "";
            case Finding.Overridden f -> "";
            case Finding.Recorded f -> f.remedy() == null ? "" : f.remedy();
        };
    }

    private static String freshRemedy(EnvironmentName environment) {
        return "deploy a current build to " + environment;
    }

    private static String freshWithin(Finding.LastSuccess f) {
        return "last successful " + f.environment() + " deploy (build #" + f.buildNumber() + ") was " + age(f.age())
                + " ago (limit " + plural(f.maxDays(), "day") + ")" + recordedBy(f.source());
    }

    private static String freshTooOld(Finding.LastSuccess f) {
        long days = f.age().toDays();
        String shown = days > f.maxDays() ? plural(days, "day") : "more than " + plural(f.maxDays(), "day");
        return "last successful " + f.environment() + " deploy was " + shown + " ago (limit "
                + plural(f.maxDays(), "day") + ")";
    }

    private static String failureStreak(Finding.FailureStreak f) {
        String last = plural(f.lastDeploys(), "completed " + f.environment() + " deploy");
        if (f.successAmongThem()) {
            return "not all of the last " + last + " failed";
        }
        if (f.allFailed()) {
            return "the last " + last + " all failed";
        }
        return f.failedInARow() == 0
                ? "no completed " + f.environment() + " deploy recorded yet, so no run of " + f.lastDeploys()
                        + " failures"
                : "only " + plural(f.failedInARow(), "completed " + f.environment() + " deploy")
                        + " recorded, all failed, fewer than the " + f.lastDeploys()
                        + " failures in a row that fail this rule";
    }

    private static String failureRate(Finding.FailureRate f) {
        if (f.completed() == 0) {
            return "no completed " + f.environment() + " deploys in the last " + plural(f.windowDays(), "day")
                    + ", so no failure rate";
        }
        String percent = String.format(Locale.ROOT, "%.1f", f.percent());
        return f.environment() + " failure rate in the last " + plural(f.windowDays(), "day") + " was " + percent
                + "% (" + f.failures() + " of " + plural(f.completed(), "completed deploy") + ", limit "
                + f.maxPercent() + "%)";
    }

    /**
     * @return what follows the evidence a rule passed on: {@code , recorded by deployToStaging}, or {@code , recorded
     *     before sources were kept} for a record without one
     */
    private static String recordedBy(DeploySource source) {
        return source == DeploySource.UNKNOWN ? ", recorded before sources were kept" : ", recorded by " + source.id();
    }

    private static String ruleName(GateRule rule) {
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

    private static String kindName(CandidateIdentity.Kind kind) {
        switch (kind) {
            case ARTIFACT_FINGERPRINT:
                return "artifact fingerprint";
            case COMMIT:
                return "commit";
            default:
                return "build";
        }
    }

    /**
     * @return {@code overridden by USER for CANDIDATE (expires EXPIRY): REASON}; an unbound override (only in audit
     *     lines written before overrides were bound) without the binding
     */
    static String overridden(GateOverride override) {
        String binding = override.isBound()
                ? " for " + candidate(override.candidate()) + " (expires " + override.expiresAt() + ")"
                : "";
        return "overridden by " + override.user() + binding + ": " + override.reason();
    }

    /** @return the given identities, such as {@code build #42, commit 0a1b2c3}, or {@code none} */
    static String candidate(CandidateIdentity candidate) {
        List<String> parts = new ArrayList<>();
        candidate.getBuildNumber().ifPresent(build -> parts.add("build #" + build));
        candidate.getCommit().ifPresent(commit -> parts.add("commit " + commit));
        candidate
                .getArtifactFingerprint()
                .ifPresent(fingerprint -> parts.add("artifact " + fingerprint.toLowerCase(Locale.ROOT)));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** @return the policy's {@code source}: {@code global floor}, {@code folder team-a floor, tightened by ...} */
    static String policySource(PolicyInForce policy) {
        String floor = policy.floorSource() + " floor";
        return policy.tightenedByJob() ? floor + ", tightened by the job's policy" : floor;
    }

    /** @return the floor source of a folder's exception, as {@link #policySource} starts it */
    static String folderSource(String folder) {
        return "folder " + folder;
    }

    /** The source {@link AuditedPolicy#NOT_RECORDED} shows. */
    static final String NOT_RECORDED = "not recorded";

    /** @return a duration as whole minutes, hours or days, rounded down: "45 minutes", "3 hours", "19 days" */
    private static String age(Duration age) {
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

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
