package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Project;
import io.jenkins.plugins.deployoften.model.gate.GateAuditLog;
import io.jenkins.plugins.deployoften.model.ledger.FileDeployLedger;
import io.jenkins.plugins.deployoften.steps.DeployToStagingRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Adds the deploy dashboard to every job that has deploy records, gate decisions or a "deploy to staging"
 * step.
 */
@Extension
public class DeployDashboardActionFactory extends JobActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    Collection<? extends Action> actionsFor(Job<?, ?> job) {
        return hasDeployHistoryOrStep(job) ? List.of(new DeployDashboardAction(job)) : List.of();
    }

    /** @return whether the job has deploy records, gate decisions or a Deploy to staging step */
    static boolean hasDeployHistoryOrStep(Job<?, ?> job) {
        Path directory = job.getRootDir().toPath();
        if (Files.exists(directory.resolve(FileDeployLedger.FILE_NAME))
                || Files.exists(directory.resolve(GateAuditLog.FILE_NAME))) {
            return true;
        }
        return job instanceof Project
                && ((Project<?, ?>) job).getPublishersList().get(DeployToStagingRecorder.class) != null;
    }
}
