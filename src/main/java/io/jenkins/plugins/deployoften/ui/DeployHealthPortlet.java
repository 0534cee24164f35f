package io.jenkins.plugins.deployoften.ui;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.plugins.view.dashboard.Dashboard;
import hudson.plugins.view.dashboard.DashboardPortlet;
import io.jenkins.plugins.deployoften.Messages;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The "Deploy health" portlet of a Dashboard View (an optional plugin: without it this class is never loaded, and
 * no other class refers to it): the {@link DeployHealthWidget} of the dashboard, the same figures of the same jobs
 * (those of the dashboard the user may read), and optionally a table of the environments they deploy to.
 */
public final class DeployHealthPortlet extends DashboardPortlet {
    private boolean showEnvironments;

    /** @param name the portlet's title */
    @DataBoundConstructor
    public DeployHealthPortlet(String name) {
        super(name);
    }

    /** @return whether the portlet adds the table of environments */
    public boolean isShowEnvironments() {
        return showEnvironments;
    }

    /** @param showEnvironments whether the portlet adds the table of environments */
    @DataBoundSetter
    public void setShowEnvironments(boolean showEnvironments) {
        this.showEnvironments = showEnvironments;
    }

    /** @return the widget of the dashboard being shown, once per page; {@code null} outside a dashboard's page */
    public DeployHealthWidget getWidget() {
        Dashboard dashboard = getDashboard();
        return dashboard == null ? null : new DeployHealthWidget(dashboard);
    }

    /** The portlet's descriptor: loaded only when Dashboard View is installed. */
    @Extension(optional = true)
    @Symbol("deployHealth")
    public static final class DescriptorImpl extends Descriptor<DashboardPortlet> {
        @Override
        public String getDisplayName() {
            return Messages.DeployHealthPortlet_displayName();
        }
    }
}
