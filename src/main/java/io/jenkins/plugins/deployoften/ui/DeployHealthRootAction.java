package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.Job;
import hudson.model.RootAction;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.view.ReleaseManagerRows;
import io.jenkins.plugins.util.JenkinsFacade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The release managers' page "Deploy health" at {@code /deployoften/}: one row per job the user can read
 * that uses DeployOften, from cached ledger summaries, never from builds.
 */
@Extension
public class DeployHealthRootAction implements RootAction {
    private static final Logger LOGGER = Logger.getLogger(DeployHealthRootAction.class.getName());

    private final JenkinsFacade jenkins;

    public DeployHealthRootAction() {
        this(new JenkinsFacade());
    }

    /** @param jenkins the Jenkins whose jobs are listed, for tests */
    DeployHealthRootAction(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/deployoften/icons/deploy-success.svg";
    }

    @Override
    public String getDisplayName() {
        return Messages.DeployHealthRootAction_displayName();
    }

    @Override
    public String getUrlName() {
        return "deployoften";
    }

    /**
     * @param folder the folder filter, blank for all
     * @param gate the gate state filter, blank for all
     * @return the rows the current user may read
     */
    public List<ReleaseManagerRows.Row> rows(String folder, String gate) {
        List<Job> jobs = jenkins.getAllJobs();
        List<ReleaseManagerRows.Row> rows = new ArrayList<>();
        for (Job<?, ?> job : jobs) {
            if (!DeployDashboardActionFactory.hasDeployHistoryOrStep(job)) {
                continue;
            }
            try {
                DeployHealthService health = DeployHealthService.get();
                rows.add(new ReleaseManagerRows.Row(
                        job.getFullName(), job.getUrl(), health.healthOf(job), health.lastOverrideOf(job)));
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "cannot read the deploy ledger of " + job.getFullName(), e);
            }
        }
        try {
            return ReleaseManagerRows.filter(rows, folder, gate);
        } catch (IllegalArgumentException e) {
            return ReleaseManagerRows.filter(rows, folder, "");
        }
    }
}
