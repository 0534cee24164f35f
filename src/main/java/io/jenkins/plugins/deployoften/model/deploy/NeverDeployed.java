package io.jenkins.plugins.deployoften.model.deploy;

/** Why a build of a job that deploys ended without deploying. */
public final class NeverDeployed {
    private NeverDeployed() {}

    /**
     * @param buildResult the build's final result as Jenkins names it, {@code null} when unknown
     * @return the reason to record with the SKIPPED record
     */
    public static String reason(String buildResult) {
        BuildResult result = buildResult == null ? BuildResult.SUCCESS : BuildResult.fromJenkins(buildResult);
        if (result == BuildResult.SUCCESS) {
            return "build ended SUCCESS without deploying (the deploy stage was skipped)";
        }
        return "build ended " + result + " before deploying";
    }
}
