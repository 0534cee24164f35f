package io.jenkins.plugins.deployoften.model.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** The {@code ?state=} values of the Deploy health page, the ones the widget links to. */
public class HealthStateFilterTest {
    @Test
    public void theWidgetsStatesAreParsedInAnyCaseAndBlankMeansAll() {
        assertThat(HealthStateFilter.parse(null)).contains(HealthStateFilter.ALL);
        assertThat(HealthStateFilter.parse(" ")).contains(HealthStateFilter.ALL);
        assertThat(HealthStateFilter.parse("all")).contains(HealthStateFilter.ALL);
        assertThat(HealthStateFilter.parse("stale")).contains(HealthStateFilter.STALE);
        assertThat(HealthStateFilter.parse("goingStale")).contains(HealthStateFilter.GOING_STALE);
        assertThat(HealthStateFilter.parse("GOINGSTALE")).contains(HealthStateFilter.GOING_STALE);
        assertThat(HealthStateFilter.parse(" blocked ")).contains(HealthStateFilter.BLOCKED);
    }

    @Test
    public void anUnknownStateIsNone() {
        assertThat(HealthStateFilter.parse("green")).isEmpty();
        assertThat(HealthStateFilter.parse("going_stale")).isEmpty();
        assertThat(HealthStateFilter.allowed()).isEqualTo("all, stale, goingStale, blocked");
    }

    @Test
    public void eachStateAdmitsTheJobsThatStandSo() {
        HealthStanding staleAndBlocked = new HealthStanding(true, false, true);
        HealthStanding goingStale = new HealthStanding(false, true, false);
        HealthStanding fine = new HealthStanding(false, false, false);

        assertThat(HealthStateFilter.ALL.admits(fine)).isTrue();
        assertThat(HealthStateFilter.STALE.admits(staleAndBlocked)).isTrue();
        assertThat(HealthStateFilter.STALE.admits(goingStale)).isFalse();
        assertThat(HealthStateFilter.GOING_STALE.admits(goingStale)).isTrue();
        assertThat(HealthStateFilter.GOING_STALE.admits(fine)).isFalse();
        assertThat(HealthStateFilter.BLOCKED.admits(staleAndBlocked)).isTrue();
        assertThat(HealthStateFilter.BLOCKED.admits(goingStale)).isFalse();
        assertThat(staleAndBlocked.rank()).isZero();
        assertThat(new HealthStanding(true, false, false).rank()).isEqualTo(1);
        assertThat(goingStale.rank()).isEqualTo(2);
        assertThat(fine.rank()).isEqualTo(2);
    }
}
