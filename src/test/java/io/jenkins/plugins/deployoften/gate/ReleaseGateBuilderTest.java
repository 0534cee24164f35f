package io.jenkins.plugins.deployoften.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.config.GatePolicySettings;
import io.jenkins.plugins.deployoften.ledger.LedgerStore;
import io.jenkins.plugins.deployoften.ledger.Ledgers;
import io.jenkins.plugins.deployoften.metrics.DeployMetrics;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.gate.GateDecision;
import io.jenkins.plugins.deployoften.model.gate.GateMode;
import io.jenkins.plugins.deployoften.model.gate.GateStatus;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.ledger.ServiceAccess;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mockito.MockedStatic;

/** The gate glue: decision table in the log, BLOCK aborts, WARN makes the build unstable, bad input writes nothing. */
public class ReleaseGateBuilderTest {
    /** A Jenkins without the Metrics plugin. */
    private final DeployMetrics metrics = new DeployMetrics(mock(JenkinsFacade.class));

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = mock(TaskListener.class);
    private final FreeStyleProject job = mock(FreeStyleProject.class);
    private final FreeStyleBuild run = mock(FreeStyleBuild.class);
    private MockedStatic<DeployOftenConfiguration> configurationLookup;
    private DeployOftenConfiguration configuration;

    @Before
    public void wireJenkinsObjects() {
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(job.getRootDir()).thenReturn(temporary.getRoot());
        when(job.getFullName()).thenReturn("service");
        when(run.getParent()).thenReturn(job);
        when(run.getNumber()).thenReturn(7);
        configuration = mock(DeployOftenConfiguration.class);
        when(configuration.getDefaultEnvironment()).thenReturn("staging");
        when(configuration.getGatePolicy()).thenReturn(new GatePolicySettings());
        when(configuration.policyInForce(anyString(), any())).thenCallRealMethod();
        when(configuration.getServiceAccess()).thenReturn(ServiceAccess.NONE);
        when(configuration.getTrustedSourceSet()).thenReturn(TrustedSources.ALL);
        configurationLookup = mockStatic(DeployOftenConfiguration.class);
        configurationLookup.when(DeployOftenConfiguration::get).thenReturn(configuration);
        configurationLookup
                .when(DeployOftenConfiguration::ledgers)
                .thenReturn(new Ledgers(LedgerStore.JOB_FOLDERS, "controller-a"));
    }

    @After
    public void closeStaticMock() {
        configurationLookup.close();
    }

    private static EnvVars noVariables() {
        return variables(Map.of());
    }

