package io.jenkins.plugins.deployoften.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.LedgerRead;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateEvaluator;
import io.jenkins.plugins.deployoften.model.gate.GatePolicy;
import io.jenkins.plugins.deployoften.model.metrics.DeployMetricNames;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Against a real Dropwizard registry, the one the Metrics plugin exports. */
public class MetricRegistryRecorderTest {
    private static final Instant T0 = Instant.parse("2026-06-04T12:00:00Z");

    private final MetricRegistry registry = new MetricRegistry();
    private final DeployMetricNames names = new DeployMetricNames(List.of("payments"));

    private static DeployRecord record(String job, DeployOutcome outcome, long seconds) {
        return DeployRecord.builder("staging", job, 1)
                .outcome(outcome)
                .startedAt(T0)
                .duration(Duration.ofSeconds(seconds))
                .build();
    }

    @Test
    public void deploysCountByEnvironmentAndResultAndCompletedOnesAreTimed() {
        MetricRegistryRecorder.deploy(registry, names, record("web", DeployOutcome.SUCCESS, 40));
        MetricRegistryRecorder.deploy(registry, names, record("api", DeployOutcome.SUCCESS, 20));
        MetricRegistryRecorder.deploy(registry, names, record("api", DeployOutcome.FAILURE, 5));
        MetricRegistryRecorder.deploy(registry, names, record("api", DeployOutcome.SKIPPED, 0));

        assertThat(registry.counter("deployoften.deploys.staging.success").getCount())
                .isEqualTo(2);
        assertThat(registry.counter("deployoften.deploys.staging.failure").getCount())
                .isEqualTo(1);
        assertThat(registry.counter("deployoften.deploys.staging.skipped").getCount())
                .isEqualTo(1);
        assertThat(registry.timer("deployoften.deploy.duration.staging").getCount())
                .isEqualTo(3);
        assertThat(registry.getNames()).noneMatch(name -> name.contains("api") || name.contains("web"));
    }

    @Test
    public void optedInFoldersGetTheirOwnCounter() {
        MetricRegistryRecorder.deploy(registry, names, record("payments/api", DeployOutcome.SUCCESS, 10));

        assertThat(registry.counter("deployoften.folder.payments.deploys.staging.success")
                        .getCount())
                .isEqualTo(1);
    }

    @Test
    public void gateDecisionsCountByStatus() {
        MetricRegistryRecorder.gate(
                registry,
                names,
                GateEvaluator.evaluate(
                        GatePolicy.defaults(),
                        new LedgerRead(List.of(), 0),
                        EnvironmentName.of("staging"),
                        CandidateIdentity.none(),
                        T0,
                        Optional.empty()));

        assertThat(registry.counter("deployoften.gate.decisions.block").getCount())
                .isEqualTo(1);
    }
}
