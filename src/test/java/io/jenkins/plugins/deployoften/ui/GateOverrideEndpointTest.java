package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.model.FreeStyleProject;
import hudson.model.User;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.gate.GateFiles;
import io.jenkins.plugins.deployoften.model.gate.CandidateIdentity;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.security.DeployOftenPermissions;
import java.io.File;
import java.time.Duration;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.mockito.MockedStatic;
import org.springframework.security.access.AccessDeniedException;

/** The override endpoint: permission checked on the server, reason required, granted once. */
public class GateOverrideEndpointTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private MockedStatic<DeployOftenConfiguration> configuration;

    /** The administrator's default expiry, 24 hours, without a Jenkins to look the configuration up in. */
    @Before
    public void defaultExpiry() {
        DeployOftenConfiguration defaults = mock(DeployOftenConfiguration.class);
        when(defaults.getOverrideExpiryHours()).thenReturn(24);
        configuration = mockStatic(DeployOftenConfiguration.class);
        configuration.when(DeployOftenConfiguration::get).thenReturn(defaults);
    }

    @After
    public void closeMocks() {
        configuration.close();
    }

    private FreeStyleProject job(File directory) {
        FreeStyleProject job = mock(FreeStyleProject.class);
        when(job.getRootDir()).thenReturn(directory);
        when(job.getFullName()).thenReturn("service");
        return job;
    }

    @Test
    public void aUserWithoutThePermissionIsRefusedAndNothingIsGranted() throws Exception {
        FreeStyleProject job = job(temporary.getRoot());
        doThrow(new AccessDeniedException("no OverrideGate"))
                .when(job)
                .checkPermission(DeployOftenPermissions.OVERRIDE_GATE);

        assertThatThrownBy(() -> new DeployDashboardAction(job).doOverride("please", "BUILD", "42", ""))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(GateFiles.overridesOf(job).pending()).isEmpty();
    }

    @Test
    public void aPermittedUserGrantsAnOverrideThatNamesThemAndTheirReason() throws Exception {
        FreeStyleProject job = job(temporary.getRoot());
        User alice = mock(User.class);
        when(alice.getId()).thenReturn("alice");
        HttpResponse redirect = mock(HttpResponse.class);
        try (MockedStatic<User> users = mockStatic(User.class);
                MockedStatic<HttpResponses> responses = mockStatic(HttpResponses.class)) {
            users.when(User::current).thenReturn(alice);
            responses.when(HttpResponses::redirectToDot).thenReturn(redirect);

            assertThat(new DeployDashboardAction(job).doOverride("hotfix INC-42", "COMMIT", " aaaa1111 ", "2"))
                    .isSameAs(redirect);
        }

        Optional<GateOverride> pending = GateFiles.overridesOf(job).pending();
        assertThat(pending).isPresent();
        assertThat(pending.get().user()).isEqualTo("alice");
        assertThat(pending.get().reason()).isEqualTo("hotfix INC-42");
        assertThat(pending.get().candidate()).isEqualTo(CandidateIdentity.none().withCommit("aaaa1111"));
        assertThat(Duration.between(pending.get().grantedAt(), pending.get().expiresAt()))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    public void aBadFieldIsABadRequestNamingTheFieldAndGrantsNothing() throws Exception {
        FreeStyleProject job = job(temporary.getRoot());
        String[][] bad = {
            {"reason", "   ", "BUILD", "42", ""},
            {"bindTo", "hotfix", "branch", "42", ""},
            {"candidate", "hotfix", "BUILD", "forty-two", ""},
            {"candidate", "hotfix", "COMMIT", "", ""},
            {"expiresInHours", "hotfix", "BUILD", "42", "25"},
        };
        for (String[] form : bad) {
            HttpResponses.HttpResponseException badRequest = mock(HttpResponses.HttpResponseException.class);
            try (MockedStatic<User> users = mockStatic(User.class);
                    MockedStatic<HttpResponses> responses = mockStatic(HttpResponses.class)) {
                users.when(User::current).thenReturn(null);
                responses
                        .when(() -> HttpResponses.errorWithoutStack(
                                org.mockito.ArgumentMatchers.eq(400),
                                org.mockito.ArgumentMatchers.startsWith(form[0] + ": ")))
                        .thenReturn(badRequest);

                assertThat(new DeployDashboardAction(job).doOverride(form[1], form[2], form[3], form[4]))
                        .as(form[0])
                        .isSameAs(badRequest);
            }
        }

        assertThat(GateFiles.overridesOf(job).pending()).isEmpty();
    }
}
