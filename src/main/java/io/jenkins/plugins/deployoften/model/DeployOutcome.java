package io.jenkins.plugins.deployoften.model;

/** How a deploy attempt ended. */
public enum DeployOutcome {
    /** The deploy ran and succeeded. */
    SUCCESS,
    /** The deploy ran and failed (including a timeout). */
    FAILURE,
    /** The deploy was interrupted, for example because the build was aborted. */
    ABORTED,
    /** The build did not deploy; the record's reason says why (build failed, superseded, ...). */
    SKIPPED;

    /** @return whether the deploy ran to an end that counts for the change failure rate */
    public boolean isCompleted() {
        return this == SUCCESS || this == FAILURE;
    }
}
