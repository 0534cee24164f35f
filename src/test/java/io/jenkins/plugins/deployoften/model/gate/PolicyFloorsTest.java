package io.jenkins.plugins.deployoften.model.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.FieldProblem;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy.FreshRule;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

/** Which floor a job's gate stands on: the nearest folder's exception, else the global one. */
public class PolicyFloorsTest {
    private static final GatePolicy GLOBAL = GatePolicy.defaults();
    private static final GatePolicy TEAM =
            GLOBAL.toBuilder().fresh(new FreshRule(true, 30)).build();
    private static final GatePolicy PAYMENTS =
            GLOBAL.toBuilder().mode(GateMode.WARN).build();

    private final PolicyFloors floors = new PolicyFloors(GLOBAL, Map.of("team-a", TEAM, "team-a/payments", PAYMENTS));

    @Test
    public void theNearestFolderWins() {
        assertThat(floors.inForce("team-a/payments/api", Optional.empty()).rules())
                .isEqualTo(PAYMENTS);
        assertThat(floors.inForce("team-a/payments/api", Optional.empty()).floorSource())
                .isEqualTo("folder team-a/payments");
        assertThat(floors.inForce("team-a/shop", Optional.empty()).rules()).isEqualTo(TEAM);
    }

    @Test
    public void aFolderNameMatchesWholeNamesOnly() {
        PolicyInForce neighbour = floors.inForce("team-ab/app", Optional.empty());
        PolicyInForce jobNamedLikeTheFolder = floors.inForce("team-a", Optional.empty());

        assertThat(neighbour.rules()).isEqualTo(GLOBAL);
        assertThat(neighbour.floorSource()).isEqualTo(PolicyFloors.GLOBAL);
        assertThat(jobNamedLikeTheFolder.floorSource()).isEqualTo(PolicyFloors.GLOBAL);
    }

    @Test
    public void aJobInAnExceptionFolderMayStillOnlyTightenIt() {
        PolicyInForce inForce = floors.inForce(
                "team-a/shop",
                Optional.of(TEAM.toBuilder().fresh(new FreshRule(false, 30)).build()));

        assertThat(inForce.rules()).isEqualTo(TEAM);
        assertThat(inForce.notApplied()).containsExactly("fresh");
    }

    @Test
    public void folderNamesAreFullNames() {
        assertThat(PolicyFloors.problemWithFolder("folder", "team-a/payments")).isEmpty();
        assertThat(PolicyFloors.problemWithFolder("folder", "Team A/ünïcode")).isEmpty();
        for (String bad : new String[] {"", "  ", "/team-a", "team-a/", "team-a//x", "a/../b", ".", "a\nb", " a"}) {
            Optional<FieldProblem> problem = PolicyFloors.problemWithFolder("folder", bad);
            assertThat(problem).as(bad).isPresent();
            assertThat(problem.get().message())
                    .startsWith("folder: must be a folder's full name such as team-a or team-a/payments, was '");
        }
        assertThat(PolicyFloors.problemWithFolder("folder", "x".repeat(PolicyFloors.MAX_FOLDER_LENGTH + 1)))
                .isPresent();
    }
}
