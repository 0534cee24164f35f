package io.jenkins.plugins.deployoften.model.deploy;

import java.util.Objects;

/**
 * Why a build did not deploy, as values; the glue words it for the build log and the SKIPPED record's reason.
 *
 * @param why the kind of reason
 * @param result the build's result, for {@link Why#BUILD_ENDED}; else {@link BuildResult#SUCCESS}
 * @param supersededBy the newer build that deploys instead, for {@link Why#SUPERSEDED}; else 0
 */
public record NotDeployed(Why why, BuildResult result, int supersededBy) {
    /** The kinds of reason. */
    public enum Why {
        /** The build is unstable and only successful builds deploy. */
        UNSTABLE,
        /** The build ended with {@code result} before it deployed. */
        BUILD_ENDED,
        /** The build succeeded without reaching the deploy (the stage was skipped). */
        STAGE_SKIPPED,
        /** A newer build of the job deploys to the environment first. */
        SUPERSEDED
    }

    public NotDeployed {
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(result, "result");
    }

    /** @return an unstable build where only successful builds deploy */
    public static NotDeployed unstable() {
        return new NotDeployed(Why.UNSTABLE, BuildResult.UNSTABLE, 0);
    }

    /** @return a build that ended with this result before deploying */
    public static NotDeployed buildEnded(BuildResult result) {
        return new NotDeployed(Why.BUILD_ENDED, result, 0);
    }

    /** @return a build superseded by a newer one */
    public static NotDeployed supersededBy(int build) {
        return new NotDeployed(Why.SUPERSEDED, BuildResult.SUCCESS, build);
    }

    /**
     * @param buildResult the final result of a build of a job that deploys, as Jenkins names it, {@code null} when
     *     unknown
     * @return why it ended without deploying
     */
    public static NotDeployed neverDeployed(String buildResult) {
        BuildResult result = buildResult == null ? BuildResult.SUCCESS : BuildResult.fromJenkins(buildResult);
        return result == BuildResult.SUCCESS ? new NotDeployed(Why.STAGE_SKIPPED, result, 0) : buildEnded(result);
    }
}
