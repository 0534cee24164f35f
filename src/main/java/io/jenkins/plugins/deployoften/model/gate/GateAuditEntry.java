package io.jenkins.plugins.deployoften.model.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of the gate's audit trail: which build asked the gate, and the {@link GateDecision} it got
 * (time, candidate identity, mode, verdicts, override). Immutable.
 */
public final class GateAuditEntry {
    private final String jobFullName;
    private final int buildNumber;
    private final GateDecision decision;

    /**
     * @param jobFullName the job's full name, such as {@code folder/app}; not blank
     * @param buildNumber the number of the build that evaluated the gate, at least 1
     * @param decision what the gate decided
     * @throws IllegalArgumentException naming the field that is missing or out of range
     */
    public GateAuditEntry(String jobFullName, int buildNumber, GateDecision decision) {
        validateBuild(jobFullName, buildNumber);
        GateEvaluator.required("decision", decision);
        this.jobFullName = jobFullName;
        this.buildNumber = buildNumber;
        this.decision = decision;
    }

    static void validateBuild(String jobFullName, int buildNumber) {
        if (jobFullName == null || jobFullName.isBlank()) {
            throw new IllegalArgumentException("jobFullName: must not be empty");
        }
        if (buildNumber < 1) {
            throw new IllegalArgumentException("buildNumber: must be at least 1, was " + buildNumber);
        }
    }

    public String getJobFullName() {
        return jobFullName;
    }

    /** @return the number of the build that evaluated the gate */
    public int getBuildNumber() {
        return buildNumber;
    }

    public GateDecision getDecision() {
        return decision;
    }

    /** @return when the gate was evaluated */
    public Instant getEvaluatedAt() {
        return decision.getEvaluatedAt();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GateAuditEntry)) {
            return false;
        }
        GateAuditEntry other = (GateAuditEntry) o;
        return buildNumber == other.buildNumber
                && jobFullName.equals(other.jobFullName)
                && decision.equals(other.decision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobFullName, buildNumber, decision);
    }

    @Override
    public String toString() {
        return jobFullName + " #" + buildNumber + ": " + decision.summary();
    }
}
