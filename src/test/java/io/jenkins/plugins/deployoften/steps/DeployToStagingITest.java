package io.jenkins.plugins.deployoften.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.deploy.DeployCondition;
import io.jenkins.plugins.deployoften.model.deploy.FailureEffect;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle post-build step in a running Jenkins. */
public class DeployToStagingITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    @Test
    public void aFreestyleBuildDeploysWithARealShellCommandAndRecordsIt() throws Exception {
        FreeStyleProject project = jenkins.createFreeStyleProject();
        project.getPublishersList().add(new DeployToStagingRecorder("echo deploying build $DEPLOYOFTEN_BUILD_NUMBER"));

        FreeStyleBuild build = jenkins.buildAndAssertSuccess(project);

        jenkins.assertLogContains("DeployOften: deploying build #1 to staging", build);
        jenkins.assertLogContains("DeployOften: deploy to staging SUCCESS", build);
        List<DeployRecord> records =
                DeployOftenConfiguration.ledgers().of(project).readAll().records();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getOutcome()).isEqualTo(DeployOutcome.SUCCESS);
        assertThat(records.get(0).getBuildNumber()).isEqualTo(1);
        assertThat(records.get(0).getEnvironment().value()).isEqualTo("staging");
        assertThat(records.get(0).getTrigger()).isPresent();
        assertThat(build.getAction(DeployAction.class).isDeployed()).isTrue();
    }

    @Test
    public void aFailedDeployIsRecordedAndCanLeaveTheBuildResultAlone() throws Exception {
        FreeStyleProject project = jenkins.createFreeStyleProject();
        DeployToStagingRecorder recorder = new DeployToStagingRecorder("exit 3");
        recorder.setOnFailure(FailureEffect.LEAVE_RESULT);
        project.getPublishersList().add(recorder);

        FreeStyleBuild build = jenkins.buildAndAssertSuccess(project);

        DeployRecord record = DeployOftenConfiguration.ledgers()
                .of(project)
                .readAll()
                .records()
                .get(0);
        assertThat(record.getOutcome()).isEqualTo(DeployOutcome.FAILURE);
        assertThat(record.getReason()).contains("exit code 3");
        assertThat(build.getAction(DeployAction.class).isAllSucceeded()).isFalse();
    }

    @Test
    public void configurationSurvivesTheFormRoundTrip() throws Exception {
        FreeStyleProject project = jenkins.createFreeStyleProject();
        DeployToStagingRecorder recorder = new DeployToStagingRecorder("./deploy.sh");
        recorder.setEnvironment("qa-eu");
        recorder.setTimeoutMinutes(5);
        recorder.setRetries(2);
        recorder.setRetryDelaySeconds(10);
        recorder.setDeployWhen(DeployCondition.SUCCESSFUL_OR_UNSTABLE);
        recorder.setOnFailure(FailureEffect.MARK_UNSTABLE);
        recorder.setCommit("abc123");
        project.getPublishersList().add(recorder);

        jenkins.configRoundtrip(project);

        jenkins.assertEqualDataBoundBeans(recorder, project.getPublishersList().get(0));
    }

    @Test
    public void formValidationNamesTheFieldAndTheAllowedValues() {
        DeployToStagingRecorder.DescriptorImpl descriptor =
                ExtensionList.lookupSingleton(DeployToStagingRecorder.DescriptorImpl.class);

        assertThat(descriptor.doCheckTimeoutMinutes(null, 0).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckTimeoutMinutes(null, 0).getMessage()).contains("timeoutMinutes", "1 to 1440");
        assertThat(descriptor.doCheckRetries(null, 11).getMessage()).contains("retries", "0 to 10");
        assertThat(descriptor.doCheckCommand(null, " ").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckEnvironment(null, "pre prod").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckEnvironment(null, "").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(descriptor.doCheckTimeoutMinutes(null, 15).kind).isEqualTo(FormValidation.Kind.OK);
    }
}
