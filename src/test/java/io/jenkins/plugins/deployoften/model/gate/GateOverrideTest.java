package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.Test;

public class GateOverrideTest {
    private static final CandidateIdentity BUILD_42 = CandidateIdentity.ofBuild(42);
    private static final Instant TOMORROW = NOW.plusSeconds(24 * 3600);

    private static GateOverride override(String user, String reason, Instant grantedAt) {
        return new GateOverride(user, reason, grantedAt, BUILD_42, TOMORROW);
    }

    @Test
    public void anEmptyReasonIsRefusedNamingTheField() {
        for (String reason : new String[] {null, "", "   ", "\n\t", "\u0001"}) {
            assertThatThrownBy(() -> override("alice", reason, NOW))
                    .as("reason %s", reason)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("reason: must not be empty");
        }
    }

    @Test
    public void anEmptyUserOrTimeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> override(" ", "why", NOW)).hasMessageStartingWith("user: must not be empty");
        assertThatThrownBy(() -> override("alice", "why", null)).hasMessage("grantedAt: must be set");
        assertThatThrownBy(() -> new GateOverride("alice", "why", NOW, null, TOMORROW))
                .hasMessage("candidate: must be set");
        assertThatThrownBy(() -> new GateOverride("alice", "why", NOW, BUILD_42, null))
                .hasMessage("expiresAt: must be set");
    }

    @Test
    public void theBindingIsOneIdentityAndTheExpiryNotBeforeTheGrant() {
        assertThatThrownBy(() -> new GateOverride("alice", "why", NOW, BUILD_42.withCommit("aaaa1111"), TOMORROW))
                .hasMessage("candidate: must name one build number, commit or artifact fingerprint, was build #42,"
                        + " commit aaaa1111");
        assertThatThrownBy(() -> new GateOverride("alice", "why", NOW, BUILD_42, NOW.minusMillis(1)))
                .hasMessage("expiresAt: must not be before grantedAt 2026-03-02T12:00:00Z, was"
                        + " 2026-03-02T11:59:59.999Z");
    }

    @Test
    public void itAppliesOnlyToItsCandidateBeforeItExpires() {
        GateOverride override = override("alice", "hotfix", NOW);

        assertThat(override.appliesTo(BUILD_42.withCommit("bbbb2222"), NOW)).isTrue();
        assertThat(override.appliesTo(BUILD_42, TOMORROW.minusMillis(1))).isTrue();
        assertThat(override.appliesTo(BUILD_42, TOMORROW)).isFalse();
        assertThat(override.appliesTo(CandidateIdentity.ofBuild(43).withCommit("aaaa1111"), NOW))
                .isFalse();
        assertThat(override.appliesTo(CandidateIdentity.none(), NOW)).isFalse();
        assertThat(override.isExpiredAt(TOMORROW)).isTrue();
    }

    @Test
    public void anUnboundOverrideIsExpiredWhenGrantedAndAppliesToNothing() {
        GateOverride unbound = GateOverride.unbound("alice", "hotfix", NOW);

        assertThat(unbound.isBound()).isFalse();
        assertThat(unbound.isExpiredAt(NOW)).isTrue();
        assertThat(unbound.appliesTo(BUILD_42, NOW.minusSeconds(1))).isFalse();
        assertThat(unbound.appliesTo(CandidateIdentity.none(), NOW.minusSeconds(1)))
                .isFalse();
        assertThat(unbound.toString()).isEqualTo("overridden by alice: hotfix");
    }

    @Test
    public void theReasonIsKeptOnOneLineAndCut() {
        GateOverride multiLine = override("alice", " first line\nsecond\tline ", NOW);
        GateOverride longOne = override("alice", "x".repeat(600), NOW);

        assertThat(multiLine.reason()).isEqualTo("first line second line");
        assertThat(longOne.reason()).hasSize(GateOverride.MAX_TEXT).endsWith("x…");
        assertThat(multiLine.toString())
                .isEqualTo("overridden by alice for build #42 (expires 2026-03-03T12:00:00Z): first line second line");
    }
}
