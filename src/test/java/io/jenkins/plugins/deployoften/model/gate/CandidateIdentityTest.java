package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.staging;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import org.junit.Test;

public class CandidateIdentityTest {
    private static final DeployRecord RECORD = staging(41, DeployOutcome.SUCCESS, NOW).toBuilder()
            .commit("abcdef1234567")
            .artifactFingerprint("d41d8cd98f00b204e9800998ecf8427e")
            .build();

    @Test
    public void noneIdentifiesNothing() {
        assertThat(CandidateIdentity.none().isEmpty()).isTrue();
        assertThat(CandidateIdentity.none().matchedBy(RECORD)).isEmpty();
        assertThat(CandidateIdentity.none().describe()).isEqualTo("none");
        assertThat(CandidateIdentity.none().withCommit("  ").isEmpty()).isTrue();
    }

    @Test
    public void anyGivenIdentityMatchesStrongestFirst() {
        CandidateIdentity all = CandidateIdentity.ofBuild(41)
                .withCommit("ABCDEF1234567")
                .withArtifactFingerprint("D41D8CD98F00B204E9800998ECF8427E");
        CandidateIdentity wrongArtifactRightCommit = all.withArtifactFingerprint("00000000000000000000000000000000");
        CandidateIdentity onlyBuildRight = CandidateIdentity.ofBuild(41).withCommit("fffffff");

        assertThat(all.matchedBy(RECORD)).contains(CandidateIdentity.Kind.ARTIFACT_FINGERPRINT);
        assertThat(wrongArtifactRightCommit.matchedBy(RECORD)).contains(CandidateIdentity.Kind.COMMIT);
        assertThat(onlyBuildRight.matchedBy(RECORD)).contains(CandidateIdentity.Kind.BUILD);
        assertThat(all.describe())
                .isEqualTo("build #41, commit ABCDEF1234567, artifact d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    public void anAbbreviatedCommitDoesNotMatchTheFullOne() {
        assertThat(CandidateIdentity.none().withCommit("abcdef1").matchedBy(RECORD))
                .isEmpty();
    }

    @Test
    public void badIdentitiesNameTheirField() {
        assertThatThrownBy(() -> CandidateIdentity.ofBuild(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buildNumber: must be at least 1, was 0");
        assertThatThrownBy(() -> CandidateIdentity.none().withCommit("abc def"))
                .hasMessageStartingWith("commit: must be one word");
        assertThatThrownBy(() -> CandidateIdentity.none().withArtifactFingerprint("a\nb"))
                .hasMessageStartingWith("artifactFingerprint: must be one word");
    }

    @Test
    public void equalIdentitiesAreEqual() {
        assertThat(CandidateIdentity.none().withCommit("abc").withBuildNumber(3))
                .isEqualTo(CandidateIdentity.ofBuild(3).withCommit("abc"))
                .hasSameHashCodeAs(CandidateIdentity.ofBuild(3).withCommit("abc"))
                .isNotEqualTo(CandidateIdentity.ofBuild(3));
    }
}
