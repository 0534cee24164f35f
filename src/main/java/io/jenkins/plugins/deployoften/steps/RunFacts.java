package io.jenkins.plugins.deployoften.steps;

import hudson.model.Cause;
import hudson.model.Run;
import hudson.tasks.Fingerprinter;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.deploy.ArtifactIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a deploy record says about the build it comes from. */
final class RunFacts {
    static final String GIT_COMMIT = "GIT_COMMIT";

    private RunFacts() {}

    /**
     * Starts a record for a build: job, number, URL, trigger, deployed artifacts and the step that makes it. Every
     * record a build writes starts here, so each carries its provenance.
     *
     * @param run the build
     * @param environment where it deploys
     * @param commit the commit, when known
     * @param source the step that makes the record
     * @return a builder that still needs outcome, start and duration
     */
    static DeployRecord.Builder recordFor(
            Run<?, ?> run, EnvironmentName environment, Optional<String> commit, DeploySource source) {
        return DeployRecord.builder(environment.value(), run.getParent().getFullName(), run.getNumber())
                .source(source)
                .buildUrl(run.getUrl())
                .commit(commit.orElse(null))
                .artifactFingerprint(artifactIdentity(run).orElse(null))
                .trigger(trigger(run));
    }

    /** @return who or what started the build, from its causes */
    static String trigger(Run<?, ?> run) {
        return run.getCauses().stream().map(Cause::getShortDescription).collect(Collectors.joining("; "));
    }

    /**
     * @param explicit the commit the step was given, possibly blank
     * @param environment the build's environment variables
     * @return the explicit commit, else {@code GIT_COMMIT}, else empty
     */
    static Optional<String> commit(String explicit, Map<String, String> environment) {
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(explicit.trim());
        }
        String fromScm = environment == null ? null : environment.get(GIT_COMMIT);
        return fromScm == null || fromScm.isBlank() ? Optional.empty() : Optional.of(fromScm.trim());
    }

    /** @return the identity of the build's fingerprinted artifacts, when any were fingerprinted */
    static Optional<String> artifactIdentity(Run<?, ?> run) {
        Fingerprinter.FingerprintAction fingerprints = run.getAction(Fingerprinter.FingerprintAction.class);
        return fingerprints == null ? Optional.empty() : ArtifactIdentity.of(fingerprints.getRecords());
    }

    /** @return the paths of the build's archived artifacts */
    static List<String> artifactPaths(Run<?, ?> run) {
        List<String> paths = new ArrayList<>();
        for (Run<?, ?>.Artifact artifact : run.getArtifacts()) {
            paths.add(artifact.relativePath);
        }
        return paths;
    }
}
