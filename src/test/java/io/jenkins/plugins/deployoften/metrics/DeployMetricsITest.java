package io.jenkins.plugins.deployoften.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Level;
import jenkins.metrics.api.Metrics;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;

/**
 * Issue 12, finding 6, with the Metrics plugin: {@code recordDeploy environment: "e${i}"} in a loop registers
 * metrics for a bounded number of environments, warns once in the controller log, and still records every deploy.
 */
public class DeployMetricsITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    @Rule
    public LoggerRule log =
            new LoggerRule().record(DeployMetrics.class, Level.WARNING).capture(50);

    private WorkflowJob loop(int deploys) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, "loop");
        job.setDefinition(new CpsFlowDefinition(
                "for (int i = 0; i < " + deploys + "; i++) { recordDeploy result: 'SUCCESS', environment: \"e${i}\" }",
                true));
        return job;
    }

    private static SortedSet<String> environmentsWithMetrics() {
        SortedSet<String> environments = new TreeSet<>();
        for (String name : Metrics.metricRegistry().getNames()) {
            if (name.startsWith("deployoften.deploys.") || name.startsWith("deployoften.deploy.duration.")) {
                environments.add(name.replaceFirst("^deployoften\\.deploys\\.", "")
                        .replaceFirst("^deployoften\\.deploy\\.duration\\.", "")
                        .replaceFirst("\\.success$", ""));
            }
        }
        return environments;
    }

    @Test
    public void inventedEnvironmentsGetMetricsUpToTheLimitAndEveryDeployIsRecorded() throws Exception {
        DeployOftenConfiguration.get().setMetricsEnvironmentLimit(3);
        WorkflowJob job = loop(12);

        jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        assertThat(environmentsWithMetrics()).containsExactly("e0", "e1", "e2");
        assertThat(DeployOftenConfiguration.ledgers().of(job).readAll().records())
                .hasSize(12);
        assertThat(log.getMessages())
                .filteredOn(message -> message.contains("no metrics for deploys"))
                .singleElement()
                .asString()
                .contains("'e3'", "first 3 environments");
    }

    @Test
    public void withAListOnlyTheListedEnvironmentsGetMetrics() throws Exception {
        DeployOftenConfiguration.get().setMetricsEnvironments("e4\ne7\nproduction");
        WorkflowJob job = loop(10);

        jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        assertThat(environmentsWithMetrics()).isEqualTo(new TreeSet<>(Set.of("e4", "e7")));
        assertThat(DeployOftenConfiguration.ledgers().of(job).readAll().records())
                .hasSize(10);
        assertThat(log.getMessages()).anyMatch(message -> message.contains("'e0'"));
    }
}
