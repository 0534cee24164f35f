package io.jenkins.plugins.deployoften.gate.promoted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.plugins.promoted_builds.PromotionBadge;
import io.jenkins.plugins.deployoften.config.GatePolicySettings;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.DeploySource;
import io.jenkins.plugins.deployoften.model.TrustedSources;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The Promoted Builds condition lets a build through only when the gate does not block it. */
public class DeployOftenGateConditionTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private FreeStyleProject job;
    private final DeployOftenGateCondition condition = new DeployOftenGateCondition();

    private org.mockito.MockedStatic<io.jenkins.plugins.deployoften.config.DeployOftenConfiguration> configuration;
    private io.jenkins.plugins.deployoften.config.DeployOftenConfiguration settings;

    @Before
    public void configure() {
        configuration =
                org.mockito.Mockito.mockStatic(io.jenkins.plugins.deployoften.config.DeployOftenConfiguration.class);
        configuration
                .when(io.jenkins.plugins.deployoften.config.DeployOftenConfiguration::ledgers)
                .thenReturn(io.jenkins.plugins.deployoften.ledger.Ledgers.inJobFolders());
        settings = mock(io.jenkins.plugins.deployoften.config.DeployOftenConfiguration.class);
        when(settings.getDefaultEnvironment()).thenReturn("staging");
        when(settings.getGatePolicy()).thenReturn(new GatePolicySettings());
        when(settings.policyInForce(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any()))
                .thenCallRealMethod();
        when(settings.getTrustedSourceSet()).thenReturn(TrustedSources.ALL);
        configuration
                .when(io.jenkins.plugins.deployoften.config.DeployOftenConfiguration::get)
                .thenReturn(settings);
        job = mock(FreeStyleProject.class);
        when(job.getFullName()).thenReturn("service");
        when(job.getRootDir()).thenReturn(temporary.getRoot());
        condition.setEnvironment("staging");
        condition.setPolicy(new GatePolicySettings());
    }

    @org.junit.After
    public void closeStaticMock() {
        configuration.close();
    }

    private FreeStyleBuild build(int number) {
        FreeStyleBuild build = mock(FreeStyleBuild.class);
        when(build.getParent()).thenReturn(job);
        when(build.getNumber()).thenReturn(number);
        return build;
    }

    private void deployed(int build, Instant started) throws Exception {
        new FileDeployLedger(temporary.getRoot().toPath())
                .append(DeployRecord.builder("staging", "service", build)
                        .outcome(DeployOutcome.SUCCESS)
                        .startedAt(started)
                        .duration(Duration.ofSeconds(30))
                        .build());
    }

    @Test
    public void withoutAnyStagingDeployTheBuildIsNotPromoted() {
        assertThat(condition.isMet(null, build(5))).isNull();
    }

    @Test
    public void aBuildThatReachedStagingRecentlyAndRepeatedlyIsPromoted() throws Exception {
        Instant now = Instant.now();
        deployed(4, now.minus(Duration.ofDays(3)));
        deployed(5, now.minus(Duration.ofHours(1)));

        PromotionBadge badge = condition.isMet(null, build(5));

        assertThat(badge).isInstanceOf(DeployOftenGateCondition.GatePassedBadge.class);
        assertThat(((DeployOftenGateCondition.GatePassedBadge) badge).getSummary())
                .contains("PASS");
    }

    @Test
    public void deploysOfSourcesTheAdministratorDoesNotTrustPromoteNothing() throws Exception {
        Instant now = Instant.now();
        deployed(4, now.minus(Duration.ofDays(3)));
        deployed(5, now.minus(Duration.ofHours(1)));
        when(settings.getTrustedSourceSet()).thenReturn(TrustedSources.of(Set.of(DeploySource.DEPLOY_TO_STAGING)));

        // the records were kept before sources were: unknown, which is not trusted now
        assertThat(condition.isMet(null, build(5))).isNull();
    }

    @Test
    public void aBuildThatNeverReachedStagingIsNotPromoted() throws Exception {
        Instant now = Instant.now();
        deployed(4, now.minus(Duration.ofDays(3)));
        deployed(5, now.minus(Duration.ofHours(1)));

        assertThat(condition.isMet(null, build(6))).isNull();
    }

    @Test
    public void warnModeOfTheFloorLetsTheBuildThroughWithTheWarning() {
        GatePolicySettings warn = new GatePolicySettings();
        warn.setMode(io.jenkins.plugins.deployoften.model.gate.GateMode.WARN);
        when(settings.getGatePolicy()).thenReturn(warn);
        condition.setPolicy(null);

        PromotionBadge badge = condition.isMet(null, build(6));

        assertThat(badge).isNotNull();
        assertThat(((DeployOftenGateCondition.GatePassedBadge) badge).getSummary())
                .contains("WARN");
    }

    @Test
    public void aPromotionsOwnWarnModeCannotLoosenTheFloor() {
        GatePolicySettings warn = new GatePolicySettings();
        warn.setMode(io.jenkins.plugins.deployoften.model.gate.GateMode.WARN);
        condition.setPolicy(warn);

        assertThat(condition.isMet(null, build(6))).isNull();
    }
}
