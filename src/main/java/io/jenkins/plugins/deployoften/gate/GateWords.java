package io.jenkins.plugins.deployoften.gate;

import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.DisplayText;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.Finding;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateMode;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.model.gate.GateRule;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.gate.PolicyInForce;
import io.jenkins.plugins.deployoften.model.gate.RuleStatus;
import io.jenkins.plugins.deployoften.model.gate.RuleVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jvnet.localizer.LocaleProvider;
import org.jvnet.localizer.Localizable;

/**
 * Words the release gate's decisions, from the values the model returns, with the plugin's {@code Messages}.
 *
 * <ul>
 *   <li>{@link #forLog()}: for the build log, the abort message and what a Jenkinsfile gets back. English
 *       ({@link Locale#ROOT}) whatever the controller's or the user's language, one line per decision that
 *       {@code grep} finds, with the gate's identifiers as they are (status {@code BLOCK}, mode {@code ENFORCE},
 *       rule {@code FRESH}).
 *   <li>{@link #forUser()}: for pages, in the language of the request, with display names instead of identifiers.
 * </ul>
 *
 * A decision read back from the audit trail has its verdicts' findings, worded like a live decision's; a verdict
 * of a line written before findings were kept has the words it was recorded with ({@link Finding.Recorded}), shown
 * as they are. User text (a commit, a reason) is shown through {@link
 * DisplayText}, so a line stays one line displayed in order.
 */
public final class GateWords {
    /** The language of the build log: the messages' own (English) text. */
    static final Locale LOG_LOCALE = Locale.ROOT;

    private final Locale locale;
    private final boolean identifiers;

    private GateWords(Locale locale, boolean identifiers) {
        this.locale = locale;
        this.identifiers = identifiers;
    }

    /** @return the wording for the build log: English, the gate's identifiers as they are */
    public static GateWords forLog() {
        return new GateWords(LOG_LOCALE, true);
    }

    /** @return the wording for a page, in the language of the current request */
    public static GateWords forUser() {
        return new GateWords(LocaleProvider.getLocale(), false);
    }

    /** @return the wording for a page in the given language; for tests */
    static GateWords forUser(Locale locale) {
        return new GateWords(locale, false);
    }

    /** @return the language it words in */
    Locale locale() {
        return locale;
    }

    /**
     * @param decision a decision
     * @return its one line for the build log, such as {@code release gate BLOCK for staging (candidate build #42,
     *     mode ENFORCE): FRESH: last successful staging deploy was 19 days ago (limit 14 days): deploy a current
     *     build to staging}
     */
    public static String log(GateDecision decision) {
        return forLog().summary(decision);
    }

    /**
     * @param decision a decision
     * @return its one line for a page, in the request's language
     */
    public static String user(GateDecision decision) {
        return forUser().summary(decision);
    }

    /**
     * @param decision a decision
     * @return it in one line: status, environment, candidate and mode, then the failed rules with their remedies,
     *     the override that let it through, or that all checked rules passed
     */
    public String summary(GateDecision decision) {
        List<RuleVerdict> failed =
                decision.getVerdicts().stream().filter(RuleVerdict::isFailed).collect(Collectors.toList());
        String body;
        if (decision.getOverride().isPresent()) {
            String overridden = overridden(decision.getOverride().get());
            body = failed.isEmpty()
                    ? overridden
                    : text(Messages._GateWords_overriddenFailed(
                            overridden,
                            failed.stream().map(v -> rule(v.getRule())).collect(Collectors.joining(", "))));
        } else if (failed.isEmpty()) {
            body = text(Messages._GateWords_allPassed());
        } else {
            body = failed.stream()
                    .map(v -> rule(v.getRule()) + ": " + described(v, decision.getTrustedSources()))
                    .collect(Collectors.joining("; "));
        }
        String line = text(Messages._GateWords_summary(
                status(decision.getStatus()),
                decision.getEnvironment().value(),
                candidate(decision.getCandidate()),
                mode(decision.getMode()),
                body));
        int skipped = decision.getSkippedLedgerLines();
        return DisplayText.of(skipped > 0 ? text(Messages._GateWords_skippedLines(line, skipped)) : line);
    }

