package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.FreeStyleProject;
import hudson.model.Job;
import io.jenkins.plugins.deployoften.SystemJobLookup;
import io.jenkins.plugins.deployoften.config.DeployOftenConfiguration;
import io.jenkins.plugins.deployoften.ledger.Ledgers;
import io.jenkins.plugins.deployoften.model.DeployOutcome;
import io.jenkins.plugins.deployoften.model.DeployRecord;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.model.view.BadgeReply;
import io.jenkins.plugins.deployoften.model.view.EnglishBadgeTexts;
import io.jenkins.plugins.deployoften.security.DeployOftenPermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The badge permission matrix: the job is looked up as the system, and only the requester's "View badge"
 * permission (implied by Job/Read) lets the badge out; everyone else gets the same 404 as for a missing job.
 */
public class BadgeAccessTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    private final Map<String, Job<?, ?>> jobs = new java.util.HashMap<>();
    private final SystemJobLookup lookup = mock(SystemJobLookup.class);
    private org.mockito.MockedStatic<DeployOftenConfiguration> configuration;

    @Before
    public void installFacade() {
        when(lookup.findJob(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(call -> Optional.ofNullable(jobs.get(call.<String>getArgument(0))));
        configuration = org.mockito.Mockito.mockStatic(DeployOftenConfiguration.class);
        configuration.when(DeployOftenConfiguration::ledgers).thenReturn(Ledgers.inJobFolders());
    }

    @After
    public void restoreFacade() {
        configuration.close();
    }

    private void job(String name, boolean requesterMayViewBadge) throws Exception {
        java.io.File directory = temporary.newFolder(name);
        new FileDeployLedger(directory.toPath())
                .append(DeployRecord.builder("staging", name, 1)
                        .outcome(DeployOutcome.SUCCESS)
                        .startedAt(Instant.now())
                        .build());
        FreeStyleProject job = mock(FreeStyleProject.class);
        when(job.getFullName()).thenReturn(name);
        when(job.getRootDir()).thenReturn(directory);
        when(job.hasPermission(DeployOftenPermissions.VIEW_BADGE)).thenReturn(requesterMayViewBadge);
        jobs.put(name, job);
    }

    private BadgeReply request(String job) {
        return BadgeReply.to(
                "/frequency.svg",
                new DeployBadgeRootAction(lookup)::visibleHealth,
                job,
                null,
                EnglishBadgeTexts.ENGLISH);
    }

    @Test
    public void aRequesterWithViewBadgeGetsTheBadgeEvenWithoutJobRead() throws Exception {
        job("public-badge", true);

        BadgeReply reply = request("public-badge");

        assertThat(reply.getStatus()).isEqualTo(200);
        assertThat(reply.getBody()).contains("deploys");
    }

    @Test
    public void aRequesterWithoutViewBadgeGetsExactlyWhatAMissingJobGets() throws Exception {
        job("private", false);

        BadgeReply hidden = request("private");
        BadgeReply missing = request("does-not-exist");

        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(hidden.getBody()).isEqualTo(missing.getBody());
        assertThat(hidden.getEtag()).isEqualTo(missing.getEtag()).isEmpty();
    }

    @Test
    public void badgeLinksEncodeTheJobName() {
        FreeStyleProject job = mock(FreeStyleProject.class);
        when(job.getFullName()).thenReturn("team a/app&b#1");

        assertThat(DeployBadgeRootAction.badgePath(job, "gate"))
                .isEqualTo("deployoften-badge/gate.svg?job=team+a%2Fapp%26b%231");
    }
}
