package io.jenkins.plugins.deployoften.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.Test;

public class TrustedSourcesTest {
    @Test
    public void blankAndEverySourceAreAll() {
        assertThat(TrustedSources.parse(null)).isSameAs(TrustedSources.ALL);
        assertThat(TrustedSources.parse("  ")).isSameAs(TrustedSources.ALL);
        assertThat(TrustedSources.of(EnumSet.allOf(DeploySource.class))).isSameAs(TrustedSources.ALL);
        assertThat(TrustedSources.ALL.isAll()).isTrue();
        assertThat(TrustedSources.ALL.toString()).isEqualTo("all");
        assertThat(TrustedSources.ALL.text()).isEmpty();
    }

    @Test
    public void idsSeparatedByCommasOrSpacesAreParsedInSourceOrder() {
        TrustedSources parsed = TrustedSources.parse("recordDeploy deployToStaging,,unknown");

        assertThat(parsed.sources())
                .containsExactly(DeploySource.DEPLOY_TO_STAGING, DeploySource.RECORD_DEPLOY, DeploySource.UNKNOWN);
        assertThat(parsed.isAll()).isFalse();
        assertThat(parsed.trusts(DeploySource.DEPLOY_OFTEN)).isFalse();
        assertThat(parsed.toString()).isEqualTo("deployToStaging, recordDeploy, unknown");
        assertThat(TrustedSources.parse(parsed.text())).isEqualTo(parsed);
    }

    @Test
    public void anUnknownIdOrNoneIsRefusedNamingTheFieldAndTheAllowedIds() {
        for (String bad : new String[] {"deploytostaging", "deployToStaging, import", ",", " , "}) {
            assertThat(TrustedSources.problemWith(bad)).as(bad).isPresent();
            assertThatThrownBy(() -> TrustedSources.parse(bad))
                    .as(bad)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("trustedSources: must be one of deployToStaging, deployOften, recordDeploy, noDeploy,"
                            + " unknown");
        }
        assertThatThrownBy(() -> TrustedSources.of(Set.of())).isInstanceOf(InvalidValueException.class);
    }
}
