package io.jenkins.plugins.deployoften.model.deploy;

import java.util.Optional;

/** Which builds deploy. A build that does not qualify is recorded as SKIPPED with the reason. */
public enum DeployCondition {
    /** Only successful builds deploy (the default). */
    SUCCESSFUL,
    /** Successful and unstable builds deploy. */
    SUCCESSFUL_OR_UNSTABLE;

    /**
     * @param result the build's result when the deploy would start
     * @return why the build does not deploy, or empty when it does
     */
    public Optional<NotDeployed> skipReason(BuildResult result) {
        if (result == BuildResult.SUCCESS) {
            return Optional.empty();
        }
        if (result == BuildResult.UNSTABLE) {
            return this == SUCCESSFUL_OR_UNSTABLE ? Optional.empty() : Optional.of(NotDeployed.unstable());
        }
        return Optional.of(NotDeployed.buildEnded(result));
    }
}
