package io.jenkins.plugins.deployoften.model.gate;

import java.time.Instant;

/**
 * One record of the gate's audit trail: which build asked the gate, and the {@link GateDecision} it got
 * (time, candidate identity, mode, verdicts, override), and the policy it applied. Immutable.
 *
 * @param jobFullName the job's full name, such as {@code folder/app}
 * @param buildNumber the number of the build that evaluated the gate
 * @param decision what the gate decided
 * @param policy the rules it applied and where they came from
 */
public record GateAuditEntry(String jobFullName, int buildNumber, GateDecision decision, AuditedPolicy policy) {
    /**
     * @param jobFullName the job's full name, such as {@code folder/app}; not blank
     * @param buildNumber the number of the build that evaluated the gate, at least 1
     * @param decision what the gate decided
     * @throws IllegalArgumentException naming the field that is missing or out of range
     */
    public GateAuditEntry {
        validateBuild(jobFullName, buildNumber);
        GateEvaluator.required("decision", decision);
        GateEvaluator.required("policy", policy);
    }

    /**
     * An entry that does not say which policy was applied, as entries written before it was recorded.
     *
     * @param jobFullName the job's full name; not blank
     * @param buildNumber the number of the build that evaluated the gate, at least 1
     * @param decision what the gate decided
     */
    public GateAuditEntry(String jobFullName, int buildNumber, GateDecision decision) {
        this(jobFullName, buildNumber, decision, AuditedPolicy.NOT_RECORDED);
    }

    static void validateBuild(String jobFullName, int buildNumber) {
        if (jobFullName == null || jobFullName.isBlank()) {
            throw new IllegalArgumentException("jobFullName: must not be empty");
        }
        if (buildNumber < 1) {
            throw new IllegalArgumentException("buildNumber: must be at least 1, was " + buildNumber);
        }
    }

    /** @return when the gate was evaluated */
    public Instant evaluatedAt() {
        return decision.getEvaluatedAt();
    }

    @Override
    public String toString() {
        return jobFullName + " #" + buildNumber + " " + decision;
    }
}
