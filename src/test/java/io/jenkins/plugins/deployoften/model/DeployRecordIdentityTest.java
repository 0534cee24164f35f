package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import java.time.Instant;
import org.junit.Test;

/** A record's commit and fingerprint follow the candidate identity's rule: one word of at most 1,000 characters. */
public class DeployRecordIdentityTest {
    private static DeployRecord.Builder builder() {
        return DeployRecord.builder("staging", "app", 1)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Test
    public void aCommitOfFiveMillionCharactersIsRefusedNamingTheFieldAndTheAllowedLength() {
        String huge = "a".repeat(5_000_000);

        assertThatThrownBy(() -> builder().commit(huge))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("commit")
                .hasMessageContaining("1000")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
        assertThatThrownBy(() -> builder().artifactFingerprint("b".repeat(1001)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("artifactFingerprint");
        assertThatThrownBy(() -> builder().commit("abc def"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("commit");
    }

    @Test
    public void theLongestAcceptedIdentitiesAreTheCandidatesLongestOnes() {
        String longest = "c".repeat(DeployRecord.MAX_TEXT);

        DeployRecord record =
                builder().commit(longest).artifactFingerprint(longest).build();

        assertThat(record.getCommit()).contains(longest);
        assertThat(CandidateIdentity.problemWithToken("commit", longest)).isEmpty();
        assertThat(CandidateIdentity.problemWithToken("commit", longest + "c"))
                .isEqualTo(DeployRecord.problemWithIdentity("commit", longest + "c"));
        assertThat(builder().commit("  ").build().getCommit()).isEmpty();
    }
}
