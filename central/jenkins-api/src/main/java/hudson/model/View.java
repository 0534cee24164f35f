package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.util.Collection;
import jenkins.widgets.HasWidgets;

public abstract class View implements AccessControlled, HasWidgets {
    public static final Permission READ = null;

    @NonNull
    public abstract Collection<TopLevelItem> getItems();

    @NonNull
    public String getViewName() {
        throw new UnsupportedOperationException();
    }

    public ViewGroup getOwner() {
        throw new UnsupportedOperationException();
    }

    public String getUrl() {
        throw new UnsupportedOperationException();
    }

    public String getViewUrl() {
        throw new UnsupportedOperationException();
    }
}
