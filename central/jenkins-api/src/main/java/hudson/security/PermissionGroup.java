package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

public final class PermissionGroup {
    public PermissionGroup(String id, @NonNull Class owner, Localizable title) throws IllegalStateException {}
}
