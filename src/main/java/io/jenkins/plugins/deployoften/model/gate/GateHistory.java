package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.SuccessfulDeploy;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The part of a job's history the gate rules read: one window of records, and backwards look-ups. */
interface GateHistory {
    /** @return the records started at or after the window start, in append order */
    List<DeployRecord> window();

    /** @return unreadable lines met while reading the window */
    int skippedLines();

    /**
     * Visits records from the newest appended backwards and returns the first that matches. The predicate
     * may count what it sees: it is called once per record, newest first, until it returns {@code true}.
     */
    Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException;

    /**
     * The last successful deploy to the environment of a trusted source that shares an identity with the
     * candidate, as {@link DeployLedger#lastSuccessOfCandidate(EnvironmentName, Optional, Optional,
     * java.util.OptionalInt, TrustedSources)} finds it (by a ledger's index when it has one, so "last" may be by
     * start rather than by append). Deploys started after the evaluation time are not excluded here.
     */
    Optional<SuccessfulDeploy> lastSuccessOfCandidate(
            EnvironmentName environment, CandidateIdentity candidate, TrustedSources trusted) throws IOException;

    /**
     * The successful deploy to the environment that <em>started</em> last among those started at or before {@code
     * now}, as {@link DeployLedger#lastSuccessStartedBy} finds it (ties: {@link DeployLedger#START_ORDER}).
     */
    Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now) throws IOException;

    /**
     * The newest {@code count} completed deploys to the environment by <em>start</em>, newest first, among those
     * started at or before {@code now}, as {@link DeployLedger#lastCompletedStartedBy} finds them.
     */
    List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count) throws IOException;

    /** The environment's first record by start, as {@link DeployLedger#firstStarted} finds it. */
    Optional<DeployRecord> firstStarted(EnvironmentName environment) throws IOException;

    /**
     * Reads a ledger: the window through {@link DeployLedger#readSince}, look-ups through its findLast, its
     * {@link DeployLedger#lastSuccessOfCandidate}, {@link DeployLedger#lastSuccessStartedBy}, {@link
     * DeployLedger#lastCompletedStartedBy} and {@link DeployLedger#firstStarted}.
     */
    static GateHistory of(DeployLedger ledger, Instant windowStart) throws IOException {
        LedgerRead window = windowStart == null ? new LedgerRead(List.of(), 0) : ledger.readSince(windowStart);
        return new GateHistory() {
            @Override
            public List<DeployRecord> window() {
                return window.records();
            }

            @Override
            public int skippedLines() {
                return window.skippedLines();
            }

            @Override
            public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
                return ledger.findLast(matching);
            }

            @Override
            public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
                    EnvironmentName environment, CandidateIdentity candidate, TrustedSources trusted)
                    throws IOException {
                return ledger.lastSuccessOfCandidate(
                        environment,
                        candidate.getArtifactFingerprint(),
                        candidate.getCommit(),
                        candidate.getBuildNumber(),
                        trusted);
            }

            @Override
            public Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now)
                    throws IOException {
                return ledger.lastSuccessStartedBy(environment, now);
            }

            @Override
            public List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count)
                    throws IOException {
                return ledger.lastCompletedStartedBy(environment, now, count);
            }

            @Override
            public Optional<DeployRecord> firstStarted(EnvironmentName environment) throws IOException {
                return ledger.firstStarted(environment);
            }
        };
    }

    /**
     * Reads records already in memory, in append order; the by-start look-ups sort them by {@link
     * DeployLedger#START_ORDER} (stably, so records it calls equal stay in append order).
     */
    static GateHistory of(LedgerRead all, Instant windowStart) {
        List<DeployRecord> records = all.records();
        List<DeployRecord> window = windowStart == null
                ? List.of()
                : records.stream()
                        .filter(r -> !r.getStartedAt().isBefore(windowStart))
                        .collect(Collectors.toList());
        return new InMemory(records) {
            @Override
            public List<DeployRecord> window() {
                return window;
            }

            @Override
            public int skippedLines() {
                return all.skippedLines();
            }

            @Override
            public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) {
                for (int i = records.size() - 1; i >= 0; i--) {
                    if (matching.test(records.get(i))) {
                        return Optional.of(records.get(i));
                    }
                }
                return Optional.empty();
            }

            @Override
            public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
                    EnvironmentName environment, CandidateIdentity candidate, TrustedSources trusted) {
                return findLast(r -> r.getOutcome() == DeployOutcome.SUCCESS
                                && r.getEnvironment().equals(environment)
                                && trusted.trusts(r)
                                && candidate.matchedBy(r).isPresent())
                        .map(r -> practised(r, candidate));
            }
        };
    }

    /**
     * The history as a gate that trusts only some sources reads it: records of other sources are not there. The
     * window is the base's, filtered; the candidate look-up is the base's by trusted source (a ledger's index, so a
     * few look-ups); the by-start look-ups (the last success for FRESH, the last completed for HEALTHY, the first
     * record) are answered from the filtered window, so no read grows with the whole history: the caller reads a
     * window long enough for the rules that use them ({@link GateEvaluator}).
     *
     * @param base the history of every source
     * @param trusted the sources whose records count; not {@link TrustedSources#ALL}
     * @return the filtered history
     */
    static GateHistory trusting(GateHistory base, TrustedSources trusted) {
        List<DeployRecord> window =
                base.window().stream().filter(trusted::trusts).collect(Collectors.toList());
        return new InMemory(window) {
            @Override
            public List<DeployRecord> window() {
                return window;
            }

            @Override
            public int skippedLines() {
                return base.skippedLines();
            }

            @Override
            public Optional<DeployRecord> findLast(Predicate<DeployRecord> matching) throws IOException {
                return base.findLast(r -> trusted.trusts(r) && matching.test(r));
            }

            @Override
            public Optional<SuccessfulDeploy> lastSuccessOfCandidate(
                    EnvironmentName environment, CandidateIdentity candidate, TrustedSources also) throws IOException {
                EnumSet<DeploySource> both = EnumSet.copyOf(trusted.sources());
                both.retainAll(also.sources());
                return both.isEmpty()
                        ? Optional.empty()
                        : base.lastSuccessOfCandidate(environment, candidate, TrustedSources.of(both));
            }
        };
    }

    /**
     * @return the records of the environment started at or before now that match, in append order (not private:
     *     SpotBugs takes a private interface method called from an anonymous class for an uncalled one)
     */
    /** The by-start look-ups answered from records in memory, in append order. */
    abstract static class InMemory implements GateHistory {
        private final List<DeployRecord> records;

        InMemory(List<DeployRecord> records) {
            this.records = records;
        }

        @Override
        public Optional<DeployRecord> lastSuccessStartedBy(EnvironmentName environment, Instant now) {
            return DeployLedger.newestFirst(
                            matching(records, environment, now, r -> r.getOutcome() == DeployOutcome.SUCCESS), 1)
                    .stream()
                    .findFirst();
        }

        @Override
        public List<DeployRecord> lastCompletedStartedBy(EnvironmentName environment, Instant now, int count) {
            DeployLedger.checkCount(count);
            return DeployLedger.newestFirst(
                    matching(records, environment, now, r -> r.getOutcome().isCompleted()), count);
        }

        @Override
        public Optional<DeployRecord> firstStarted(EnvironmentName environment) {
            return records.stream()
                    .filter(r -> r.getEnvironment().equals(environment))
                    .min(DeployLedger.START_ORDER); // of equal ones, the first met: the earlier appended
        }
    }

    static List<DeployRecord> matching(
            List<DeployRecord> records, EnvironmentName environment, Instant now, Predicate<DeployRecord> outcome) {
        return records.stream()
                .filter(r -> r.getEnvironment().equals(environment)
                        && !r.getStartedAt().isAfter(now)
                        && outcome.test(r))
                .collect(Collectors.toList());
    }

    /** @return the deploy as a match of the candidate; the record shares an identity with it */
    static SuccessfulDeploy practised(DeployRecord record, CandidateIdentity candidate) {
        return SuccessfulDeploy.of(
                record,
                SuccessfulDeploy.MatchedBy.valueOf(
                        candidate.matchedBy(record).orElseThrow().name()));
    }
}
