package io.jenkins.plugins.deployoften.model.gate;

/** The outcome of a release gate evaluation. */
public enum GateStatus {
    /** Every checked rule passed, or a one-time override let the release through. */
    PASS,
    /** A rule failed in {@link GateMode#WARN}: the release goes on, the build is marked unstable. */
    WARN,
    /** A rule failed in {@link GateMode#ENFORCE}: the release is blocked, the build fails. */
    BLOCK
}
