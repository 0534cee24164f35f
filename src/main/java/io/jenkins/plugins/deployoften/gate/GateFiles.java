package io.jenkins.plugins.deployoften.gate;

import hudson.model.Job;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.PendingOverrides;

/** Where a job keeps its gate state: both files live in the job's folder, beside its deploy ledger. */
public final class GateFiles {
    private GateFiles() {}

    /** @return the job's pending one-time override */
    public static PendingOverrides overridesOf(Job<?, ?> job) {
        return new PendingOverrides(job.getRootDir().toPath());
    }

    /** @return the job's gate audit trail */
    public static GateAuditLog auditLogOf(Job<?, ?> job) {
        return new GateAuditLog(job.getRootDir().toPath());
    }
}
