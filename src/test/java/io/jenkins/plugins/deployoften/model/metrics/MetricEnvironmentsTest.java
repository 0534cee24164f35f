package io.jenkins.plugins.deployoften.model.metrics;

import static io.jenkins.plugins.deployoften.model.metrics.MetricEnvironments.Admission.ADMITTED;
import static io.jenkins.plugins.deployoften.model.metrics.MetricEnvironments.Admission.FIRST_REFUSAL;
import static io.jenkins.plugins.deployoften.model.metrics.MetricEnvironments.Admission.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.deployoften.model.EnvironmentName;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Issue 12, finding 6: environment names invented in a loop do not register metrics without bound. */
public class MetricEnvironmentsTest {
    @Test
    public void withoutAListTheFirstLimitEnvironmentsSeenGetMetricsAndTheFirstRefusalIsSaidOnce() {
        MetricEnvironments environments = new MetricEnvironments(List.of(), 20);
        List<MetricEnvironments.Admission> admissions = new ArrayList<>();

        for (int i = 0; i < 1000; i++) {
            admissions.add(environments.admit(EnvironmentName.of("e" + i)));
        }

        assertThat(admissions.subList(0, 20)).containsOnly(ADMITTED);
        assertThat(admissions.get(20)).isEqualTo(FIRST_REFUSAL);
        assertThat(admissions.subList(21, 1000)).containsOnly(REFUSED);
        // an environment admitted before keeps its metrics
        assertThat(environments.admit(EnvironmentName.of("e7"))).isEqualTo(ADMITTED);
    }

    @Test
    public void withAListOnlyTheListedEnvironmentsGetMetrics() {
        MetricEnvironments environments = new MetricEnvironments(List.of("staging", "production"), 20);

        assertThat(environments.admit(EnvironmentName.of("staging"))).isEqualTo(ADMITTED);
        assertThat(environments.admit(EnvironmentName.of("e1"))).isEqualTo(FIRST_REFUSAL);
        assertThat(environments.admit(EnvironmentName.of("production"))).isEqualTo(ADMITTED);
        assertThat(environments.admit(EnvironmentName.of("e2"))).isEqualTo(REFUSED);
    }

    @Test
    public void newSettingsKeepTheEnvironmentsAdmittedWithinTheNewLimitAndWarnAgain() {
        MetricEnvironments before = new MetricEnvironments(List.of(), 2);
        before.admit(EnvironmentName.of("staging"));
        before.admit(EnvironmentName.of("qa"));
        before.admit(EnvironmentName.of("e1"));

        MetricEnvironments after = before.withSettings(List.of(), 3);

        assertThat(after.hasSettings(List.of(), 3)).isTrue();
        assertThat(after.admit(EnvironmentName.of("e2"))).isEqualTo(ADMITTED);
        assertThat(after.admit(EnvironmentName.of("qa"))).isEqualTo(ADMITTED);
        assertThat(after.admit(EnvironmentName.of("e3"))).isEqualTo(FIRST_REFUSAL);
    }

    @Test
    public void badSettingsAreRefusedNamingTheField() {
        assertThat(MetricEnvironments.problemWithLimit(0).orElseThrow().message())
                .isEqualTo("metricsEnvironmentLimit: must be 1 to 1000, was 0");
        assertThat(MetricEnvironments.problemWithLimit(1001)).isPresent();
        assertThat(MetricEnvironments.problemWithLimit(20)).isEmpty();
        assertThat(MetricEnvironments.problemWithListed("staging\n\nnot a name!\n")
                        .orElseThrow()
                        .field())
                .isEqualTo("metricsEnvironments");
        assertThat(MetricEnvironments.problemWithListed(" staging \nproduction"))
                .isEmpty();
        assertThatThrownBy(() -> new MetricEnvironments(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
