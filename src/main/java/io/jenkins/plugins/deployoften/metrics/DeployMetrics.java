package io.jenkins.plugins.deployoften.metrics;

import io.jenkins.plugins.deployoften.JenkinsFacade;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.metrics.DeployMetricNames;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.metrics.api.Metrics;

/**
 * Feeds the Jenkins Metrics plugin, when it is installed, so its Prometheus and OpenTelemetry exporters show
 * deploys by environment and result, deploy durations and gate decisions. Without the plugin this does
 * nothing; nothing here may ever fail a build.
 */
public final class DeployMetrics {
    private static final Logger LOGGER = Logger.getLogger(DeployMetrics.class.getName());

    private DeployMetrics() {}

    /** @param record a deploy record just kept */
    public static void deployRecorded(DeployRecord record) {
        if (metricsInstalled()) {
            try {
                MetricRegistryRecorder.deploy(Metrics.metricRegistry(), names(), record);
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(Level.FINE, "could not update deploy metrics", e);
            }
        }
    }

    /** @param decision a gate decision just made */
    public static void gateDecided(GateDecision decision) {
        if (metricsInstalled()) {
            try {
                MetricRegistryRecorder.gate(Metrics.metricRegistry(), names(), decision);
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(Level.FINE, "could not update gate metrics", e);
            }
        }
    }

    private static boolean metricsInstalled() {
        return JenkinsFacade.get().isPluginInstalled("metrics");
    }

    private static DeployMetricNames names() {
        return new DeployMetricNames(DeployOftenConfiguration.get().getMetricsFolderList());
    }
}
