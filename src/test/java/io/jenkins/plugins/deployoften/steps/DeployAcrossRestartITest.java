package io.jenkins.plugins.deployoften.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** A deploy block running when the controller restarts is resumed and recorded once, with its whole duration. */
public class DeployAcrossRestartITest {
    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void aDeployInProgressSurvivesAControllerRestart() throws Throwable {
        sessions.then(jenkins -> {
            WorkflowJob job = jenkins.createProject(WorkflowJob.class, "app");
            job.setDefinition(new CpsFlowDefinition(
                    "deployOften(environment: 'staging') { echo 'deploy started'; sleep 5; echo 'deploy finished' }",
                    true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            jenkins.waitForMessage("deploy started", run);
        });
        sessions.then(jenkins -> {
            WorkflowJob job = jenkins.jenkins.getItemByFullName("app", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);

            jenkins.assertBuildStatus(Result.SUCCESS, jenkins.waitForCompletion(run));
            jenkins.assertLogContains("deploy finished", run);
            List<DeployRecord> records =
                    DeployOftenConfiguration.ledgers().of(job).readAll().records();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getOutcome()).isEqualTo(DeployOutcome.SUCCESS);
            assertThat(records.get(0).getDuration()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        });
    }
}
