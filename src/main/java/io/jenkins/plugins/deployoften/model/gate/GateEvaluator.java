package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a {@link GatePolicy} against a job's deploy history. Pure: it reads, never writes; consuming an
 * override and recording the decision are the caller's (see {@link ReleaseGate}).
 *
 * <p>What it reads from a ledger: one {@link DeployLedger#readSince} for the longest window a switched-on
 * rule needs (frequency, failure rate), and {@link DeployLedger#findLast} scans from the newest record
 * backwards for the last success (freshness), the candidate's deploy and the run of failures (health). Each
 * scan stops at its first match, so it costs the records appended since then; a scan that finds nothing (no
 * success ever, a candidate never deployed) reads the whole ledger, which compaction keeps bounded. The
 * candidate look-up is deliberately not limited to a horizon: a candidate practised long ago still counts,
 * and freshness is the rule that judges age.
 */
public final class GateEvaluator {
    private GateEvaluator() {}

    /**
     * Evaluates the gate against a ledger.
     *
     * @param policy the rules and mode
     * @param ledger the job's deploy history
     * @param environment the environment whose practice is checked, such as {@code staging}
     * @param candidate what identifies the release candidate; {@link CandidateIdentity#none()} when unknown
     * @param now the time of evaluation
     * @param override a one-time override already consumed by the caller, if any
     * @return the decision; an empty ledger gives a failed freshness rule, never an exception
     * @throws IOException when the ledger cannot be read at all
     * @throws IllegalArgumentException naming a missing argument
     */
    public static GateDecision evaluate(
            GatePolicy policy,
            DeployLedger ledger,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override)
            throws IOException {
        return evaluate(policy, ledger, environment, candidate, now, override, Set.of());
    }

    /**
     * As {@link #evaluate(GatePolicy, DeployLedger, EnvironmentName, CandidateIdentity, Instant, Optional)}, for
     * an environment the ledger has no record of.
     *
     * @param recordedEnvironments the environments the ledger has records of, named in the freshness remedy
     *     when {@code environment} has none
     * @return the decision
     * @throws IOException when the ledger cannot be read at all
     */
    public static GateDecision evaluate(
            GatePolicy policy,
            DeployLedger ledger,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override,
            Set<EnvironmentName> recordedEnvironments)
            throws IOException {
        return evaluate(
                policy, ledger, environment, candidate, now, override, recordedEnvironments, TrustedSources.ALL);
    }

    /**
     * As {@link #evaluate(GatePolicy, DeployLedger, EnvironmentName, CandidateIdentity, Instant, Optional, Set)},
     * counting only the records of the trusted sources. With {@link TrustedSources#ALL} the reads are exactly those
     * of the other forms. Restricted, a record of another source counts for no rule, and no read grows with the
     * whole history: one {@link DeployLedger#readSince} for the {@link #trustedWindowDays trusted window} (FRESH,
     * FREQUENT, HEALTHY and the failure rate read its trusted records) and the candidate look-up by source.
     *
     * @param trusted the sources whose records count
     * @return the decision, which names the trusted sources
     * @throws IOException when the ledger cannot be read at all
     */
    public static GateDecision evaluate(
            GatePolicy policy,
            DeployLedger ledger,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override,
            Set<EnvironmentName> recordedEnvironments,
            TrustedSources trusted)
            throws IOException {
        requireArguments(policy, environment, candidate, now, override);
        required("ledger", ledger);
        required("recordedEnvironments", recordedEnvironments);
        required("trusted", trusted);
        GateHistory history = GateHistory.of(ledger, windowStart(policy, now, trusted));
        return decide(policy, history, environment, candidate, now, override, recordedEnvironments, trusted);
    }

    /**
     * The days a gate that trusts only some sources reads back: the longest of the frequency and failure-rate
     * windows (as always), of {@code freshMaxDays} when FRESH is on, and of the failure-rate window (on or off)
     * when HEALTHY is on, whose last K deploys are then the trusted ones of this window.
     *
     * @param policy the rules
     * @return the days, 0 when no rule on reads records by start
     */
    static int trustedWindowDays(GatePolicy policy) {
        int days = policy.maxWindowDays();
        if (policy.isFreshEnabled()) {
            days = Math.max(days, policy.getFreshMaxDays());
        }
        if (policy.isHealthyEnabled()) {
            days = Math.max(days, policy.getFailureRateWindowDays());
        }
        return days;
    }

    /**
     * Evaluates the gate against records already read, such as a whole {@link DeployLedger#readAll()}.
     *
     * @param policy the rules and mode
     * @param history the records in append order and the count of unreadable lines met reading them
     * @param environment the environment whose practice is checked
     * @param candidate what identifies the release candidate
     * @param now the time of evaluation
     * @param override a one-time override already consumed by the caller, if any
     * @return the decision
     * @throws IllegalArgumentException naming a missing argument
     */
    public static GateDecision evaluate(
            GatePolicy policy,
            LedgerRead history,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override) {
        return evaluate(policy, history, environment, candidate, now, override, TrustedSources.ALL);
    }

    /**
     * As {@link #evaluate(GatePolicy, LedgerRead, EnvironmentName, CandidateIdentity, Instant, Optional)}, counting
     * only the records of the trusted sources, read as from a ledger (the same window).
     *
     * @param trusted the sources whose records count
     * @return the decision
     */
    public static GateDecision evaluate(
            GatePolicy policy,
            LedgerRead history,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override,
            TrustedSources trusted) {
        requireArguments(policy, environment, candidate, now, override);
        required("history", history);
        required("trusted", trusted);
        try {
            return decide(
                    policy,
                    GateHistory.of(history, windowStart(policy, now, trusted)),
                    environment,
                    candidate,
                    now,
                    override,
                    Set.of(),
                    trusted);
        } catch (IOException e) {
            throw new IllegalStateException("records in memory cannot fail to be read", e);
        }
    }

    private static Instant windowStart(GatePolicy policy, Instant now, TrustedSources trusted) {
        int days = trusted.isAll() ? policy.maxWindowDays() : trustedWindowDays(policy);
        return days == 0 ? null : now.minus(Duration.ofDays(days));
    }

    private static GateDecision decide(
            GatePolicy policy,
            GateHistory history,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override,
            Set<EnvironmentName> recordedEnvironments,
            TrustedSources trusted)
            throws IOException {
        GateHistory counted = trusted.isAll() ? history : GateHistory.trusting(history, trusted);
        GateRules rules = new GateRules(
                policy, counted, environment, now, recordedEnvironments, trusted, trustedWindowDays(policy));
        List<RuleVerdict> verdicts = new ArrayList<>();
        verdicts.add(rules.fresh());
        verdicts.add(rules.frequent());
        verdicts.add(rules.candidatePractised(candidate));
        verdicts.add(rules.healthy());
        boolean failed = verdicts.stream().anyMatch(RuleVerdict::isFailed);
        GateStatus status;
        if (!failed) {
            status = GateStatus.PASS;
        } else {
            status = policy.getMode() == GateMode.ENFORCE ? GateStatus.BLOCK : GateStatus.WARN;
        }
        GateDecision decision = new GateDecision(
                status, policy.getMode(), environment, candidate, now, verdicts, null, history.skippedLines(), trusted);
        return override.isPresent() ? overridden(decision, override.get()) : decision;
    }

    /**
     * Lets a decision through by an override: status {@link GateStatus#PASS}, the rule verdicts kept as they
     * were, and an {@link GateRule#OVERRIDE} verdict that found the override added.
     *
     * @param decision the decision of the rules
     * @param override the consumed override
     * @return the overridden decision
     */
    static GateDecision overridden(GateDecision decision, GateOverride override) {
        List<RuleVerdict> verdicts = new ArrayList<>(decision.getVerdicts());
        verdicts.add(RuleVerdict.pass(GateRule.OVERRIDE, new Finding.Overridden(override)));
        return new GateDecision(
                GateStatus.PASS,
                decision.getMode(),
                decision.getEnvironment(),
                decision.getCandidate(),
                decision.getEvaluatedAt(),
                verdicts,
                override,
                decision.getSkippedLedgerLines(),
                decision.getTrustedSources());
    }

    private static void requireArguments(
            GatePolicy policy,
            EnvironmentName environment,
            CandidateIdentity candidate,
            Instant now,
            Optional<GateOverride> override) {
        required("policy", policy);
        required("environment", environment);
        required("candidate", candidate);
        required("now", now);
        required("override", override);
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must be set");
        }
        return value;
    }
}
