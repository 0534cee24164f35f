package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The four gate rules. A record counts for an environment when it names the environment and started at or
 * before the evaluation time (records from the future, as a skewed clock may write, are ignored); a deploy's
 * time is its start, the ledger's time key. "Last" and "newest" (FRESH, HEALTHY's last K) are by start, in
 * {@link io.jenkins.plugins.deployoften.model.DeployLedger#START_ORDER} (ties: the greater build number, then
 * the later appended), never by append order: deploys ending out of order or a replayed spool change no
 * decision.
 *
 * <p>With {@link TrustedSources trusted sources} restricted, a record of another source counts for no rule: the
 * history is filtered, FRESH and HEALTHY's last K deploys are taken from the trusted records of the window read
 * (see {@link GateEvaluator}), and CANDIDATE_PRACTISED asks the ledger's index by source.
 */
final class GateRules {
    private final GatePolicy policy;
    private final GateHistory history;
    private final EnvironmentName environment;
    private final Instant now;

    private final Set<EnvironmentName> recordedEnvironments;
    private final TrustedSources trusted;
    private final int trustedWindowDays;

    /**
     * @param history the history the rules read; with trusted sources restricted, already {@link
     *     GateHistory#trusting filtered} to them
     * @param trusted the sources whose records count
     * @param trustedWindowDays with trusted sources restricted, how many days back the history's window reaches
     */
    GateRules(
            GatePolicy policy,
            GateHistory history,
            EnvironmentName environment,
            Instant now,
            Set<EnvironmentName> recordedEnvironments,
            TrustedSources trusted,
            int trustedWindowDays) {
        this.policy = policy;
        this.history = history;
        this.environment = environment;
        this.now = now;
        this.recordedEnvironments = recordedEnvironments;
        this.trusted = trusted;
        this.trustedWindowDays = trustedWindowDays;
    }

    /** Fresh: now − start of the successful deploy that started last ≤ freshMaxDays × 24 h. */
    RuleVerdict fresh() throws IOException {
        if (!policy.isFreshEnabled()) {
            return RuleVerdict.notChecked(GateRule.FRESH);
        }
        Optional<DeployRecord> last = history.lastSuccessStartedBy(environment, now);
        if (last.isEmpty() && !trusted.isAll()) {
            // the window read holds the trusted records of the last freshMaxDays days at least
            return RuleVerdict.fail(GateRule.FRESH, new Finding.NoTrustedSuccess(environment, trustedWindowDays));
        }
        if (last.isEmpty()) {
            boolean anyDeploy =
                    history.firstStarted(environment).filter(this::counts).isPresent();
            return RuleVerdict.fail(
                    GateRule.FRESH,
                    anyDeploy
                            ? new Finding.NoSuccessfulDeploy(environment)
                            : new Finding.NoDeploy(environment, List.copyOf(recordedEnvironments)));
        }
        Duration age = Duration.between(last.get().getStartedAt(), now);
        Finding.LastSuccess found = new Finding.LastSuccess(
                environment,
                age,
                policy.getFreshMaxDays(),
                last.get().getBuildNumber(),
                last.get().getSource());
        return policy.fresh().allows(age)
                ? RuleVerdict.pass(GateRule.FRESH, found)
                : RuleVerdict.fail(GateRule.FRESH, found);
    }

    /** Frequent: successful deploys started in [now − W days, now] ≥ K. */
    RuleVerdict frequent() {
        if (!policy.isFrequentEnabled()) {
            return RuleVerdict.notChecked(GateRule.FREQUENT);
        }
        int windowDays = policy.getFrequentWindowDays();
        int minDeploys = policy.getFrequentMinDeploys();
        Instant from = now.minus(Duration.ofDays(windowDays));
        int successes = (int) history.window().stream()
                .filter(r -> isSuccess(r) && !r.getStartedAt().isBefore(from))
                .count();
        Finding found = new Finding.Frequency(environment, successes, minDeploys, windowDays);
        return successes >= minDeploys
                ? RuleVerdict.pass(GateRule.FREQUENT, found)
                : RuleVerdict.fail(GateRule.FREQUENT, found);
    }

