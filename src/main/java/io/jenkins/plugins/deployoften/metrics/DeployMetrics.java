package io.jenkins.plugins.deployoften.metrics;

import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.metrics.DeployMetricNames;
import io.jenkins.plugins.deployoften.model.metrics.MetricEnvironments;
import io.jenkins.plugins.util.JenkinsFacade;
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

    private final JenkinsFacade jenkins;

    /** Feeds the Metrics plugin of the running Jenkins, if it is installed. */
    public DeployMetrics() {
        this(new JenkinsFacade());
    }

    /** @param jenkins the Jenkins whose Metrics plugin, if installed, is fed */
    public DeployMetrics(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    /** @param record a deploy record just kept */
    public void deployRecorded(DeployRecord record) {
        if (metricsInstalled()) {
            try {
                if (admitted(record.getEnvironment())) {
                    MetricRegistryRecorder.deploy(Metrics.metricRegistry(), names(), record);
                }
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(Level.FINE, "could not update deploy metrics", e);
            }
        }
    }

    /** @param decision a gate decision just made */
    public void gateDecided(GateDecision decision) {
        if (metricsInstalled()) {
            try {
                MetricRegistryRecorder.gate(Metrics.metricRegistry(), names(), decision);
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(Level.FINE, "could not update gate metrics", e);
            }
        }
    }

    /**
     * Only the environments the administrator lists, or the first ones seen, get metrics: a Jenkinsfile that
     * invents environment names must not register metrics without bound. The first refusal is logged, once.
     */
    static boolean admitted(EnvironmentName environment) {
        MetricEnvironments admission = DeployOftenConfiguration.get().metricEnvironments();
        MetricEnvironments.Admission admitted = admission.admit(environment);
        if (admitted == MetricEnvironments.Admission.FIRST_REFUSAL) {
            LOGGER.warning(() -> "DeployOften: no metrics for deploys to the environment '" + environment + "': "
                    + (admission.isListed()
                            ? "only the environments listed under 'Environments with deploy metrics' get them"
                            : "only the first " + admission.limit() + " environments deployed to get them ('Most"
                                    + " environments with deploy metrics')")
                    + ". Deploys are recorded as always. Further refusals are not logged until these settings"
                    + " change");
        }
        return admitted == MetricEnvironments.Admission.ADMITTED;
    }

    private boolean metricsInstalled() {
        return jenkins.isPluginInstalled("metrics");
    }

    private static DeployMetricNames names() {
        return new DeployMetricNames(DeployOftenConfiguration.get().getMetricsFolderList());
    }
}
