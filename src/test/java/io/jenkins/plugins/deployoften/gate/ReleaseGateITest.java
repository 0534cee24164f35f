package io.jenkins.plugins.deployoften.gate;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.GatePolicySettings;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateAuditEntry;
import io.jenkins.plugins.deployoften.model.gate.GateMode;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.ui.DeployDashboardAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The release gate step in a running Jenkins. */
public class ReleaseGateITest {
    @Rule
    public JenkinsRule jenkins = new JenkinsRule();

    private WorkflowJob job(String script) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, "service");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    public void anEmptyLedgerBlocksWithTheReasonInTheLog() throws Exception {
        WorkflowJob job = job("releaseGate(environment: 'staging', commit: 'abc123')");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.FAILURE, job);

        jenkins.assertLogContains("no staging deploy recorded yet", run);
        jenkins.assertLogContains("BLOCK", run);
        List<GateAuditEntry> audit = GateFiles.auditLogOf(job).readRecent(5).entries();
        assertThat(audit).hasSize(1);
    }

    /** Found in a running Jenkins: the build failure message quoted a candidate's bidirectional controls. */
    @Test
    public void aCandidateWithBidirectionalControlsCannotReorderTheConsole() throws Exception {
        WorkflowJob job = job("releaseGate(environment: 'staging', commit: 'abc\\u202Efed')");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.FAILURE, job);

        jenkins.assertLogContains("candidate commit abcfed", run);
        jenkins.assertLogNotContains("\u202E", run);
        assertThat(GateFiles.auditLogOf(job)
                        .readRecent(1)
                        .entries()
                        .get(0)
                        .decision()
                        .getCandidate()
                        .getCommit())
                .contains("abc\u202Efed");
    }

    @Test
    public void aPractisedCandidatePassesAndTheScriptCanReadTheDecision() throws Exception {
        WorkflowJob job = job("recordDeploy result: 'SUCCESS', commit: 'abc123', durationMillis: 1000\n"
                + "recordDeploy result: 'SUCCESS', commit: 'abc123', durationMillis: 1000\n"
                + "def gate = releaseGate(environment: 'staging', commit: 'abc123')\n"
                + "echo \"gate said ${gate.status} with ${gate.failedRules.size()} failed rules\"");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        jenkins.assertLogContains("gate said PASS with 0 failed rules", run);
    }

    @Test
    public void warnModeOfTheAdministratorsPolicyMarksTheBuildUnstableInsteadOfFailingIt() throws Exception {
        GatePolicySettings warn = new GatePolicySettings();
        warn.setMode(GateMode.WARN);
        DeployOftenConfiguration.get().setGatePolicy(warn);
        WorkflowJob job = job("def gate = releaseGate(environment: 'staging')\n"
                + "echo \"gate said ${gate.status}: ${gate.summary}\"");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.UNSTABLE, job);

        jenkins.assertLogContains("gate said WARN", run);
    }

    /** Issue 12, finding 2: a Jenkinsfile switched every rule off and an empty history passed. */
    @Test
    public void aJenkinsfileCannotSwitchTheAdministratorsRulesOff() throws Exception {
        WorkflowJob job = job("releaseGate(environment: 'staging', commit: 'abc123', policy: gatePolicy(mode: 'WARN',"
                + " freshEnabled: false, frequentEnabled: false, candidatePractisedEnabled: false,"
                + " healthyEnabled: false, failureRateEnabled: false))");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.FAILURE, job);

        jenkins.assertLogContains("DeployOften release gate for staging: BLOCK", run);
        jenkins.assertLogContains(
                "not applied, looser than the floor: the job's mode, fresh, frequent, candidatePractised, healthy",
                run);
        GateAuditEntry audited =
                GateFiles.auditLogOf(job).readRecent(1).entries().get(0);
        assertThat(audited.policy().source()).isEqualTo("global floor, tightened by the job's policy");
        assertThat(audited.decision().getMode()).isEqualTo(GateMode.ENFORCE);
    }

    @Test
    public void anOverrideIsConsumedByTheNextEvaluationOnly() throws Exception {
        WorkflowJob job = job("releaseGate(environment: 'staging', commit: 'abc123')");
        Instant now = Instant.now();
        GateFiles.overridesOf(job)
                .grant(new GateOverride(
                        "alice",
                        "hotfix for INC-42",
                        now,
                        CandidateIdentity.none().withCommit("abc123"),
                        now.plus(Duration.ofHours(1))));

        WorkflowRun overridden = jenkins.buildAndAssertStatus(Result.SUCCESS, job);
        jenkins.assertLogContains("overridden by alice for commit abc123 (expires ", overridden);
        jenkins.buildAndAssertStatus(Result.FAILURE, job);

        GateAuditEntry newest =
                GateFiles.auditLogOf(job).readRecent(2).entries().get(1);
        assertThat(newest.decision().getOverride()).isPresent();
        assertThat(job.getAction(DeployDashboardAction.class)).isNotNull();
    }

    @Test
    public void anEnvironmentWithoutRecordsBlocksWithTheRulesVerdictAndNamesTheRecordedOnes() throws Exception {
        WorkflowJob job = job("recordDeploy result: 'SUCCESS'\nreleaseGate(environment: 'prod-eu')");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.FAILURE, job);

        jenkins.assertLogContains("DeployOften release gate for prod-eu: BLOCK", run);
        jenkins.assertLogContains("no prod-eu deploy recorded yet", run);
        jenkins.assertLogContains("deploys are recorded for staging", run);
        assertThat(GateFiles.auditLogOf(job).readRecent(5).entries()).hasSize(1);
    }

    @Test
    public void thePipelineStepExpandsBuildVariablesAsTheFreestyleStepDoes() throws Exception {
        WorkflowJob job = job("recordDeploy result: 'SUCCESS', commit: 'abc123', durationMillis: 1000\n"
                + "recordDeploy result: 'SUCCESS', commit: 'abc123', durationMillis: 1000\n"
                + "withEnv(['TARGET=staging', 'CANDIDATE=abc123']) {\n"
                + "  def gate = releaseGate(environment: '$TARGET', commit: '${CANDIDATE}')\n"
                + "  echo \"gate said ${gate.status} for ${gate.environment}\"\n"
                + "}");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.SUCCESS, job);

        jenkins.assertLogContains("candidate commit abc123", run);
        jenkins.assertLogContains("gate said PASS for staging", run);
    }

    @Test
    public void theSnippetGeneratorOffersThePipelineStepNotTheFreestyleStepOfTheSameName() throws Exception {
        job("echo 'no gate yet'");

        String page = jenkins.createWebClient()
                .goTo("job/service/pipeline-syntax/")
                .getWebResponse()
                .getContentAsString();

        assertThat(page).contains(ReleaseGateStep.class.getName()).doesNotContain(ReleaseGateBuilder.class.getName());
    }

    @Test
    public void theFreestyleStepRunsTheSameGateWithoutAWorkspace() throws Exception {
        WorkflowJob job = job("step([$class: 'ReleaseGateBuilder', environment: 'staging', commit: 'abc123'])");

        WorkflowRun run = jenkins.buildAndAssertStatus(Result.FAILURE, job);

        jenkins.assertLogContains(
                "DeployOften release gate for staging: BLOCK (mode ENFORCE, candidate commit abc123)", run);
        assertThat(GateFiles.auditLogOf(job).readRecent(5).entries()).hasSize(1);
    }

    @Test
    public void aCandidateBuildNumberNotGivenShowsAsAnEmptyFieldAndStaysNotGivenWhenSaved() throws Exception {
        FreeStyleProject none = jenkins.createFreeStyleProject();
        none.getBuildersList().add(new ReleaseGateBuilder());
        FreeStyleProject given = jenkins.createFreeStyleProject();
        ReleaseGateBuilder withBuild = new ReleaseGateBuilder();
        withBuild.setBuildNumber(42);
        given.getBuildersList().add(withBuild);

        assertThat(buildNumberField(none)).containsExactly("");
        assertThat(buildNumberField(given)).containsExactly("42");

        jenkins.configRoundtrip(none);
        jenkins.configRoundtrip(given);
        assertThat(none.getBuildersList().get(ReleaseGateBuilder.class).getBuildNumber())
                .isZero();
        assertThat(given.getBuildersList().get(ReleaseGateBuilder.class).getBuildNumber())
                .isEqualTo(42);
    }

    /** @return the value of each candidate build number field of the job's configuration page */
    private List<String> buildNumberField(FreeStyleProject project) throws Exception {
        HtmlPage page = jenkins.createWebClient().goTo("job/" + project.getFullName() + "/configure");
        return page.querySelectorAll("input[name='_.buildNumber']").stream()
                .map(node -> ((DomElement) node).getAttribute("value"))
                .toList();
    }
}
