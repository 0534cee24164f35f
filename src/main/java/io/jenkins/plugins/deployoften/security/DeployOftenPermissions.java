package io.jenkins.plugins.deployoften.security;

import hudson.init.Initializer;
import hudson.model.Item;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import io.jenkins.plugins.deployoften.Messages;
import jenkins.model.Jenkins;

/** The permissions DeployOften adds, grouped under "DeployOften" in the authorisation matrix. */
public final class DeployOftenPermissions {
    public static final PermissionGroup GROUP =
            new PermissionGroup("DeployOften", DeployOftenPermissions.class, Messages._DeployOftenPermissions_group());

    /** Grant a one-time override of the release gate for a job; implied by Overall/Administer. */
    public static final Permission OVERRIDE_GATE = new Permission(
            GROUP,
            "OverrideGate",
            Messages._DeployOftenPermissions_overrideGate(),
            Jenkins.ADMINISTER,
            PermissionScope.ITEM);

    /** See a job's deploy-health badges without reading the job; implied by Job/Read. */
    public static final Permission VIEW_BADGE = new Permission(
            GROUP, "ViewBadge", Messages._DeployOftenPermissions_viewBadge(), Item.READ, PermissionScope.ITEM);

    private DeployOftenPermissions() {}

    /** Loads this class at startup, so the permissions are registered before anyone configures security. */
    @Initializer
    public static void register() {
        // class initialisation registers the permissions
    }
}