    /** Build variables that expand {@code $NAME} and {@code ${NAME}}, as a build's would. */
    private static EnvVars variables(Map<String, String> values) {
        EnvVars env = mock(EnvVars.class);
        when(env.expand(anyString())).thenAnswer(call -> {
            String text = call.getArgument(0);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue())
                        .replace("$" + value.getKey(), value.getValue());
            }
            return text;
        });
        return env;
    }

    private static ReleaseGateBuilder gate(String environment, String commit, GatePolicySettings policy) {
        ReleaseGateBuilder gate = new ReleaseGateBuilder();
        gate.setEnvironment(environment);
        gate.setCommit(commit);
        gate.setPolicy(policy);
        return gate;
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private void deployed(int build, Duration ago) throws Exception {
        new FileDeployLedger(temporary.getRoot().toPath())
                .append(DeployRecord.builder("staging", "service", build)
                        .outcome(DeployOutcome.SUCCESS)
                        .commit("c" + build)
                        .startedAt(Instant.now().minus(ago))
                        .build());
    }

    @Test
    public void anEmptyLedgerBlocksWithTheRulesInTheLogAndInTheAbortMessage() {
        assertThatThrownBy(() -> gate("", "c1", null).evaluate(run, noVariables(), listener, metrics))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("BLOCK")
                .hasMessageContaining("no staging deploy recorded yet");
        assertThat(log()).contains("DeployOften release gate for staging: BLOCK", "FRESH", "FREQUENT");
        verify(run, never()).setResult(Result.UNSTABLE);
    }

    @Test
    public void aPractisedCandidatePassesAndIsAudited() throws Exception {
        deployed(5, Duration.ofDays(3));
        deployed(6, Duration.ofHours(2));

        GateDecision decision = gate("staging", "c6", null).evaluate(run, noVariables(), listener, metrics);

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(GateFiles.auditLogOf(job).readRecent(5).entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.buildNumber()).isEqualTo(7));
    }

    @Test
    public void buildVariablesInTheValuesAreExpanded() throws Exception {
        deployed(5, Duration.ofDays(3));
        deployed(6, Duration.ofHours(2));
        EnvVars env = variables(Map.of("TARGET", "staging", "GIT_COMMIT", "c6"));

        GateDecision decision = gate("$TARGET", "${GIT_COMMIT}", null).evaluate(run, env, listener, metrics);

        assertThat(decision.getStatus()).isEqualTo(GateStatus.PASS);
        assertThat(decision.getCandidate().describe()).contains("c6");
    }

    @Test
    public void warnModeMarksTheBuildUnstableInsteadOfAborting() throws Exception {
        GatePolicySettings warn = new GatePolicySettings();
        warn.setMode(GateMode.WARN);
        when(configuration.getGatePolicy()).thenReturn(warn);

        GateDecision decision = gate("staging", "", null).evaluate(run, noVariables(), listener, metrics);

        assertThat(decision.getStatus()).isEqualTo(GateStatus.WARN);
        verify(run).setResult(Result.UNSTABLE);
    }

    @Test
    public void aJobPolicyThatSwitchesTheRulesOffStillBlocksAndTheLogAndAuditLineSaySo() throws Exception {
        GatePolicySettings everythingOff = new GatePolicySettings();
        everythingOff.setMode(GateMode.WARN);
        everythingOff.setFreshEnabled(false);
        everythingOff.setFrequentEnabled(false);
        everythingOff.setCandidatePractisedEnabled(false);
        everythingOff.setHealthyEnabled(false);

        assertThatThrownBy(() -> gate("staging", "c1", everythingOff).evaluate(run, noVariables(), listener, metrics))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("BLOCK");

        assertThat(log())
                .contains("policy: global floor, tightened by the job's policy GatePolicy[mode=ENFORCE")
                .contains("not applied, looser than the floor: the job's mode, fresh, frequent, candidatePractised,"
                        + " healthy");
        assertThat(GateFiles.auditLogOf(job)
                        .readRecent(1)
                        .entries()
                        .get(0)
                        .policy()
                        .notApplied())
                .containsExactly("mode", "fresh", "frequent", "candidatePractised", "healthy");
        verify(run, never()).setResult(Result.UNSTABLE);
    }

    @Test
    public void badInputNamesTheFieldAndWritesNothing() throws Exception {
        GatePolicySettings broken = new GatePolicySettings();
        broken.setFreshMaxDays(0);

        assertThatThrownBy(() -> gate("pre prod", "", null).evaluate(run, noVariables(), listener, metrics))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("environment");
        assertThatThrownBy(() -> gate("staging", "", broken).evaluate(run, noVariables(), listener, metrics))
                .hasMessageContaining("freshMaxDays: must be 1 to 3650, was 0");
        assertThat(GateFiles.auditLogOf(job).readRecent(5).entries()).isEmpty();
    }

    @Test
    public void aServiceNoMappingAllowsIsRefusedBeforeTheLedgerIsReadAndNothingIsAudited() throws Exception {
        deployed(5, Duration.ofHours(2));
        ReleaseGateBuilder gate = gate("staging", "", null);
        gate.setService("$TARGET");

        assertThatThrownBy(() -> gate.evaluate(run, variables(Map.of("TARGET", "prod/payments")), listener, metrics))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("releaseGate: service: 'prod/payments' is not allowed for service");
        assertThat(log()).doesNotContain("DeployOften release gate for");
        assertThat(GateFiles.auditLogOf(job).readRecent(5).entries()).isEmpty();
    }

    @Test
    public void anEnvironmentWithoutRecordsBlocksWithTheFreshnessVerdictInsteadOfAborting() throws Exception {
        assertThatThrownBy(() -> gate("prod", "", null).evaluate(run, noVariables(), listener, metrics))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("no prod deploy recorded yet");

        assertThat(log()).contains("DeployOften release gate for prod: BLOCK");
        assertThat(GateFiles.auditLogOf(job).readRecent(5).entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.decision().getStatus()).isEqualTo(GateStatus.BLOCK));
    }

    @Test
    public void thePipelineGetsTheDecisionAsPlainValues() throws Exception {
        deployed(6, Duration.ofHours(2));
        GatePolicySettings warn = new GatePolicySettings();
        warn.setMode(GateMode.WARN);
        when(configuration.getGatePolicy()).thenReturn(warn);

        Map<String, Object> result =
                ReleaseGateStep.toMap(gate("staging", "c6", null).evaluate(run, noVariables(), listener, metrics));

        assertThat(result).containsEntry("status", "WARN").containsEntry("environment", "staging");
        assertThat(result.get("failedRules")).isEqualTo(List.of("FREQUENT"));
        assertThat((List<?>) result.get("verdicts")).hasSizeGreaterThanOrEqualTo(4);
        assertThat((String) result.get("summary")).contains("FREQUENT");
    }
}
