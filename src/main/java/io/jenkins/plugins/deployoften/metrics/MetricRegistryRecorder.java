package io.jenkins.plugins.deployoften.metrics;

import com.codahale.metrics.MetricRegistry;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.metrics.DeployMetricNames;
import java.util.concurrent.TimeUnit;

/** Writes DeployOften's figures to a metric registry; only loaded when the Metrics plugin is installed. */
final class MetricRegistryRecorder {
    private MetricRegistryRecorder() {}

    static void deploy(MetricRegistry registry, DeployMetricNames names, DeployRecord record) {
        for (String counter :
                names.deployCounters(record.getJobFullName(), record.getEnvironment(), record.getOutcome())) {
            registry.counter(counter).inc();
        }
        if (record.getOutcome().isCompleted()) {
            registry.timer(names.durationTimer(record.getEnvironment()))
                    .update(record.getDuration().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    static void gate(MetricRegistry registry, DeployMetricNames names, GateDecision decision) {
        registry.counter(names.gateCounter(decision.getStatus().name())).inc();
    }
}
