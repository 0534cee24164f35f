package hudson.model;

import hudson.security.AccessControlled;
import java.util.Collection;

public interface ViewGroup extends AccessControlled {
    Collection<View> getViews();
}