    /**
     * @param decision a decision
     * @param policy the policy it applied
     * @return the lines the build log shows of it: the decision, the policy, one line per rule, and a warning
     *     when unreadable ledger lines were skipped
     */
    public List<String> table(GateDecision decision, PolicyInForce policy) {
        List<String> lines = new ArrayList<>();
        lines.add(DisplayText.of(text(Messages._GateWords_header(
                decision.getEnvironment().value(),
                status(decision.getStatus()),
                mode(decision.getMode()),
                candidate(decision.getCandidate())))));
        lines.add(DisplayText.of("  " + policy(policy)));
        for (RuleVerdict verdict : decision.getVerdicts()) {
            lines.add(DisplayText.of(String.format(
                    Locale.ROOT,
                    "  %-20s %-11s %s",
                    rule(verdict.getRule()),
                    ruleStatus(verdict.getStatus()),
                    described(verdict, decision.getTrustedSources()))));
        }
        if (decision.getSkippedLedgerLines() > 0) {
            lines.add("  " + text(Messages._GateWords_skippedWarning(decision.getSkippedLedgerLines())));
        }
        return lines;
    }

    /** @return where the rules came from and what they are, and the job's rules not applied */
    String policy(PolicyInForce policy) {
        String floor = policy.tightenedByJob()
                ? text(Messages._GateWords_floorTightened(policy.floorSource()))
                : text(Messages._GateWords_floor(policy.floorSource()));
        String rules = policy.rules().toString();
        return policy.notApplied().isEmpty()
                ? text(Messages._GateWords_policy(floor, rules))
                : text(Messages._GateWords_policyNotApplied(floor, rules, String.join(", ", policy.notApplied())));
    }

    /** @return the explanation followed by the remedy, as in {@code last deploy was ... (limit ...): deploy ...} */
    String described(RuleVerdict verdict, TrustedSources trusted) {
        String explanation = explanation(verdict, trusted);
        return remedy(verdict).map(remedy -> explanation + ": " + remedy).orElse(explanation);
    }

    /**
     * @param verdict a verdict
     * @param trusted the sources the decision counted; restricted, a checked rule's explanation says so
     * @return why the rule passed or failed, without a final full stop
     */
    public String explanation(RuleVerdict verdict, TrustedSources trusted) {
        if (verdict.getStatus() == RuleStatus.NOT_CHECKED) {
            return text(Messages._GateWords_ruleOff(ruleName(verdict.getRule())));
        }
        boolean recorded = false;
        List<String> parts = new ArrayList<>();
        for (Finding finding : verdict.getFindings()) {
            recorded |= finding instanceof Finding.Recorded;
            parts.add(explanation(finding, verdict.isFailed()));
        }
        String explanation = String.join("; ", parts);
        return !trusted.isAll() && !recorded && verdict.getRule() != GateRule.OVERRIDE
                ? text(Messages._GateWords_countingOnly(explanation, trusted.toString()))
                : explanation;
    }

