package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of one release gate evaluation: {@link GateStatus}, one {@link RuleVerdict} per rule (in
 * {@link GateRule} order, plus an {@link GateRule#OVERRIDE} verdict when an override let the release
 * through), and what was evaluated. Immutable.
 *
 * <p>Status: no failed rule gives {@link GateStatus#PASS}; a failed rule gives {@link GateStatus#BLOCK} in
 * {@link GateMode#ENFORCE} and {@link GateStatus#WARN} in {@link GateMode#WARN}; an override gives
 * {@link GateStatus#PASS} whatever failed, and the failed verdicts stay in the record.
 */
public final class GateDecision {
    private final GateStatus status;
    private final GateMode mode;
    private final EnvironmentName environment;
    private final CandidateIdentity candidate;
    private final Instant evaluatedAt;
    private final List<RuleVerdict> verdicts;
    private final GateOverride override;
    private final int skippedLedgerLines;
    private final TrustedSources trustedSources;

    GateDecision(
            GateStatus status,
            GateMode mode,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant evaluatedAt,
            List<RuleVerdict> verdicts,
            GateOverride override,
            int skippedLedgerLines) {
        this(
                status,
                mode,
                environment,
                candidate,
                evaluatedAt,
                verdicts,
                override,
                skippedLedgerLines,
                TrustedSources.ALL);
    }

    GateDecision(
            GateStatus status,
            GateMode mode,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant evaluatedAt,
            List<RuleVerdict> verdicts,
            GateOverride override,
            int skippedLedgerLines,
            TrustedSources trustedSources) {
        this.trustedSources = Objects.requireNonNull(trustedSources, "trustedSources");
        this.status = Objects.requireNonNull(status, "status");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.evaluatedAt = Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        this.verdicts = List.copyOf(verdicts);
        this.override = override;
        this.skippedLedgerLines = skippedLedgerLines;
    }

    public GateStatus getStatus() {
        return status;
    }

    public GateMode getMode() {
        return mode;
    }

    /** @return the environment whose deploy practice was checked */
    public EnvironmentName getEnvironment() {
        return environment;
    }

    public CandidateIdentity getCandidate() {
        return candidate;
    }

    public Instant getEvaluatedAt() {
        return evaluatedAt;
    }

    /** @return one verdict per rule in {@link GateRule} order, switched-off rules as {@link RuleStatus#NOT_CHECKED} */
    public List<RuleVerdict> getVerdicts() {
        return verdicts;
    }

    /** @return the override consumed by this evaluation, if any */
    public Optional<GateOverride> getOverride() {
        return Optional.ofNullable(override);
    }

    /** @return the rules that failed, in rule order, also when an override let the release through */
    public List<GateRule> failedRules() {
        return verdicts.stream()
                .filter(RuleVerdict::isFailed)
                .map(RuleVerdict::getRule)
                .collect(Collectors.toList());
    }

    /** @return how many unreadable ledger lines were skipped while reading the rules' windows */
    public int getSkippedLedgerLines() {
        return skippedLedgerLines;
    }

    /** @return the sources whose records the rules counted ({@link TrustedSources#ALL} unless restricted) */
    public TrustedSources getTrustedSources() {
        return trustedSources;
    }

    /** @return this decision, made counting only the records of these sources */
    GateDecision withTrustedSources(TrustedSources trusted) {
        return new GateDecision(
                status, mode, environment, candidate, evaluatedAt, verdicts, override, skippedLedgerLines, trusted);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GateDecision)) {
            return false;
        }
        GateDecision other = (GateDecision) o;
        return status == other.status
                && mode == other.mode
                && skippedLedgerLines == other.skippedLedgerLines
                && environment.equals(other.environment)
                && candidate.equals(other.candidate)
                && evaluatedAt.equals(other.evaluatedAt)
                && verdicts.equals(other.verdicts)
                && Objects.equals(override, other.override)
                && trustedSources.equals(other.trustedSources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, mode, environment, candidate, evaluatedAt, verdicts);
    }

    @Override
    public String toString() {
        return status + " " + mode + " " + environment + " " + candidate + " " + evaluatedAt + " " + verdicts;
    }
}
