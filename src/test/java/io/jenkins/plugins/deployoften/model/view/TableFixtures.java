package io.jenkins.plugins.deployoften.model.view;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.deploy.EnvironmentStatus;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateEvaluator;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Jobs for the Deploy health page's table, built from records as the plugin's service builds them. */
final class TableFixtures {
    /** A Thursday. */
    static final Instant NOW = Instant.parse("2026-06-04T12:00:00Z");

    static final GatePolicy.FreshRule FRESH = GatePolicy.FreshRule.DEFAULT;

    private TableFixtures() {}

    /** A fluent list of one job's records. */
    static final class Records {
        private final String job;
        private final List<DeployRecord> records = new ArrayList<>();
        private int build = 1;

        Records(String job) {
            this.job = job;
        }

        Records deploy(String environment, DeployOutcome outcome, Duration ago) {
            return deploy(environment, outcome, ago, null, null);
        }

        Records deploy(String environment, DeployOutcome outcome, Duration ago, String commit, String trigger) {
            DeployRecord.Builder builder = DeployRecord.builder(environment, job, build++)
                    .outcome(outcome)
                    .startedAt(NOW.minus(ago))
                    .duration(Duration.ofMinutes(2));
            if (commit != null) {
                builder.commit(commit);
            }
            if (trigger != null) {
                builder.trigger(trigger);
            }
            records.add(builder.build());
            return this;
        }

        List<DeployRecord> records() {
            return records;
        }
    }

    static DeployHealthTable.Job job(String name, Records records) throws IOException {
        return job(name, records, false);
    }

    /**
     * As the service computes a job: the health of the environment deployed to last, the status and the recent deploys
     * of every one.
     */
    static DeployHealthTable.Job job(String name, Records records, boolean blocked) throws IOException {
        ListLedger ledger = new ListLedger(records.records());
        List<EnvironmentStatus> environments = new ArrayList<>();
        List<RecentDeploys> recent = new ArrayList<>();
        EnvironmentName last = EnvironmentName.of("staging");
        Instant lastStart = null;
        for (EnvironmentName environment : ledger.environments()) {
            EnvironmentStatus status = EnvironmentStatus.of(ledger, environment, NOW);
            environments.add(status);
            recent.add(RecentDeploys.of(DeployStatistics.compute(ledger, environment, NOW, RecentDeploys.WEEKS)));
            Optional<DeployRecord> attempt = status.getLastAttempt();
            if (attempt.isPresent()
                    && (lastStart == null || attempt.get().getStartedAt().isAfter(lastStart))) {
                lastStart = attempt.get().getStartedAt();
                last = environment;
            }
        }
        DeployHealthView health = DeployHealthView.of(
                DeployStatistics.compute(records.records(), last, NOW, 12),
                blocked ? Optional.of(blockedDecision()) : Optional.empty());
        return new DeployHealthTable.Job(
                name, "job/" + name.replace("/", "/job/") + "/", health, environments, recent, "");
    }

    static GateDecision blockedDecision() {
        return GateEvaluator.evaluate(
                GatePolicy.defaults(),
                new LedgerRead(List.of(), 0),
                EnvironmentName.of("staging"),
                CandidateIdentity.none(),
                NOW,
                Optional.empty());
    }

    /** A job whose last success to staging was that long ago. */
    static DeployHealthTable.Job lastDeployed(String name, Duration ago) throws IOException {
        return job(name, new Records(name).deploy("staging", DeployOutcome.SUCCESS, ago));
    }

    /** A ledger of records in memory, answering through the {@link DeployLedger} defaults. */
    static final class ListLedger implements DeployLedger {
        private final List<DeployRecord> records;

        ListLedger(List<DeployRecord> records) {
            this.records = List.copyOf(records);
        }

        @Override
        public void append(DeployRecord record) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LedgerRead readSince(Instant from) {
            return new LedgerRead(
                    records.stream()
                            .filter(r -> !r.getStartedAt().isBefore(from))
                            .toList(),
                    0);
        }

        @Override
        public LedgerRead readAll() {
            return new LedgerRead(records, 0);
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
        public List<DeployRecord> readRecent(int skip, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String version() {
            return Integer.toString(records.size());
        }

        @Override
        public Compaction compact(Instant horizon) {
            throw new UnsupportedOperationException();
        }
    }
}
