package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The environment variables a deploy command sees, describing what to deploy where. */
public final class DeployEnvironmentVariables {
    public static final String ENVIRONMENT = "DEPLOYOFTEN_ENVIRONMENT";
    public static final String JOB = "DEPLOYOFTEN_JOB";
    public static final String BUILD_NUMBER = "DEPLOYOFTEN_BUILD_NUMBER";
    public static final String COMMIT = "DEPLOYOFTEN_COMMIT";
    public static final String ARTIFACTS = "DEPLOYOFTEN_ARTIFACTS";
    public static final String ATTEMPT = "DEPLOYOFTEN_ATTEMPT";

    private DeployEnvironmentVariables() {}

    /**
     * @param environment where the build goes
     * @param jobFullName the job
     * @param buildNumber the build
     * @param commit the commit, when known
     * @param artifactPaths archived artifacts' paths relative to the build's artifact folder (may be empty)
     * @param attempt the attempt's number, from 1
     * @return the variables, in a stable order; {@code DEPLOYOFTEN_ARTIFACTS} separates paths with newlines
     */
    public static Map<String, String> of(
            EnvironmentName environment,
            String jobFullName,
            int buildNumber,
            Optional<String> commit,
            List<String> artifactPaths,
            int attempt) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(ENVIRONMENT, environment.value());
        variables.put(JOB, jobFullName);
        variables.put(BUILD_NUMBER, String.valueOf(buildNumber));
        variables.put(COMMIT, commit.orElse(""));
        variables.put(ARTIFACTS, String.join("\n", artifactPaths));
        variables.put(ATTEMPT, String.valueOf(attempt));
        return variables;
    }
}
