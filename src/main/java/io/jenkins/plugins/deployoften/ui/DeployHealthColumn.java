package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.Job;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.view.DeployHealthView;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** List view column "Deploy health": the frequency badge with a tooltip of frequency and last deploy. */
public class DeployHealthColumn extends ListViewColumn {
    private static final Logger LOGGER = Logger.getLogger(DeployHealthColumn.class.getName());

    @DataBoundConstructor
    public DeployHealthColumn() {}

    /**
     * @param job the row's job
     * @return its health, or {@code null} when it does not use DeployOften (the cell stays empty)
     */
    public DeployHealthView health(Job<?, ?> job) {
        if (!DeployDashboardActionFactory.hasDeployHistoryOrStep(job)) {
            return null;
        }
        try {
            return DeployHealthService.get().healthOf(job);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the deploy ledger of " + job.getFullName(), e);
            return null;
        }
    }

    /**
     * @param health a row's health, as {@link #health} gave it
     * @return its words: the frequency for the badge's text, the summary for its tooltip
     */
    public HealthWords words(DeployHealthView health) {
        return HealthWords.of(health);
    }

    /** @return the frequency badge's path relative to the Jenkins root */
    public String badgePath(Job<?, ?> job) {
        return DeployBadgeRootAction.badgePath(job, "frequency");
    }

    /** The column's descriptor; not added to new views by default. */
    @Extension
    @Symbol("deployHealth")
    public static final class DescriptorImpl extends ListViewColumnDescriptor {
        @Override
        public String getDisplayName() {
            return Messages.DeployHealthColumn_displayName();
        }

        @Override
        public boolean shownByDefault() {
            return false;
        }
    }
}
