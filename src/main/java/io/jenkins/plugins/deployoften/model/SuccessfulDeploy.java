package io.jenkins.plugins.deployoften.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A successful deploy found by a release candidate's identity ({@link DeployLedger#lastSuccessOfCandidate}): which
 * identity matched, the build that made the deploy, when it started, and the step that recorded it.
 *
 * @param matchedBy the first identity, in {@link MatchedBy} order, that the deploy shares with the candidate
 * @param buildNumber the build that made the deploy
 * @param startedAt the deploy's start
 * @param source the step that made the deploy's record ({@link DeployRecord#getSource()})
 */
public record SuccessfulDeploy(MatchedBy matchedBy, int buildNumber, Instant startedAt, DeploySource source) {
    /** The kinds of identity, in the order they are tried (as the gate's {@code CandidateIdentity.Kind}). */
    public enum MatchedBy {
        /** The same artifact fingerprint, compared ignoring case. */
        ARTIFACT_FINGERPRINT,
        /** The same commit, compared ignoring case. */
        COMMIT,
        /** The same build number. */
        BUILD
    }

    public SuccessfulDeploy {
        Objects.requireNonNull(matchedBy, "matchedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param record a successful deploy that shares an identity with the candidate
     * @param matchedBy the identity it was found by
     * @return it as a match
     */
    public static SuccessfulDeploy of(DeployRecord record, MatchedBy matchedBy) {
        return new SuccessfulDeploy(matchedBy, record.getBuildNumber(), record.getStartedAt(), record.getSource());
    }

    /**
     * @param record a record
     * @param artifactFingerprint the candidate's artifact fingerprint, if any
     * @param commit the candidate's commit, if any
     * @param buildNumber the candidate's build number, if any
     * @return the first identity, fingerprint then commit then build, that the record shares with the candidate;
     *     fingerprints and commits compared ignoring case
     */
    public static Optional<MatchedBy> matchedBy(
            DeployRecord record,
            Optional<String> artifactFingerprint,
            Optional<String> commit,
            OptionalInt buildNumber) {
        if (artifactFingerprint.isPresent()
                && record.getArtifactFingerprint()
                        .filter(artifactFingerprint.get()::equalsIgnoreCase)
                        .isPresent()) {
            return Optional.of(MatchedBy.ARTIFACT_FINGERPRINT);
        }
        if (commit.isPresent()
                && record.getCommit().filter(commit.get()::equalsIgnoreCase).isPresent()) {
            return Optional.of(MatchedBy.COMMIT);
        }
        if (buildNumber.isPresent() && record.getBuildNumber() == buildNumber.getAsInt()) {
            return Optional.of(MatchedBy.BUILD);
        }
        return Optional.empty();
    }
}
