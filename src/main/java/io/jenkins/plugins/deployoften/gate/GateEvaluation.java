package io.jenkins.plugins.deployoften.gate;

import hudson.AbortException;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.metrics.DeployMetrics;
import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.gate.PendingOverrides;
import io.jenkins.plugins.deployoften.model.gate.ReleaseGate;
import io.jenkins.plugins.deployoften.model.gate.RuleVerdict;
import io.jenkins.plugins.deployoften.promote.Ledgers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Runs the release gate for a build: evaluates and audits the decision (consuming a pending override),
 * prints the decision table, and turns the decision into a build result: BLOCK aborts the build, WARN makes
 * it unstable.
 */
public final class GateEvaluation {
    private GateEvaluation() {}

    /** @return the job's pending one-time override */
    public static PendingOverrides overridesOf(Job<?, ?> job) {
        return new PendingOverrides(job.getRootDir().toPath());
    }

    /** @return the job's gate audit trail */
    public static GateAuditLog auditLogOf(Job<?, ?> job) {
        return new GateAuditLog(job.getRootDir().toPath());
    }

    /**
     * @param run the build asking the gate
     * @param listener its log
     * @param environment the environment whose practice is checked, or empty text for the global default
     * @param candidate what identifies the release candidate
     * @param settings the job's own rules, or {@code null} for the global defaults
     * @return the decision (PASS or WARN; a BLOCK in enforce mode throws)
     * @throws AbortException when the gate blocks in enforce mode, or when a value is invalid (naming it)
     * @throws IOException when the ledger or the audit trail cannot be used
     */
    public static GateDecision run(
            Run<?, ?> run,
            TaskListener listener,
            String environment,
            CandidateIdentity candidate,
            GatePolicySettings settings)
            throws IOException {
        return run(run, listener, environment, candidate, settings, "");
    }

    /**
     * As {@link #run(Run, TaskListener, String, CandidateIdentity, GatePolicySettings)}, for a named service.
     *
     * @param service the service whose history the gate checks in the shared ledger; blank for the job's
     * @return the decision
     * @throws IOException when the ledger or the audit trail cannot be used
     */
    public static GateDecision run(
            Run<?, ?> run,
            TaskListener listener,
            String environment,
            CandidateIdentity candidate,
            GatePolicySettings settings,
            String service)
            throws IOException {
        DeployOftenConfiguration configuration = DeployOftenConfiguration.get();
        String resolved = environment == null || environment.isBlank()
                ? configuration.getDefaultEnvironment()
                : environment.trim();
        GateDecision decision;
        try {
            EnvironmentName name = EnvironmentName.of(resolved);
            GatePolicy policy = (settings == null ? configuration.getGatePolicy() : settings).toPolicy();
            Job<?, ?> job = run.getParent();
            DeployLedger ledger = Ledgers.of(job, service, listener.getLogger()::println);
            Path directory = job.getRootDir().toPath();
            ReleaseGate gate =
                    new ReleaseGate(policy, ledger, new PendingOverrides(directory), new GateAuditLog(directory));
            decision = gate.evaluate(job.getFullName(), run.getNumber(), name, candidate, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.ReleaseGate_invalid(e.getMessage()));
        }
        DeployMetrics.gateDecided(decision);
        print(decision, listener.getLogger());
        if (decision.getStatus() == GateStatus.BLOCK) {
            throw new AbortException(decision.summary());
        }
        if (decision.getStatus() == GateStatus.WARN) {
            run.setResult(Result.UNSTABLE);
        }
        return decision;
    }

    static void print(GateDecision decision, PrintStream log) {
        log.println("DeployOften release gate for " + decision.getEnvironment() + ": " + decision.getStatus()
                + " (mode " + decision.getMode() + ", candidate "
                + decision.getCandidate().describe() + ")");
        for (RuleVerdict verdict : decision.getVerdicts()) {
            log.println(String.format("  %-20s %-11s %s", verdict.getRule(), verdict.getStatus(), verdict.describe()));
        }
        if (decision.getSkippedLedgerLines() > 0) {
            log.println("  warning: " + decision.getSkippedLedgerLines() + " unreadable ledger line(s) were skipped");
        }
    }
}
