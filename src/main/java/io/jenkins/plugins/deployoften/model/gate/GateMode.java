package io.jenkins.plugins.deployoften.model.gate;

/** What a failing release gate does, so teams can roll the gate out gradually. */
public enum GateMode {
    /** A failing gate blocks the release ({@link GateStatus#BLOCK}): the build fails. */
    ENFORCE,
    /** A failing gate only warns ({@link GateStatus#WARN}): the build is marked unstable and goes on. */
    WARN
}
