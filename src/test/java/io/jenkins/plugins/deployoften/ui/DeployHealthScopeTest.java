package io.jenkins.plugins.deployoften.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import hudson.model.Job;
import hudson.model.TopLevelItem;
import hudson.model.View;
import io.jenkins.plugins.deployoften.JenkinsFacade;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Which jobs of a view the widget and the Deploy health portlet count: those the user may read (Item/Read) that
 * deploy. The figures are computed from these jobs only, so a job left out here changes no number or row.
 */
public class DeployHealthScopeTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final JenkinsFacade jenkins = mock(JenkinsFacade.class);
    private Job<?, ?> visible;
    private Job<?, ?> hidden;

    private Job<?, ?> job(String name, boolean deploys, boolean readable) throws IOException {
        File directory = folder.newFolder(name);
        if (deploys) {
            Files.createFile(directory.toPath().resolve(FileDeployLedger.FILE_NAME));
        }
        Job<?, ?> job = mock(Job.class, withSettings().extraInterfaces(TopLevelItem.class));
        when(job.getFullName()).thenReturn(name);
        when(job.getRootDir()).thenReturn(directory);
        when(jenkins.hasPermission(any(), same(job))).thenReturn(readable);
        return job;
    }

    /** @return the scope of a view of a deploying job, a hidden one (as readable as told) and one without deploys */
    private DeployHealthScope scope(boolean hiddenReadable) throws IOException {
        visible = job("visible-service", true, true);
        hidden = job("hidden-service", true, hiddenReadable);
        Job<?, ?> plain = job("plain", false, true);
        View view = mock(View.class);
        when(view.getItems()).thenReturn(List.of((TopLevelItem) visible, (TopLevelItem) hidden, (TopLevelItem) plain));
        return DeployHealthScope.ofView(view, jenkins);
    }

    @Test
    public void aViewCoversOnlyTheDeployingJobsTheUserMayRead() throws IOException {
        DeployHealthScope scope = scope(false);

        assertThat(scope.jobs()).containsExactly(visible);
        assertThat(scope.problems()).isEmpty();
    }

    @Test
    public void whoeverMayReadEveryJobHasEveryDeployingJob() throws IOException {
        // control for the test above: the hidden job is left out for want of Item/Read, not for another reason
        assertThat(scope(true).jobs()).containsExactly(visible, hidden);
    }
}
