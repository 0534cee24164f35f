package io.jenkins.plugins.deployoften.model.gate;

import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.InvalidValueException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What identifies the release candidate: its SCM commit, the fingerprint of its artifact(s), the number of
 * the build that made it, or any subset of them. A ledger record is the candidate when any given identity
 * equals the record's (commits and fingerprints compared ignoring case, so a hex digest matches in either
 * case; abbreviated commits do not match full ones). Immutable; absent values are {@code null}-free.
 */
public final class CandidateIdentity {
    private static final CandidateIdentity NONE = new CandidateIdentity(null, null, 0);

    /** The kinds of identity, in the order they are tried when matching. */
    public enum Kind {
        /** The same artifact bytes: the strongest identity. */
        ARTIFACT_FINGERPRINT,
        /** The same source revision. */
        COMMIT,
        /** The same build of the job. */
        BUILD
    }

    private final String commit;
    private final String artifactFingerprint;
    private final int buildNumber;

    private CandidateIdentity(String commit, String artifactFingerprint, int buildNumber) {
        this.commit = commit;
        this.artifactFingerprint = artifactFingerprint;
        this.buildNumber = buildNumber;
    }

    /** @return an identity that identifies nothing: the candidate rule then cannot be checked and fails */
    public static CandidateIdentity none() {
        return NONE;
    }

    /**
     * @param buildNumber the number of the job's build that made the candidate
     * @return an identity by build
     */
    public static CandidateIdentity ofBuild(int buildNumber) {
        return NONE.withBuildNumber(buildNumber);
    }

    /**
     * @param commit the SCM revision; {@code null} or blank removes it
     * @return a copy with this commit
     * @throws IllegalArgumentException naming {@code commit} when it has whitespace in it
     */
    public CandidateIdentity withCommit(String commit) {
        return new CandidateIdentity(token("commit", commit), artifactFingerprint, buildNumber);
    }

    /**
     * @param fingerprint the artifact fingerprint; {@code null} or blank removes it
     * @return a copy with this fingerprint
     * @throws IllegalArgumentException naming {@code artifactFingerprint} when it has whitespace in it
     */
    public CandidateIdentity withArtifactFingerprint(String fingerprint) {
        return new CandidateIdentity(commit, token("artifactFingerprint", fingerprint), buildNumber);
    }

    /**
     * @param buildNumber the build number, at least 1
     * @return a copy with this build number
     * @throws IllegalArgumentException naming {@code buildNumber} when it is below 1
     */
    public CandidateIdentity withBuildNumber(int buildNumber) {
        if (buildNumber < 1) {
            throw new IllegalArgumentException("buildNumber: must be at least 1, was " + buildNumber);
        }
        return new CandidateIdentity(commit, artifactFingerprint, buildNumber);
    }

    private static String token(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        problemWithToken(field, value).ifPresent(problem -> {
            throw new InvalidValueException(problem);
        });
        return value.strip();
    }

    /**
     * @param field the field the word was entered in, such as {@code commit}
     * @param value the word; {@code null} or blank is acceptable and means none
     * @return what is wrong with it, or empty when it is one word of at most {@link DeployRecord#MAX_TEXT}
     *     characters
     */
    public static Optional<FieldProblem> problemWithToken(String field, String value) {
        return DeployRecord.problemWithIdentity(field, value);
    }

    public Optional<String> getCommit() {
        return Optional.ofNullable(commit);
    }

    public Optional<String> getArtifactFingerprint() {
        return Optional.ofNullable(artifactFingerprint);
    }

    public OptionalInt getBuildNumber() {
        return buildNumber == 0 ? OptionalInt.empty() : OptionalInt.of(buildNumber);
    }

    /** @return whether no identity is given, so the candidate cannot be looked up */
    public boolean isEmpty() {
        return commit == null && artifactFingerprint == null && buildNumber == 0;
    }

    /**
     * @param record a ledger record
     * @return the first kind of identity, in {@link Kind} order, that the record shares with this one
     */
    public Optional<Kind> matchedBy(DeployRecord record) {
        if (artifactFingerprint != null
                && record.getArtifactFingerprint()
                        .filter(artifactFingerprint::equalsIgnoreCase)
                        .isPresent()) {
            return Optional.of(Kind.ARTIFACT_FINGERPRINT);
        }
        if (commit != null
                && record.getCommit().filter(commit::equalsIgnoreCase).isPresent()) {
            return Optional.of(Kind.COMMIT);
        }
        if (buildNumber != 0 && record.getBuildNumber() == buildNumber) {
            return Optional.of(Kind.BUILD);
        }
        return Optional.empty();
    }

    /** @return how many identities are given: 0 to 3 */
    int identityCount() {
        return (commit == null ? 0 : 1) + (artifactFingerprint == null ? 0 : 1) + (buildNumber == 0 ? 0 : 1);
    }

    /**
     * @param other another candidate identity
     * @return whether both give the same value for one kind of identity, compared as {@link #matchedBy} compares
     *     a record (commits and fingerprints ignoring case)
     */
    boolean sharesIdentityWith(CandidateIdentity other) {
        return artifactFingerprint != null && artifactFingerprint.equalsIgnoreCase(other.artifactFingerprint)
                || commit != null && commit.equalsIgnoreCase(other.commit)
                || buildNumber != 0 && buildNumber == other.buildNumber;
    }

    /**
     * @return the given identities as the audit trail words them, such as {@code build #42, commit 0a1b2c3}, or
     *     {@code none}; pages and logs word them with the plugin's messages
     */
    public String describe() {
        return AuditWording.candidate(this);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CandidateIdentity)) {
            return false;
        }
        CandidateIdentity other = (CandidateIdentity) o;
        return buildNumber == other.buildNumber
                && Objects.equals(commit, other.commit)
                && Objects.equals(artifactFingerprint, other.artifactFingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commit, artifactFingerprint, buildNumber);
    }

    @Override
    public String toString() {
        return describe();
    }
}
