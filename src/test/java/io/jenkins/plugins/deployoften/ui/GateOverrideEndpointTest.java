package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.model.FreeStyleProject;
import hudson.model.User;
import io.jenkins.plugins.deployoften.gate.GateFiles;
import io.jenkins.plugins.deployoften.model.gate.GateOverride;
import io.jenkins.plugins.deployoften.security.DeployOftenPermissions;
import java.io.File;
import java.util.Optional;
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

        assertThatThrownBy(() -> new DeployDashboardAction(job).doOverride("please"))
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

            assertThat(new DeployDashboardAction(job).doOverride("hotfix INC-42"))
                    .isSameAs(redirect);
        }

        Optional<GateOverride> pending = GateFiles.overridesOf(job).pending();
        assertThat(pending).isPresent();
        assertThat(pending.get().user()).isEqualTo("alice");
        assertThat(pending.get().reason()).isEqualTo("hotfix INC-42");
    }

    @Test
    public void anEmptyReasonIsABadRequestAndGrantsNothing() throws Exception {
        FreeStyleProject job = job(temporary.getRoot());
        HttpResponses.HttpResponseException badRequest = mock(HttpResponses.HttpResponseException.class);
        try (MockedStatic<User> users = mockStatic(User.class);
                MockedStatic<HttpResponses> responses = mockStatic(HttpResponses.class)) {
            users.when(User::current).thenReturn(null);
            responses
                    .when(() -> HttpResponses.errorWithoutStack(
                            org.mockito.ArgumentMatchers.eq(400), org.mockito.ArgumentMatchers.contains("reason")))
                    .thenReturn(badRequest);

            assertThat(new DeployDashboardAction(job).doOverride("   ")).isSameAs(badRequest);
        }

        assertThat(GateFiles.overridesOf(job).pending()).isEmpty();
    }
}
