package io.jenkins.plugins.deployoften.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.tasks.Fingerprinter;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.EnvironmentName;
import io.jenkins.plugins.deployoften.model.deploy.NotDeployed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.mockito.ArgumentCaptor;

/** The glue's own decisions, with Jenkins objects mocked. */
public class PromotionGlueTest {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    public void anExplicitCommitWinsOverGitCommit() {
        assertThat(RunFacts.commit(" abc ", Map.of("GIT_COMMIT", "def"))).contains("abc");
        assertThat(RunFacts.commit("", Map.of("GIT_COMMIT", "def"))).contains("def");
        assertThat(RunFacts.commit(null, Map.of())).isEmpty();
        assertThat(RunFacts.commit(" ", Map.of("GIT_COMMIT", " "))).isEmpty();
    }

    @Test
    public void aRecordForABuildCarriesJobNumberUrlTriggerAndArtifacts() {
        FreeStyleBuild run = mock(FreeStyleBuild.class);
        FreeStyleProject job = mock(FreeStyleProject.class);
        Cause byUser = mock(Cause.class);
        Cause byTimer = mock(Cause.class);
        Fingerprinter.FingerprintAction fingerprints = mock(Fingerprinter.FingerprintAction.class);
        when(run.getParent()).thenReturn(job);
        when(job.getFullName()).thenReturn("folder/app");
        when(run.getNumber()).thenReturn(42);
        when(run.getUrl()).thenReturn("job/folder/job/app/42/");
        when(byUser.getShortDescription()).thenReturn("Started by user Alice");
        when(byTimer.getShortDescription()).thenReturn("Started by timer");
        when(run.getCauses()).thenReturn(List.of(byUser, byTimer));
        when(run.getAction(Fingerprinter.FingerprintAction.class)).thenReturn(fingerprints);
        when(fingerprints.getRecords()).thenReturn(Map.of("app.war", "0cc175b9c0f1b6a831c399e269772661"));

        DeployRecord record = RunFacts.recordFor(
                        run, EnvironmentName.of("staging"), Optional.of("abc"), DeploySource.DEPLOY_TO_STAGING)
                .outcome(DeployOutcome.SUCCESS)
                .startedAt(T0)
                .build();

        assertThat(record.getJobFullName()).isEqualTo("folder/app");
        assertThat(record.getBuildNumber()).isEqualTo(42);
        assertThat(record.getBuildUrl()).contains("job/folder/job/app/42/");
        assertThat(record.getTrigger()).contains("Started by user Alice; Started by timer");
        assertThat(record.getArtifactFingerprint()).contains("0cc175b9c0f1b6a831c399e269772661");
        assertThat(record.getCommit()).contains("abc");
    }

    @Test
    public void aBuildWithoutFingerprintsHasNoArtifactIdentity() {
        FreeStyleBuild run = mock(FreeStyleBuild.class);
        assertThat(RunFacts.artifactIdentity(run)).isEmpty();
    }

    @Test
    public void theFirstRecordOfABuildAttachesTheAction() {
        FreeStyleBuild run = mock(FreeStyleBuild.class);
        ArgumentCaptor<Action> attached = ArgumentCaptor.forClass(Action.class);

        DeployAction.add(run, record(DeployOutcome.SUCCESS, Duration.ofSeconds(42), ""));

        verify(run).addAction(attached.capture());
        assertThat(attached.getValue())
                .isInstanceOfSatisfying(
                        DeployAction.class,
                        action -> assertThat(action.getEntries())
                                .extracting(DeployAction.Entry::getSummary)
                                .containsExactly("deployed to staging in 42 s"));
    }

    @Test
    public void theBuildActionSummarisesEachDeployAndShowsABadgeOnlyWhenOneRan() {
        FreeStyleBuild run = mock(FreeStyleBuild.class);
        DeployAction action = new DeployAction();
        when(run.getAction(DeployAction.class)).thenReturn(action);

        DeployAction.add(run, record(DeployOutcome.SKIPPED, Duration.ZERO, "build ended FAILURE before deploying"));
        assertThat(action.isDeployed()).isFalse();

        DeployAction.add(run, record(DeployOutcome.SUCCESS, Duration.ofSeconds(42), ""));
        DeployAction.add(run, record(DeployOutcome.FAILURE, Duration.ofSeconds(3), "exit code 1"));

        verify(run, never()).addAction(any());
        assertThat(action.isDeployed()).isTrue();
        assertThat(action.isAllSucceeded()).isFalse();
        assertThat(action.getEntries())
                .extracting(DeployAction.Entry::getSummary)
                .containsExactly(
                        "not deployed to staging: build ended FAILURE before deploying",
                        "deployed to staging in 42 s",
                        "deploy to staging failed after 3 s: exit code 1");
        assertThat(action.getBadgeTooltip())
                .isEqualTo("deployed to staging in 42 s; deploy to staging failed after 3 s: exit code 1");
    }

    @Test
    public void interruptionsAreAbortsAndOtherFailuresAreFailures() {
        assertThat(DeployOftenStep.RecordingCallback.outcomeOf(new InterruptedException()))
                .isEqualTo(DeployOutcome.ABORTED);
        assertThat(DeployOftenStep.RecordingCallback.outcomeOf(new IllegalStateException("boom")))
                .isEqualTo(DeployOutcome.FAILURE);
    }

