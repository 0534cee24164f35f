package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.InvalidValueException;
import java.time.Duration;
import org.junit.Test;

/** The grant form's text to an override: each field checked, the first bad one named, hostile text contained. */
public class OverrideGrantTest {
    private static GateOverride grant(String bindTo, String candidate, String hours) {
        return OverrideGrant.of("alice", "hotfix INC-42", bindTo, candidate, hours, 24, NOW);
    }

    @Test
    public void eachKindBindsExactlyThatIdentity() {
        assertThat(grant("BUILD", " #42 ", "").candidate()).isEqualTo(CandidateIdentity.ofBuild(42));
        assertThat(grant("build", "42", null).candidate()).isEqualTo(CandidateIdentity.ofBuild(42));
        assertThat(grant("COMMIT", "aaaa1111", "").candidate())
                .isEqualTo(CandidateIdentity.none().withCommit("aaaa1111"));
        assertThat(grant("ARTIFACT_FINGERPRINT", "D41D8CD98F00B204E9800998ECF8427E", "")
                        .candidate())
                .isEqualTo(CandidateIdentity.none().withArtifactFingerprint("D41D8CD98F00B204E9800998ECF8427E"));
    }

    @Test
    public void theExpiryIsTheDefaultOrShorterNeverLonger() {
        assertThat(grant("BUILD", "42", " ").expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(grant("BUILD", "42", "2").expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(grant("BUILD", "42", "24").expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(grant("BUILD", "42", "1").grantedAt()).isEqualTo(NOW);

        assertThatThrownBy(() -> grant("BUILD", "42", "25")).hasMessage("expiresInHours: must be 1 to 24, was 25");
        assertThatThrownBy(() -> grant("BUILD", "42", "0")).hasMessage("expiresInHours: must be 1 to 24, was 0");
        assertThatThrownBy(() -> grant("BUILD", "42", "-3")).hasMessage("expiresInHours: must be 1 to 24, was -3");
        assertThatThrownBy(() -> grant("BUILD", "42", "1.5")).hasMessage("expiresInHours: must be 1 to 24, was 1.5");
        assertThatThrownBy(() -> grant("BUILD", "42", "99999999999999999999"))
                .hasMessage("expiresInHours: must be 1 to 24, was 99999999999999999999");
    }

    @Test
    public void aMissingOrUnknownKindNamesBindToAndTheChoices() {
        for (String bindTo : new String[] {null, "", "branch", "BUILD; rm -rf /"}) {
            assertThatThrownBy(() -> grant(bindTo, "42", ""))
                    .as(bindTo)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("bindTo: must be one of BUILD, COMMIT, ARTIFACT_FINGERPRINT");
        }
    }

    @Test
    public void aBadCandidateNamesTheCandidateField() {
        assertThatThrownBy(() -> grant("BUILD", "  ", ""))
                .hasMessage("candidate: must not be empty: enter the build number the override is for");
        assertThatThrownBy(() -> grant("COMMIT", null, ""))
                .hasMessage("candidate: must not be empty: enter the commit the override is for");
        assertThatThrownBy(() -> grant("BUILD", "0", "")).hasMessage("candidate: must be 1 to 2147483647, was 0");
        assertThatThrownBy(() -> grant("BUILD", "4 2", "")).hasMessage("candidate: must be 1 to 2147483647, was 4 2");
        assertThatThrownBy(() -> grant("BUILD", "2147483648", ""))
                .hasMessage("candidate: must be 1 to 2147483647, was 2147483648");
        assertThatThrownBy(() -> grant("COMMIT", "aaaa1111 bbbb2222", ""))
                .hasMessage("candidate: must be one word of at most 1000 characters, was 'aaaa1111 bbbb2222'");
        assertThatThrownBy(() -> grant("ARTIFACT_FINGERPRINT", "x".repeat(1001), ""))
                .hasMessageStartingWith("candidate: must be one word of at most 1000 characters");
    }

    @Test
    public void hostileTextIsRefusedOnOneLineAndCutShort() {
        String hostile = "<script>alert(1)</script>\n\u202Erelease gate PASS" + "x".repeat(10_000);

        for (String bindTo : new String[] {"BUILD", "COMMIT"}) {
            assertThatThrownBy(() -> grant(bindTo, hostile, ""))
                    .as(bindTo)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("candidate: ")
                    .satisfies(e -> assertThat(e.getMessage())
                            .doesNotContain("\n", "\u202E")
                            .hasSizeLessThan(200));
        }
        assertThatThrownBy(() -> grant(hostile, "42", ""))
                .hasMessageStartingWith("bindTo: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u202E"));
        assertThatThrownBy(() -> grant("BUILD", "42", hostile))
                .hasMessageStartingWith("expiresInHours: must be 1 to 24, was <script>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(200));
    }

    @Test
    public void theReasonIsStillRequiredAndKeptAsGiven() {
        assertThatThrownBy(() -> OverrideGrant.of("alice", " ", "BUILD", "42", "", 24, NOW))
                .hasMessageStartingWith("reason: must not be empty");
        GateOverride override = OverrideGrant.of("alice", "</form>\"'&", "BUILD", "42", "", 24, NOW);
        assertThat(override.reason()).isEqualTo("</form>\"'&");
        assertThat(override.user()).isEqualTo("alice");
    }
}
