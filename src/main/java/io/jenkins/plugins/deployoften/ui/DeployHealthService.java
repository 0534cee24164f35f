package io.jenkins.plugins.deployoften.ui;

import hudson.model.Job;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.gate.GateEvaluation;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import io.jenkins.plugins.deployoften.promote.Ledgers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Computes a job's deploy health from its ledger and gate audit trail, never from builds, and caches it
 * per job until the ledger changes or a minute has passed (ages such as "2 h ago" move with the clock). A
 * badge served from the cache costs O(1) whatever the history holds.
 */
public final class DeployHealthService {
    static final Duration FRESHNESS = Duration.ofMinutes(1);

    private static final DeployHealthService INSTANCE = new DeployHealthService(Clock.systemUTC());

    private final Clock clock;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    DeployHealthService(Clock clock) {
        this.clock = clock;
    }

    /** @return the controller-wide service */
    public static DeployHealthService get() {
        return INSTANCE;
    }

    /**
     * @param job the job
     * @return its deploy health for the environment it deploys to
     * @throws IOException when the ledger cannot be read
     */
    public DeployHealthView healthOf(Job<?, ?> job) throws IOException {
        return healthOf(job.getFullName(), Ledgers.of(job), () -> lastGateDecision(job));
    }

    DeployHealthView healthOf(String key, DeployLedger ledger, GateLookup gate) throws IOException {
        String version = ledger.version();
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null
                && cached.version.equals(version)
                && cached.computedAt.plus(FRESHNESS).isAfter(now)) {
            return cached.view;
        }
        DeployStatistics statistics =
                DeployStatistics.compute(ledger, environmentOf(ledger), now, DeployStatistics.DEFAULT_WINDOW_WEEKS);
        DeployHealthView view = DeployHealthView.of(statistics, gate.lastDecision());
        cache.put(key, new Cached(version, now, view));
        return view;
    }

    /** Forgets what was computed for a job, for example after a gate decision or an override. */
    public void invalidate(Job<?, ?> job) {
        cache.remove(job.getFullName());
    }

    /** @return the environment of the newest deploy that ran, else the configured default */
    static EnvironmentName environmentOf(DeployLedger ledger) throws IOException {
        Optional<DeployRecord> last = ledger.findLast(record -> record.getOutcome() != DeployOutcome.SKIPPED);
        if (last.isPresent()) {
            return last.get().getEnvironment();
        }
        return EnvironmentName.of(DeployOftenConfiguration.get().getDefaultEnvironment());
    }

    private static Optional<GateDecision> lastGateDecision(Job<?, ?> job) throws IOException {
        return GateEvaluation.auditLogOf(job).readRecent(1).getEntries().stream()
                .findFirst()
                .map(GateAuditEntry::getDecision);
    }

    /** Finds a job's last gate decision. */
    @FunctionalInterface
    interface GateLookup {
        Optional<GateDecision> lastDecision() throws IOException;
    }

    private static final class Cached {
        private final String version;
        private final Instant computedAt;
        private final DeployHealthView view;

        Cached(String version, Instant computedAt, DeployHealthView view) {
            this.version = version;
            this.computedAt = computedAt;
            this.view = view;
        }
    }
}
