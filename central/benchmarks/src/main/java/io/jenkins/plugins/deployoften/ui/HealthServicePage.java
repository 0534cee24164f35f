package io.jenkins.plugins.deployoften.ui;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.gate.GateAuditGlance;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plugin's own {@link DeployHealthService}, built with a clock (its package-private constructor) and asked for
 * a job's health and last override the way {@code DeployHealthRootAction} and the badges ask, by the job's full
 * name, ledger and gate audit trail ({@code summaryOf(key, ledger, audit, snapshots)}, the part of the service
 * without Jenkins), with or without the job's health file. Lives in the benchmarks module, in the plugin's package, so the benchmarks measure the production cache
 * rather than a copy of it; no production code was added for it.
 *
 * <p>The service reads a job's audit trail entries only when it computes the job's health (a cache miss), so the
 * audit source here counts those reads: {@link #computed()} is the number of misses.
 */
public final class HealthServicePage {
    private final DeployHealthService service;
    private final boolean healthFiles;
    private final AtomicInteger computed = new AtomicInteger();

    private final Clock clock;

    /** @param clock the service's clock: each look-up takes its time from it */
    public HealthServicePage(Clock clock) {
        this(clock, false);
    }

    /**
     * @param clock the service's clock: each look-up takes its time from it
     * @param healthFiles whether the service keeps each job's health in its {@code deployoften-health.json}, as
     *     the plugin does, beside the job's file ledger
     */
    public HealthServicePage(Clock clock, boolean healthFiles) {
        this.service = new DeployHealthService(clock);
        this.healthFiles = healthFiles;
        this.clock = clock;
    }

    private DeployHealthService.SnapshotStore snapshotsOf(DeployLedger ledger) {
        if (!healthFiles) {
            return DeployHealthService.SnapshotStore.NONE;
        }
        // found only on a miss, as the plugin's HealthFile.ofJob finds the job's directory
        return new DeployHealthService.HealthFile(() ->
                ((FileDeployLedger) ledger).getFile().getParent().resolve(DeployHealthService.HealthFile.FILE_NAME));
    }

    /** @return the service's clock reading */
    public Instant now() {
        return clock.instant();
    }

    /**
     * @return the job as the Deploy health page's table takes it, as {@code DeployHealthService.tableJobOf(job)}
     * @throws IOException when the ledger or audit trail cannot be read
     */
    public DeployHealthTable.Job tableJobOf(String fullName, String url, DeployLedger ledger, GateAuditLog audit)
            throws IOException {
        return service.tableJobOf(fullName, url, ledger, new CountingAudit(audit), snapshotsOf(ledger));
    }

    /**
     * @return the job's health now, as {@code DeployHealthService.healthOf(job)}
     * @throws IOException when the ledger or audit trail cannot be read
     */
    public DeployHealthView healthOf(String fullName, DeployLedger ledger, GateAuditLog audit) throws IOException {
        return service.summaryOf(fullName, ledger, new CountingAudit(audit), snapshotsOf(ledger)).view;
    }

    /** @return how many look-ups computed a job's health instead of serving it from the cache */
    public int computed() {
        return computed.get();
    }

    /** The job's audit file, as the service's own {@code AuditLogSource}, counting the reads a miss makes. */
    private final class CountingAudit implements DeployHealthService.AuditSource {
        private final GateAuditLog audit;

        CountingAudit(GateAuditLog audit) {
            this.audit = audit;
        }

        @Override
        public String version() throws IOException {
            return audit.version();
        }

        @Override
        public GateAuditGlance glance(int lines) throws IOException {
            computed.incrementAndGet();
            return audit.glance(lines);
        }
    }
}
