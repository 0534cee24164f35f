package io.jenkins.plugins.deployoften.gate;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** Issue 12, finding 3, in a running Jenkins: a build cannot forge practice with its own recordDeploy. */
public class TrustedSourcesITest {
    /** The build reports its own candidate as deployed twice, then asks the gate. */
    private static final String FORGING = "recordDeploy result: 'SUCCESS', commit: 'abc123', durationMillis: 1000\n"
            + "recordDeploy result: 'SUCCESS', commit: 'abc123', durationMillis: 1000\n"
            + "releaseGate(environment: 'staging', commit: 'abc123')";

    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, "service");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static List<DeployRecord> records(WorkflowJob job) throws Exception {
        return DeployOftenConfiguration.ledgers().of(job).readAll().records();
    }

    private static GateAuditEntry lastAudit(WorkflowJob job) throws Exception {
        return GateFiles.auditLogOf(job).readRecent(1).entries().get(0);
    }

    @Test
    public void byDefaultEverySourceCountsAndTheAuditSaysWhichOneTheEvidenceCameFrom() throws Exception {
        WorkflowJob job = job(FORGING);

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        jenkins.assertLogContains("recorded by recordDeploy", run);
        assertThat(records(job)).extracting(DeployRecord::getSource).containsOnly(DeploySource.RECORD_DEPLOY);
        assertThat(lastAudit(job).decision().getTrustedSources()).isEqualTo(TrustedSources.ALL);
        String dashboard = jenkins.createWebClient()
                .goTo("job/service/deployoften/")
                .getWebResponse()
                .getContentAsString();
        assertThat(dashboard.substring(dashboard.indexOf("Recent deploys"))).contains(">recordDeploy</span>");
    }

    @Test
    public void trustingOnlyDeployToStagingABuildsOwnRecordDeployBlocksTheGate() throws Exception {
        DeployOftenConfiguration.get().setTrustedSources("deployToStaging");
        WorkflowJob job = job(FORGING);

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.FAILURE, job);

        jenkins.assertLogContains("BLOCK", run);
        jenkins.assertLogContains(
                "never deployed successfully to staging (counting only records of deployToStaging)", run);
        assertThat(lastAudit(job).decision().getTrustedSources())
                .isEqualTo(TrustedSources.of(Set.of(DeploySource.DEPLOY_TO_STAGING)));
    }

    @Test
    public void trustingOnlyDeployToStagingADeployItRanStillPractisesTheCandidate() throws Exception {
        DeployOftenConfiguration.get().setTrustedSources("deployToStaging");
        WorkflowJob job = job("node {\n"
                + "  deployToStaging command: 'echo deploy', commit: 'abc123'\n"
                + "  deployToStaging command: 'echo deploy', commit: 'abc123'\n"
                + "}\n"
                + "releaseGate(environment: 'staging', commit: 'abc123')");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        jenkins.assertLogContains("recorded by deployToStaging (counting only records of deployToStaging)", run);
        assertThat(records(job)).extracting(DeployRecord::getSource).containsOnly(DeploySource.DEPLOY_TO_STAGING);
    }
}