    /**
     * @param verdict a verdict
     * @return what to do to make the rule pass, one remedy per failed finding; present only for failed rules
     */
    public Optional<String> remedy(RuleVerdict verdict) {
        List<String> parts = new ArrayList<>();
        for (Finding finding : verdict.getFindings()) {
            if (finding instanceof Finding.Recorded recorded) {
                Optional.ofNullable(recorded.remedy()).ifPresent(parts::add);
            } else if (verdict.isFailed()) {
                remedy(finding).ifPresent(parts::add);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    private String explanation(Finding finding, boolean failed) {
        return switch (finding) {
            case Finding.NoDeploy f -> text(Messages._GateWords_noDeploy(name(f.environment())));
            case Finding.NoSuccessfulDeploy f -> text(Messages._GateWords_noSuccessfulDeploy(name(f.environment())));
            case Finding.NoTrustedSuccess f ->
                text(Messages._GateWords_noTrustedSuccess(name(f.environment()), days(f.windowDays())));
            case Finding.LastSuccess f -> failed ? tooOld(f) : within(f);
            case Finding.Frequency f ->
                text(Messages._GateWords_frequency(
                        f.successes(), name(f.environment()), days(f.windowDays()), f.minDeploys()));
            case Finding.CandidateNotGiven f -> text(Messages._GateWords_candidateNotGiven());
            case Finding.CandidateDeployed f ->
                text(Messages._GateWords_candidateDeployed(
                        candidate(f.candidate()),
                        name(f.environment()),
                        String.valueOf(f.buildNumber()),
                        kind(f.matchedBy()),
                        recordedBy(f.source())));
            case Finding.CandidateNeverDeployed f ->
                text(Messages._GateWords_candidateNeverDeployed(candidate(f.candidate()), name(f.environment())));
            case Finding.FailureStreak f -> streak(f);
            case Finding.FailureRate f -> failureRate(f);
            case Finding.Overridden f -> overridden(f.override());
            case Finding.Recorded f -> f.explanation();
        };
    }

    private Optional<String> remedy(Finding finding) {
        return Optional.ofNullable(
                switch (finding) {
                    case Finding.NoDeploy f ->
                        f.recordedEnvironments().isEmpty()
                                ? freshRemedy(f.environment())
                                : text(Messages._GateWords_freshRemedyNaming(
                                        name(f.environment()),
                                        f.recordedEnvironments().stream()
                                                .map(EnvironmentName::value)
                                                .collect(Collectors.joining(", "))));
                    case Finding.NoSuccessfulDeploy f -> freshRemedy(f.environment());
                    case Finding.NoTrustedSuccess f -> freshRemedy(f.environment());
                    case Finding.LastSuccess f -> freshRemedy(f.environment());
                    case Finding.Frequency f ->
                        text(Messages._GateWords_frequencyRemedy(
                                name(f.environment()), f.minDeploys(), days(f.windowDays())));
                    case Finding.CandidateNotGiven f -> text(Messages._GateWords_candidateNotGivenRemedy());
                    case Finding.CandidateNeverDeployed f ->
                        text(Messages._GateWords_candidateRemedy(name(f.environment())));
                    case Finding.FailureStreak f -> text(Messages._GateWords_streakRemedy(name(f.environment())));
                    case Finding.FailureRate f -> text(Messages._GateWords_failureRateRemedy(name(f.environment())));
                    case Finding.CandidateDeployed f -> null;
                    case Finding.Overridden f -> null;
                    case Finding.Recorded f -> f.remedy();
                });
    }

    private String freshRemedy(EnvironmentName environment) {
        return text(Messages._GateWords_freshRemedy(name(environment)));
    }

    private String within(Finding.LastSuccess f) {
        return text(Messages._GateWords_lastSuccessWithin(
                name(f.environment()),
                String.valueOf(f.buildNumber()),
                age(f.age()),
                days(f.maxDays()),
                recordedBy(f.source())));
    }

    private String tooOld(Finding.LastSuccess f) {
        long days = f.age().toDays();
        String shown = days > f.maxDays() ? days(days) : text(Messages._GateWords_moreThan(days(f.maxDays())));
        return text(Messages._GateWords_lastSuccessTooOld(name(f.environment()), shown, days(f.maxDays())));
    }

    private String streak(Finding.FailureStreak f) {
        String environment = name(f.environment());
        if (f.successAmongThem()) {
            return text(Messages._GateWords_streakNotAllFailed(f.lastDeploys(), environment));
        }
        if (f.allFailed()) {
            return text(Messages._GateWords_streakAllFailed(f.lastDeploys(), environment));
        }
        return f.failedInARow() == 0
                ? text(Messages._GateWords_streakNone(environment, f.lastDeploys()))
                : text(Messages._GateWords_streakTooShort(f.failedInARow(), environment, f.lastDeploys()));
    }

    private String failureRate(Finding.FailureRate f) {
        if (f.completed() == 0) {
            return text(Messages._GateWords_noFailureRate(name(f.environment()), days(f.windowDays())));
        }
        return text(Messages._GateWords_failureRate(
                name(f.environment()),
                days(f.windowDays()),
                String.format(locale, "%.1f", f.percent()),
                f.failures(),
                f.completed(),
                f.maxPercent()));
    }

    private String recordedBy(DeploySource source) {
        return source == DeploySource.UNKNOWN
                ? text(Messages._GateWords_recordedBeforeSources())
                : text(Messages._GateWords_recordedBy(source.id()));
    }

    /**
     * @param override an override
     * @return who granted it, for which candidate, until when, and why; an unbound one without the binding
     */
    public String overridden(GateOverride override) {
        return override.isBound()
                ? text(Messages._GateWords_overridden(
                        override.user(),
                        candidate(override.candidate()),
                        override.expiresAt().toString(),
                        override.reason()))
                : text(Messages._GateWords_overriddenUnbound(override.user(), override.reason()));
    }

    /**
     * @param candidate a candidate
     * @return its identities, such as {@code build #42, commit 0a1b2c3}, or that it has none
     */
    public String candidate(CandidateIdentity candidate) {
        List<String> parts = new ArrayList<>();
        candidate
                .getBuildNumber()
                .ifPresent(build -> parts.add(text(Messages._GateWords_candidateBuild(String.valueOf(build)))));
        candidate.getCommit().ifPresent(commit -> parts.add(text(Messages._GateWords_candidateCommit(commit))));
        candidate
                .getArtifactFingerprint()
                .ifPresent(artifact ->
                        parts.add(text(Messages._GateWords_candidateArtifact(artifact.toLowerCase(Locale.ROOT)))));
        return parts.isEmpty() ? text(Messages._GateWords_candidateNone()) : String.join(", ", parts);
    }

    /** @return a gate status: its identifier in the log, its display name on a page */
    public String status(GateStatus status) {
        if (identifiers) {
            return status.name();
        }
        return switch (status) {
            case PASS -> text(Messages._GateStatus_PASS());
            case WARN -> text(Messages._GateStatus_WARN());
            case BLOCK -> text(Messages._GateStatus_BLOCK());
        };
    }

    /** @return a gate mode: its identifier in the log, its display name on a page */
    public String mode(GateMode mode) {
        if (identifiers) {
            return mode.name();
        }
        return switch (mode) {
            case ENFORCE -> text(Messages._GateWords_modeEnforce());
            case WARN -> text(Messages._GateWords_modeWarn());
        };
    }

    /** @return a rule: its identifier in the log, its display name on a page */
    public String rule(GateRule rule) {
        return identifiers ? rule.name() : ruleName(rule);
    }

    /** @return a rule's outcome: its identifier in the log, its display name on a page */
    public String ruleStatus(RuleStatus status) {
        if (identifiers) {
            return status.name();
        }
        return switch (status) {
            case PASS -> text(Messages._RuleStatus_PASS());
            case FAIL -> text(Messages._RuleStatus_FAIL());
            case NOT_CHECKED -> text(Messages._RuleStatus_NOT_CHECKED());
        };
    }

    /** @return a rule's display name, such as {@code freshness} */
    String ruleName(GateRule rule) {
        return switch (rule) {
            case FRESH -> text(Messages._GateRule_FRESH());
            case FREQUENT -> text(Messages._GateRule_FREQUENT());
            case CANDIDATE_PRACTISED -> text(Messages._GateRule_CANDIDATE_PRACTISED());
            case HEALTHY -> text(Messages._GateRule_HEALTHY());
            case OVERRIDE -> text(Messages._GateRule_OVERRIDE());
        };
    }

    /** @return the kind of identity a deploy shared with the candidate, such as {@code artifact fingerprint} */
    public String kind(CandidateIdentity.Kind kind) {
        return switch (kind) {
            case ARTIFACT_FINGERPRINT -> text(Messages._CandidateKind_ARTIFACT_FINGERPRINT());
            case COMMIT -> text(Messages._CandidateKind_COMMIT());
            case BUILD -> text(Messages._CandidateKind_BUILD());
        };
    }

    /** @return a duration as whole minutes, hours or days, rounded down: "45 minutes", "3 hours", "19 days" */
    String age(Duration age) {
        if (age.isNegative() || age.toMinutes() < 1) {
            return text(Messages._GateWords_lessThanAMinute());
        }
        if (age.toHours() < 1) {
            return text(Messages._GateWords_minutes(age.toMinutes()));
        }
        if (age.toDays() < 1) {
            return text(Messages._GateWords_hours(age.toHours()));
        }
        return days(age.toDays());
    }

    private String days(long days) {
        return text(Messages._GateWords_days(days));
    }

    private static String name(EnvironmentName environment) {
        return environment.value();
    }

    private String text(Localizable message) {
        return message.toString(locale);
    }
}