    /**
     * Candidate practised: a successful deploy to the environment, started at or before now, shares an identity
     * with the candidate. Asked through {@link GateHistory#lastSuccessOfCandidate}, which a ledger may answer from
     * its index without scanning; only when its match started after now is the history scanned for one that
     * counts. The deploy named in the verdict is the ledger's "last" match (see {@link
     * io.jenkins.plugins.deployoften.model.DeployLedger#lastSuccessOfCandidate}).
     */
    RuleVerdict candidatePractised(CandidateIdentity candidate) throws IOException {
        if (!policy.isCandidatePractisedEnabled()) {
            return RuleVerdict.notChecked(GateRule.CANDIDATE_PRACTISED);
        }
        if (candidate.isEmpty()) {
            return RuleVerdict.fail(GateRule.CANDIDATE_PRACTISED, new Finding.CandidateNotGiven());
        }
        Optional<SuccessfulDeploy> practised = history.lastSuccessOfCandidate(environment, candidate, trusted);
        if (practised.isPresent() && practised.get().startedAt().isAfter(now)) {
            // the newest match started after now (a skewed clock wrote it): look for one that counts, as before
            practised = history.findLast(
                            r -> isSuccess(r) && candidate.matchedBy(r).isPresent())
                    .map(r -> GateHistory.practised(r, candidate));
        }
        if (practised.isEmpty()) {
            return RuleVerdict.fail(
                    GateRule.CANDIDATE_PRACTISED, new Finding.CandidateNeverDeployed(environment, candidate));
        }
        return RuleVerdict.pass(
                GateRule.CANDIDATE_PRACTISED,
                new Finding.CandidateDeployed(
                        environment,
                        candidate,
                        practised.get().buildNumber(),
                        CandidateIdentity.Kind.valueOf(
                                practised.get().matchedBy().name()),
                        practised.get().source()));
    }

    /**
     * Healthy: among the completed (SUCCESS or FAILURE) deploys, the newest K by start are not all failures; and,
     * when on, failures × 100 ≤ maxPercent × completed over the failure rate window. With both checked, a failed
     * verdict finds what failed, a passed one both.
     */
    RuleVerdict healthy() throws IOException {
        if (!policy.isHealthyEnabled() && !policy.isFailureRateEnabled()) {
            return RuleVerdict.notChecked(GateRule.HEALTHY);
        }
        List<Finding> failed = new ArrayList<>();
        List<Finding> passed = new ArrayList<>();
        if (policy.isHealthyEnabled()) {
            Finding.FailureStreak streak = failureStreak();
            (streak.allFailed() ? failed : passed).add(streak);
        }
        if (policy.isFailureRateEnabled()) {
            Finding.FailureRate rate = failureRate();
            // integer comparison, so a rate exactly at the limit passes without rounding doubt
            boolean within = (long) rate.failures() * 100 <= (long) rate.maxPercent() * rate.completed();
            (within ? passed : failed).add(rate);
        }
        return failed.isEmpty()
                ? new RuleVerdict(GateRule.HEALTHY, RuleStatus.PASS, passed)
                : new RuleVerdict(GateRule.HEALTHY, RuleStatus.FAIL, failed);
    }

    private Finding.FailureStreak failureStreak() throws IOException {
        int streakLength = policy.getHealthyLastDeploys();
        int failures = 0;
        for (DeployRecord record : history.lastCompletedStartedBy(environment, now, streakLength)) {
            if (record.getOutcome() == DeployOutcome.SUCCESS) {
                return new Finding.FailureStreak(environment, streakLength, failures, true);
            }
            failures++;
        }
        return new Finding.FailureStreak(environment, streakLength, failures, false);
    }

    private Finding.FailureRate failureRate() {
        int windowDays = policy.getFailureRateWindowDays();
        Instant from = now.minus(Duration.ofDays(windowDays));
        int completed = 0;
        int failures = 0;
        for (DeployRecord record : history.window()) {
            if (counts(record)
                    && record.getOutcome().isCompleted()
                    && !record.getStartedAt().isBefore(from)) {
                completed++;
                if (record.getOutcome() == DeployOutcome.FAILURE) {
                    failures++;
                }
            }
        }
        return new Finding.FailureRate(environment, failures, completed, windowDays, policy.getFailureRateMaxPercent());
    }

    private boolean counts(DeployRecord record) {
        return record.getEnvironment().equals(environment)
                && !record.getStartedAt().isAfter(now);
    }

    private boolean isSuccess(DeployRecord record) {
        return counts(record) && record.getOutcome() == DeployOutcome.SUCCESS;
    }
}
