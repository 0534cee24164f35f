package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.jvnet.localizer.Localizable;

public final class Permission {
    public Permission(
            @NonNull PermissionGroup group,
            @NonNull String name,
            @CheckForNull Localizable description,
            @CheckForNull Permission impliedBy,
            @NonNull PermissionScope scope) {}
}
