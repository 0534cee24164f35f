package hudson.plugins.view.dashboard;

import hudson.model.ListView;
import java.util.List;

public class Dashboard extends ListView {
    public Dashboard(String name) {
        super(name);
    }

    public List<DashboardPortlet> getTopPortlets() {
        throw new UnsupportedOperationException();
    }
}
