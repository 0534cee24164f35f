package hudson.plugins.view.dashboard;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.ModelObject;

public abstract class DashboardPortlet implements ModelObject, Describable<DashboardPortlet>, ExtensionPoint {
    public DashboardPortlet(String name) {}

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public Dashboard getDashboard() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }
}
