package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends ModelObject, AccessControlled {
    Permission READ = null;

    Permission CONFIGURE = null;

    String getFullName();

    String getUrl();
}
