package io.jenkins.plugins.deployoften.model.deploy;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One {@link DeployLane} per job and environment. */
public final class DeployLanes {
    private final ConcurrentMap<String, DeployLane> lanes = new ConcurrentHashMap<>();

    /**
     * @param jobFullName the job
     * @param environment the environment deployed to
     * @return the lane shared by all builds of that job deploying to that environment
     */
    public DeployLane lane(String jobFullName, EnvironmentName environment) {
        return lanes.computeIfAbsent(jobFullName + "\u0000" + environment.value(), key -> new DeployLane());
    }
}
