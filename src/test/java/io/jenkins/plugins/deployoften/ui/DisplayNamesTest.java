package io.jenkins.plugins.deployoften.ui;

import static io.jenkins.plugins.deployoften.DisplayNameAssertions.assertDisplayNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.FrequencyClass;
import io.jenkins.plugins.deployoften.model.view.GateBadgeState;
import org.junit.Test;

/** No page shows an enum's identifier: every frequency class, outcome and gate state has a display name. */
public class DisplayNamesTest {
    @Test
    public void everyConstantHasADisplayNameOfItsOwn() {
        assertDisplayNames(FrequencyClass.values(), DisplayNames::frequency);
        assertDisplayNames(DeployOutcome.values(), DisplayNames::outcome);
        assertDisplayNames(GateBadgeState.values(), DisplayNames::gateState);
    }

    @Test
    public void theNamesReadAsWords() {
        assertThat(DisplayNames.frequency(FrequencyClass.NO_DATA)).isEqualTo("no data");
        assertThat(DisplayNames.frequency(FrequencyClass.YEARLY)).isEqualTo("yearly");
        assertThat(DisplayNames.gateState(GateBadgeState.UNKNOWN)).isEqualTo("not evaluated");
        assertThat(DisplayNames.outcome(DeployOutcome.SUCCESS)).isEqualTo("succeeded");
    }
}
