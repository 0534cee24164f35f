package io.jenkins.plugins.deployoften.model.deploy;

import java.util.Locale;

/** A build's result as far as deploying is concerned; mirrors Jenkins' results without depending on them. */
public enum BuildResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    NOT_BUILT,
    ABORTED;

    /**
     * @param jenkinsResult the text of a Jenkins result ({@code SUCCESS}, {@code UNSTABLE}, ...); {@code null}
     *     while a build is still running without a result, which means it has succeeded so far
     * @return the matching result
     * @throws IllegalArgumentException for an unknown result
     */
    public static BuildResult fromJenkins(String jenkinsResult) {
        if (jenkinsResult == null) {
            return SUCCESS;
        }
        return valueOf(jenkinsResult.toUpperCase(Locale.ROOT));
    }
}
