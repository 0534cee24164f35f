package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.Job;
import hudson.views.ListViewColumn;
import hudson.views.ListViewColumnDescriptor;
import io.jenkins.plugins.deployoften.Messages;
import io.jenkins.plugins.deployoften.model.view.DeployHealthTable;
import io.jenkins.plugins.deployoften.model.view.GateBadgeState;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * List view column "Deploy health": the frequency badge with a tooltip of frequency and last deploy; for a job that
 * has never deployed but gates releases, its release gate badge.
 */
public class DeployHealthColumn extends ListViewColumn {
    private static final Logger LOGGER = Logger.getLogger(DeployHealthColumn.class.getName());

    @DataBoundConstructor
    public DeployHealthColumn() {}

    /**
     * @param job the row's job
     * @return what its cell shows, or {@code null} when it does not use DeployOften (the cell stays empty)
     */
    public Cell cell(Job<?, ?> job) {
        if (!DeployDashboardActionFactory.hasDeployHistoryOrStep(job)) {
            return null;
        }
        try {
            DeployHealthTable.Job row = DeployHealthService.get().tableJobOf(job);
            HealthWords words = HealthWords.of(row.health());
            if (row.environments().isEmpty() && row.health().getGateState() != GateBadgeState.UNKNOWN) {
                // a job that only gates releases: a frequency of 0/week would read as a job that stopped deploying
                return new Cell(
                        DeployBadgeRootAction.badgePath(job, "gate"),
                        words.getGateState(),
                        Messages.DeployHealthColumn_gateOnly(words.getGateState()));
            }
            return new Cell(
                    DeployBadgeRootAction.badgePath(job, "frequency"), words.getFrequency(), words.getSummary());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot read the deploy ledger of " + job.getFullName(), e);
            return null;
        }
    }

    /**
     * One row's cell.
     *
     * @param badgePath the badge's path relative to the Jenkins root
     * @param text the badge's text, for its {@code alt}
     * @param tooltip the line shown on hover
     */
    public record Cell(String badgePath, String text, String tooltip) {}

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
