package io.jenkins.plugins.deployoften.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The Pipeline steps in a running Jenkins. */
public class PipelineDeployITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static List<DeployRecord> records(WorkflowJob job) throws Exception {
        return DeployOftenConfiguration.ledgers().of(job).readAll().records();
    }

    @Test
    public void aSucceedingBlockIsRecordedAsSuccess() throws Exception {
        WorkflowJob job = job("deployOften(environment: 'staging') { echo 'deploying now' }");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        jenkins.assertLogContains("deploying now", run);
        assertThat(records(job)).singleElement().satisfies(record -> {
            assertThat(record.getOutcome()).isEqualTo(DeployOutcome.SUCCESS);
            assertThat(record.getEnvironment().value()).isEqualTo("staging");
        });
    }

    @Test
    public void aFailingBlockIsRecordedAsFailureAndFailsTheBuild() throws Exception {
        WorkflowJob job = job("deployOften { error 'kubectl rollout failed' }");

        jenkins.buildAndAssertStatus(Result.FAILURE, job);

        assertThat(records(job)).singleElement().satisfies(record -> {
            assertThat(record.getOutcome()).isEqualTo(DeployOutcome.FAILURE);
            assertThat(record.getReason()).contains("kubectl rollout failed");
        });
    }

    @Test
    public void anInterruptedBlockIsRecordedAsAborted() throws Exception {
        WorkflowJob job = job("timeout(time: 2, unit: 'SECONDS') { deployOften { sleep 60 } }");

        jenkins.buildAndAssertStatus(Result.ABORTED, job);

        assertThat(records(job))
                .singleElement()
                .satisfies(record -> assertThat(record.getOutcome()).isEqualTo(DeployOutcome.ABORTED));
    }

    @Test
    public void theBlockStepWorksInDeclarativePipeline() throws Exception {
        WorkflowJob job = job("pipeline { agent none; stages { stage('Deploy') { steps {"
                + " deployOften(environment: 'qa') { echo 'declarative deploy' } } } } }");

        jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        assertThat(records(job))
                .singleElement()
                .satisfies(record -> assertThat(record.getEnvironment().value()).isEqualTo("qa"));
    }

    @Test
    public void deployToStagingRunsAsAPipelineStep() throws Exception {
        WorkflowJob job = job("node { deployToStaging command: 'echo pipeline deploy' }");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        jenkins.assertLogContains("deploy to staging SUCCESS", run);
        assertThat(records(job))
                .singleElement()
                .satisfies(record -> assertThat(record.getOutcome()).isEqualTo(DeployOutcome.SUCCESS));
    }

    @Test
    public void recordDeployKeepsAnExternalDeploy() throws Exception {
        WorkflowJob job = job("recordDeploy environment: 'staging', result: 'success', durationMillis: 4200,"
                + " message: 'Argo CD sync', commit: 'abc123'");

        jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        assertThat(records(job)).singleElement().satisfies(record -> {
            assertThat(record.getOutcome()).isEqualTo(DeployOutcome.SUCCESS);
            assertThat(record.getDuration().toMillis()).isEqualTo(4200);
            assertThat(record.getCommit()).contains("abc123");
            assertThat(record.getMessage()).contains("Argo CD sync");
        });
    }

    @Test
    public void recordDeployRejectsAnUnknownResultAndRecordsNothing() throws Exception {
        WorkflowJob job = job("recordDeploy result: 'GREEN'");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.FAILURE, job);

        jenkins.assertLogContains("use one of SUCCESS, FAILURE, ABORTED, SKIPPED", run);
        assertThat(records(job)).isEmpty();
    }

    @Test
    public void aBuildThatFailsBeforeDeployingIsRecordedAsSkipped() throws Exception {
        WorkflowJob job = job("deployOften { echo 'first build deploys' }");
        jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        job.setDefinition(new CpsFlowDefinition("error 'compilation failed'", true));

        jenkins.buildAndAssertStatus(Result.FAILURE, job);

        List<DeployRecord> records = records(job);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).getOutcome()).isEqualTo(DeployOutcome.SKIPPED);
        assertThat(records.get(1).getReason()).contains("build ended FAILURE before deploying");
    }
}