    @Test
    public void aBuildThatNeverDeployedSaysWhy() {
        assertThat(DeployWords.reason(NotDeployed.neverDeployed("FAILURE")))
                .isEqualTo("build ended FAILURE before deploying");
        assertThat(DeployWords.reason(NotDeployed.neverDeployed("ABORTED")))
                .isEqualTo("build ended ABORTED before deploying");
        assertThat(DeployWords.reason(NotDeployed.neverDeployed("SUCCESS"))).contains("without deploying");
        assertThat(DeployWords.reason(NotDeployed.neverDeployed(null))).contains("without deploying");
    }

    private static DeployRecord record(DeployOutcome outcome, Duration duration, String reason) {
        return DeployRecord.builder("staging", "app", 1)
                .outcome(outcome)
                .startedAt(T0)
                .duration(duration)
                .reason(reason)
                .build();
    }

    @Test
    public void badStepConfigurationAbortsNamingTheFieldBeforeAnythingRuns() {
        DeployToStagingRecorder recorder = new DeployToStagingRecorder("./deploy.sh");
        recorder.setTimeoutMinutes(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.settings("staging"))
                .isInstanceOf(hudson.AbortException.class)
                .hasMessageContaining("timeoutMinutes: must be 1 to 1440, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeployToStagingRecorder(" ").settings("staging"))
                .hasMessageContaining("command:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeployToStagingRecorder("x").settings("a b"))
                .hasMessageContaining("environment:");
    }

    @Test
    public void aFailedBuildIsRecordedAsSkippedWithoutRunningTheCommand() throws Exception {
        java.io.File directory =
                java.nio.file.Files.createTempDirectory("deployoften-job").toFile();
        FreeStyleBuild run = mock(FreeStyleBuild.class);
        FreeStyleProject job = mock(FreeStyleProject.class);
        hudson.Launcher launcher = mock(hudson.Launcher.class);
        hudson.model.TaskListener listener = mock(hudson.model.TaskListener.class);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        when(listener.getLogger())
                .thenReturn(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        when(run.getParent()).thenReturn(job);
        when(job.getRootDir()).thenReturn(directory);
        when(job.getFullName()).thenReturn("app");
        when(run.getNumber()).thenReturn(3);
        // the mirror's Result has no behaviour: stand in for the real FAILURE, whose text is its name
        hudson.model.Result failure = mock(hudson.model.Result.class);
        when(failure.toString()).thenReturn("FAILURE");
        when(run.getResult()).thenReturn(failure);
        when(run.getCauses()).thenReturn(List.of());
        io.jenkins.plugins.deployoften.model.deploy.DeploySettings settings =
                new DeployToStagingRecorder("./deploy.sh").settings("staging");

        // a Jenkins without the Database and Metrics plugins
        try (org.mockito.MockedStatic<io.jenkins.plugins.deployoften.config.DeployOftenConfiguration> configuration =
                        org.mockito.Mockito.mockStatic(
                                io.jenkins.plugins.deployoften.config.DeployOftenConfiguration.class);
                org.mockito.MockedConstruction<io.jenkins.plugins.deployoften.metrics.DeployMetrics> noMetrics =
                        org.mockito.Mockito.mockConstruction(
                                io.jenkins.plugins.deployoften.metrics.DeployMetrics.class)) {
            configuration
                    .when(io.jenkins.plugins.deployoften.config.DeployOftenConfiguration::ledgers)
                    .thenReturn(io.jenkins.plugins.deployoften.ledger.Ledgers.inJobFolders());
            new StagingDeploy(settings, Optional.empty(), java.time.Clock.systemUTC(), "")
                    .perform(run, null, new hudson.EnvVars(), launcher, listener);
        }

        org.mockito.Mockito.verifyNoInteractions(launcher);
        List<DeployRecord> records = new io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger(
                        directory.toPath())
                .readAll()
                .records();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getOutcome()).isEqualTo(DeployOutcome.SKIPPED);
            assertThat(record.getReason()).contains("build ended FAILURE before deploying");
        });
        assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("not deploying to staging: build ended FAILURE before deploying");
    }

    @Test
    public void aStepSavedWithoutNewerFieldsGetsTheirDefaultsBack() throws Exception {
        DeployToStagingRecorder saved = new DeployToStagingRecorder("./deploy.sh");
        for (String field : new String[] {"environment", "commit", "service", "deployWhen", "onFailure"}) {
            java.lang.reflect.Field declared = DeployToStagingRecorder.class.getDeclaredField(field);
            declared.setAccessible(true);
            declared.set(saved, null);
        }
        java.lang.reflect.Field timeout = DeployToStagingRecorder.class.getDeclaredField("timeoutMinutes");
        timeout.setAccessible(true);
        timeout.setInt(saved, 0);

        DeployToStagingRecorder resolved = (DeployToStagingRecorder) saved.readResolve();

        assertThat(resolved.getTimeoutMinutes()).isEqualTo(15);
        assertThat(resolved.getDeployWhen())
                .isEqualTo(io.jenkins.plugins.deployoften.model.deploy.DeployCondition.SUCCESSFUL);
        assertThat(resolved.getOnFailure())
                .isEqualTo(io.jenkins.plugins.deployoften.model.deploy.FailureEffect.FAIL_BUILD);
        assertThat(resolved.getEnvironment()).isEmpty();
        assertThat(resolved.settings("staging").getTimeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    public void anAbortWithoutMessageGetsAReadableReason() {
        assertThat(DeployOftenStep.RecordingCallback.reasonOf(new InterruptedException()))
                .contains("interrupted");
        assertThat(DeployOftenStep.RecordingCallback.reasonOf(new IllegalStateException("kubectl failed")))
                .isEqualTo("kubectl failed");
        assertThat(DeployOftenStep.RecordingCallback.reasonOf(new IllegalStateException()))
                .isEqualTo("IllegalStateException");
    }
}
