package io.jenkins.plugins.deployoften.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.Result;
import hudson.util.FormValidation;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.ServiceMapping;
import io.jenkins.plugins.deployoften.gate.GateFiles;
import io.jenkins.plugins.deployoften.gate.ReleaseGateStep;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;

/**
 * Issue 12, finding 1, in a running Jenkins: a Pipeline may name a service only when the administrator's service
 * mappings allow its job, and then its deploy and gate steps stop before anything is deployed, recorded or read.
 */
public class ServiceMappingITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob job(MockFolder folder, String name, String script) throws Exception {
        WorkflowJob job = folder == null
                ? jenkins.createProject(WorkflowJob.class, name)
                : folder.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static List<DeployRecord> records(WorkflowJob job) throws Exception {
        return DeployOftenConfiguration.ledgers().of(job).readAll().records();
    }

    @Test
    public void anUnrelatedJobIsRefusedEveryStepWithAServiceBeforeItDeploysRecordsOrReads() throws Exception {
        MockFolder prod = jenkins.createFolder("prod");
        WorkflowJob payments = job(prod, "payments", "recordDeploy result: 'FAILURE'");
        jenkins.buildAndAssertStatus(Result.SUCCESS, payments);
        for (String step : List.of(
                "recordDeploy service: 'prod/payments', result: 'SUCCESS', commit: 'abc123'",
                "deployOften(service: 'prod/payments') { echo 'DEPLOYING-NOW' }",
                "deployToStaging service: 'prod/payments', command: 'echo DEPLOYING-NOW'",
                "releaseGate service: 'prod/payments'")) {
            WorkflowJob intruder = job(null, "intruder-" + Math.abs(step.hashCode()), "node { " + step + " }");

            WorkflowRun run = jenkins.buildAndAssertStatus(Result.FAILURE, intruder);

            jenkins.assertLogContains(
                    "service: 'prod/payments' is not allowed for " + intruder.getFullName() + "; it may use no service",
                    run);
            jenkins.assertLogNotContains("DEPLOYING-NOW", run);
            jenkins.assertLogNotContains("DeployOften release gate for", run);
            assertThat(records(intruder)).as(step).isEmpty();
            assertThat(Files.exists(GateFiles.auditLogOf(intruder).getFile())).isFalse();
        }
        assertThat(records(payments))
                .singleElement()
                .satisfies(record -> assertThat(record.getJobFullName()).isEqualTo("prod/payments"));
    }

    @Test
    public void aJobInAMappedFolderMayUseItsServicesAndOnlyThose() throws Exception {
        DeployOftenConfiguration.get().setServiceMappings(List.of(new ServiceMapping("prod", "prod/payments")));
        // the administrator's floor: a Jenkinsfile's policy may only tighten it
        io.jenkins.plugins.deployoften.config.GatePolicySettings warn =
                new io.jenkins.plugins.deployoften.config.GatePolicySettings();
        warn.setMode(io.jenkins.plugins.deployoften.model.gate.GateMode.WARN);
        DeployOftenConfiguration.get().setGatePolicy(warn);
        MockFolder prod = jenkins.createFolder("prod");
        WorkflowJob deploy = job(
                prod,
                "payments-deploy",
                "recordDeploy service: 'prod/payments', result: 'SUCCESS', commit: 'abc123'\n"
                        + "def decision = releaseGate(service: 'prod/payments')\n"
                        + "echo \"gate said ${decision.status}\"");
        WorkflowJob other = job(prod, "other", "recordDeploy service: 'prod/ledger', result: 'SUCCESS'");

        WorkflowRun run = deploy.scheduleBuild2(0).get();

        jenkins.assertLogContains("DeployOften release gate for staging", run);
        jenkins.assertLogContains("gate said", run);
        assertThat(records(deploy)).hasSize(1);
        jenkins.assertLogContains(
                "service: 'prod/ledger' is not allowed for prod/other; it may use prod/payments",
                jenkins.buildAndAssertStatus(Result.FAILURE, other));
    }

    @Test
    public void theServiceFieldIsCheckedAgainstTheMappings() throws Exception {
        DeployOftenConfiguration.get().setServiceMappings(List.of(new ServiceMapping("prod", "prod/payments")));
        MockFolder prod = jenkins.createFolder("prod");
        WorkflowJob mapped = job(prod, "app", "echo 'hi'");
        WorkflowJob unmapped = job(null, "sandbox", "echo 'hi'");
        RecordDeployStep.DescriptorImpl record = ExtensionList.lookupSingleton(RecordDeployStep.DescriptorImpl.class);
        ReleaseGateStep.DescriptorImpl gate = ExtensionList.lookupSingleton(ReleaseGateStep.DescriptorImpl.class);

        assertThat(record.doCheckService(mapped, "prod/payments").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(record.doCheckService(unmapped, "").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(gate.doCheckService(unmapped, "${SERVICE}").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation refused = gate.doCheckService(unmapped, "prod/payments");
        assertThat(refused.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(refused.getMessage()).contains("prod/payments", "sandbox", "may use no service");
    }

    @Test
    public void theSystemPageKeepsServiceMappingsAndMetricsSettingsThroughARoundTrip() throws Exception {
        DeployOftenConfiguration configuration = DeployOftenConfiguration.get();
        ServiceMapping shared = new ServiceMapping("prod", "prod/payments\nprod/ledger");
        shared.setSharedAcrossControllers(true);
        configuration.setServiceMappings(List.of(shared, new ServiceMapping("team-a/api", "team-a-api")));
        configuration.setMetricsEnvironments("staging\nproduction");
        configuration.setMetricsEnvironmentLimit(7);

        jenkins.configRoundtrip();

        assertThat(configuration.getServiceMappings())
                .extracting(
                        ServiceMapping::getJobs, ServiceMapping::getServices, ServiceMapping::isSharedAcrossControllers)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("prod", "prod/payments\nprod/ledger", true),
                        org.assertj.core.groups.Tuple.tuple("team-a/api", "team-a-api", false));
        assertThat(configuration.getMetricsEnvironmentList()).containsExactly("staging", "production");
        assertThat(configuration.getMetricsEnvironmentLimit()).isEqualTo(7);
    }
}
