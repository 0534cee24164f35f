package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeployLedger;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One job's release gate: evaluates the policy, consumes a pending override bound to this candidate and not
 * expired (whatever the rules decided: a matching evaluation spends it), and records the decision in the audit
 * log. Order: validate every argument (bad input writes nothing), read the ledger, consume the
 * override, append the audit record. When the audit record cannot be written, the consumed override is
 * given back (if no other was granted meanwhile) and the error is thrown, so an override is never spent on
 * an unrecorded decision.
 */
public final class ReleaseGate {
    private final PolicyInForce policy;
    private final DeployLedger ledger;
    private final PendingOverrides overrides;
    private final GateAuditLog auditLog;
    private final TrustedSources trusted;

    /**
     * @param policy the rules and mode, applied as given
     * @param ledger the job's deploy history
     * @param overrides the job's pending override
     * @param auditLog the job's audit trail
     * @throws IllegalArgumentException naming a missing argument
     */
    public ReleaseGate(GatePolicy policy, DeployLedger ledger, PendingOverrides overrides, GateAuditLog auditLog) {
        this(policy, ledger, overrides, auditLog, TrustedSources.ALL);
    }

    /**
     * @param policy the rules and mode, applied as given
     * @param ledger the job's deploy history
     * @param overrides the job's pending override
     * @param auditLog the job's audit trail
     * @param trusted the sources whose records the rules count (the administrator's setting)
     * @throws IllegalArgumentException naming a missing argument
     */
    public ReleaseGate(
            GatePolicy policy,
            DeployLedger ledger,
            PendingOverrides overrides,
            GateAuditLog auditLog,
            TrustedSources trusted) {
        this(PolicyInForce.asGiven(GateEvaluator.required("policy", policy)), ledger, overrides, auditLog, trusted);
    }

    /**
     * @param policy the rules and mode in force, and where they came from (recorded in the audit trail)
     * @param ledger the job's deploy history
     * @param overrides the job's pending override
     * @param auditLog the job's audit trail
     * @param trusted the sources whose records the rules count (the administrator's setting)
     * @throws IllegalArgumentException naming a missing argument
     */
    public ReleaseGate(
            PolicyInForce policy,
            DeployLedger ledger,
            PendingOverrides overrides,
            GateAuditLog auditLog,
            TrustedSources trusted) {
        GateEvaluator.required("trusted", trusted);
        this.trusted = trusted;
        GateEvaluator.required("policy", policy);
        GateEvaluator.required("ledger", ledger);
        GateEvaluator.required("overrides", overrides);
        GateEvaluator.required("auditLog", auditLog);
        this.policy = policy;
        this.ledger = ledger;
        this.overrides = overrides;
        this.auditLog = auditLog;
    }

    /**
     * Evaluates the gate for a build and records the decision.
     *
     * @param jobFullName the job's full name
     * @param buildNumber the number of the build asking the gate
     * @param environment the environment whose practice is checked; one without records blocks on freshness,
     *     and the remedy names the environments that have records
     * @param candidate what identifies the release candidate
     * @param now the time of evaluation
     * @return the recorded decision
     * @throws IOException when the ledger cannot be read, or the override or audit files cannot be written
     * @throws IllegalArgumentException naming the bad argument; then nothing is read, consumed or written
     */
    public GateDecision evaluate(
            String jobFullName, int buildNumber, EnvironmentName environment, CandidateIdentity candidate, Instant now)
            throws IOException {
        GateAuditEntry.validateBuild(jobFullName, buildNumber);
        GateEvaluator.required("environment", environment);
        GateEvaluator.required("candidate", candidate);
        GateEvaluator.required("now", now);
        GateDecision ruled = GateEvaluator.evaluate(
                policy.rules(),
                ledger,
                environment,
                candidate,
                now,
                Optional.empty(),
                otherRecordedEnvironments(environment),
                trusted);
        Optional<GateOverride> override = overrides.consume(candidate, now);
        GateDecision decision = override.isPresent() ? GateEvaluator.overridden(ruled, override.get()) : ruled;
        try {
            auditLog.append(new GateAuditEntry(jobFullName, buildNumber, decision, policy.audited()));
        } catch (IOException e) {
            if (override.isPresent()) {
                try {
                    overrides.restoreIfNone(override.get());
                } catch (IOException restoreFailure) {
                    e.addSuppressed(restoreFailure);
                }
            }
            throw e;
        }
        return decision;
    }

    /**
     * The environments with records, when the one asked for has none (a new environment or a typo): two look-ups
     * a ledger answers from its index when it has one.
     */
    private Set<EnvironmentName> otherRecordedEnvironments(EnvironmentName environment) throws IOException {
        if (ledger.firstStarted(environment).isPresent()) {
            return Set.of();
        }
        return ledger.environments();
    }
}
