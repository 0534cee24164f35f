package io.jenkins.plugins.deployoften;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.model.Item;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * plugin-util-api's {@link io.jenkins.plugins.util.JenkinsFacade} with the two things the Deploy health page asks
 * Jenkins that it does not offer: the root of the item and view tree, and an item (a folder) by its full name. It
 * is the one class of the plugin that reaches the Jenkins singleton, as the architecture rule of plugin-util-api
 * wants (only a class of this name may), so glue code stays testable with a replaced facade.
 */
@SuppressFBWarnings(
        value = "NM_SAME_SIMPLE_NAME_AS_SUPERCLASS",
        justification = "plugin-util-api's architecture rule lets only classes named JenkinsFacade reach Jenkins.get()")
public class JenkinsFacade extends io.jenkins.plugins.util.JenkinsFacade {
    private static final long serialVersionUID = 1L;

    /** @return the running Jenkins: the root item group and view group */
    public Jenkins getRoot() {
        return Jenkins.get();
    }

    /**
     * @param fullName an item's full name, such as {@code team-a/payments}
     * @return the item, as the current user may discover it
     */
    public Optional<Item> getItemByFullName(String fullName) {
        return Optional.ofNullable(Jenkins.get().getItemByFullName(fullName, Item.class));
    }
}
