package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.DeployStatistics;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateEvaluator;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ReleaseManagerRowsTest {
    private static final Instant NOW = Instant.parse("2026-06-04T12:00:00Z");
    private static final EnvironmentName STAGING = EnvironmentName.of("staging");
    private static final DeployStatistics EMPTY = DeployStatistics.compute(List.of(), STAGING, NOW, 12);

    private static ReleaseManagerRows.Row row(String name, boolean blocked) {
        DeployHealthView health = DeployHealthView.of(
                EMPTY,
                blocked
                        ? Optional.of(GateEvaluator.evaluate(
                                GatePolicy.defaults(),
                                new LedgerRead(List.of(), 0),
                                STAGING,
                                CandidateIdentity.none(),
                                NOW,
                                Optional.empty()))
                        : Optional.empty());
        return new ReleaseManagerRows.Row(name, "job/" + name + "/", health, "");
    }

    private final List<ReleaseManagerRows.Row> rows =
            List.of(row("team-a/web", false), row("team-b/api", true), row("team-a/db", true), row("solo", false));

    @Test
    public void blockedGatesComeFirstThenByName() {
        assertThat(ReleaseManagerRows.filter(rows, "", ""))
                .extracting(ReleaseManagerRows.Row::jobFullName)
                .containsExactly("team-a/db", "team-b/api", "solo", "team-a/web");
    }

    @Test
    public void filtersByFolderPrefixOnWholeFolderNames() {
        assertThat(ReleaseManagerRows.filter(rows, "team-a/", null))
                .extracting(ReleaseManagerRows.Row::jobFullName)
                .containsExactly("team-a/db", "team-a/web");
        assertThat(ReleaseManagerRows.filter(rows, "team", null)).isEmpty();
    }

    @Test
    public void filtersByGateStateInAnyCase() {
        assertThat(ReleaseManagerRows.filter(rows, null, "block"))
                .extracting(ReleaseManagerRows.Row::jobFullName)
                .containsExactly("team-a/db", "team-b/api");
        assertThat(ReleaseManagerRows.filter(rows, "team-a", "UNKNOWN"))
                .extracting(ReleaseManagerRows.Row::jobFullName)
                .containsExactly("team-a/web");
    }

    @Test
    public void anUnknownGateStateNamesTheAllowedValues() {
        assertThatThrownBy(() -> ReleaseManagerRows.filter(rows, "", "green"))
                .hasMessage("gate: 'green' is not a gate state; use one of PASS, WARN, BLOCK, UNKNOWN");
    }
}
