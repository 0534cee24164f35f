package io.jenkins.plugins.deployoften.gate;

import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;

/** Builds the release candidate's identity from the gate step's optional values. */
final class CandidateSettings {
    private CandidateSettings() {}

    /**
     * @param commit the candidate's commit, possibly blank
     * @param artifactFingerprint the candidate's artifact MD5, possibly blank
     * @param buildNumber the candidate's build of this job, 0 for none
     * @return the identity; {@link CandidateIdentity#none()} when nothing was given
     */
    static CandidateIdentity identity(String commit, String artifactFingerprint, int buildNumber) {
        CandidateIdentity identity = CandidateIdentity.none();
        if (commit != null && !commit.isBlank()) {
            identity = identity.withCommit(commit.trim());
        }
        if (artifactFingerprint != null && !artifactFingerprint.isBlank()) {
            identity = identity.withArtifactFingerprint(artifactFingerprint.trim());
        }
        if (buildNumber > 0) {
            identity = identity.withBuildNumber(buildNumber);
        }
        return identity;
    }
}
