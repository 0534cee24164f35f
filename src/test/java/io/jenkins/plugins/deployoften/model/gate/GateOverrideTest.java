package io.jenkins.plugins.deployoften.model.gate;

import static io.jenkins.plugins.deployoften.model.gate.GateFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class GateOverrideTest {
    @Test
    public void anEmptyReasonIsRefusedNamingTheField() {
        for (String reason : new String[] {null, "", "   ", "\n\t", "\u0001"}) {
            assertThatThrownBy(() -> new GateOverride("alice", reason, NOW))
                    .as("reason %s", reason)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("reason: must not be empty");
        }
    }

    @Test
    public void anEmptyUserOrTimeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new GateOverride(" ", "why", NOW)).hasMessageStartingWith("user: must not be empty");
        assertThatThrownBy(() -> new GateOverride("alice", "why", null)).hasMessage("grantedAt: must be set");
    }

    @Test
    public void theReasonIsKeptOnOneLineAndCut() {
        GateOverride multiLine = new GateOverride("alice", " first line\nsecond\tline ", NOW);
        GateOverride longOne = new GateOverride("alice", "x".repeat(600), NOW);

        assertThat(multiLine.reason()).isEqualTo("first line second line");
        assertThat(longOne.reason()).hasSize(GateOverride.MAX_TEXT).endsWith("x…");
        assertThat(multiLine.toString()).isEqualTo("overridden by alice: first line second line");
    }
}
