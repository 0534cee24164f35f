package io.jenkins.plugins.deployoften.model.gate;

/** The rules of the release gate, in the order they are evaluated and reported. */
public enum GateRule {
    /** The last successful deploy to the environment is at most N days old. */
    FRESH,
    /** At least K successful deploys to the environment in the last W days. */
    FREQUENT,
    /** The release candidate itself was deployed successfully to the environment. */
    CANDIDATE_PRACTISED,
    /** The last K deploys did not all fail, and optionally the failure rate over W days is at most X percent. */
    HEALTHY,
    /** Not a check: records that a one-time override let the release through. */
    OVERRIDE
}
