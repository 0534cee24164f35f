package io.jenkins.plugins.deployoften.model.deploy;

import java.util.Optional;

/** What a failed deploy does to the build's result. */
public enum FailureEffect {
    /** The build fails (the default): a build that cannot be deployed is not done. */
    FAIL_BUILD(BuildResult.FAILURE),
    /** The build becomes unstable. */
    MARK_UNSTABLE(BuildResult.UNSTABLE),
    /** The build's result is left alone; the deploy record still says FAILURE. */
    LEAVE_RESULT(null);

    private final BuildResult result;

    FailureEffect(BuildResult result) {
        this.result = result;
    }

    /** @return the result to set on the build after a failed deploy, or empty to leave it */
    public Optional<BuildResult> buildResultAfterFailedDeploy() {
        return Optional.ofNullable(result);
    }
}
