package io.jenkins.plugins.deployoften;

import hudson.model.Item;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import jenkins.model.Jenkins;

/**
 * The few questions glue code asks the running Jenkins instance, behind one replaceable object so the glue
 * can be unit-tested without a Jenkins.
 */
public class JenkinsFacade {
    private static final AtomicReference<JenkinsFacade> CURRENT = new AtomicReference<>(new JenkinsFacade());

    /** @return the facade in use */
    public static JenkinsFacade get() {
        return CURRENT.get();
    }

    /**
     * Replaces the facade, for tests.
     *
     * @param replacement the facade to use from now on
     * @return the facade used until now, to put back afterwards
     */
    static JenkinsFacade replace(JenkinsFacade replacement) {
        return CURRENT.getAndSet(replacement);
    }

    /**
     * @param shortName a plugin's short name, such as {@code metrics}
     * @return whether that plugin is installed and active
     */
    public boolean isPluginInstalled(String shortName) {
        return Jenkins.get().getPlugin(shortName) != null;
    }

    /**
     * @return every job the current authentication may read: the current user's for a page, every job for
     *     background work running as SYSTEM
     */
    @SuppressWarnings("rawtypes")
    public List<Job> jobsReadableByCurrentAuthentication() {
        return Jenkins.get().getAllItems(Job.class);
    }

    /**
     * Looks a job up whatever the current user may see; the caller decides what the user may learn of it.
     *
     * @param fullName the job's full name
     * @return the job, if it exists
     */
    public Optional<Job<?, ?>> findJobAsSystem(String fullName) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Optional.ofNullable(Jenkins.get().getItemByFullName(fullName, Job.class));
        }
    }

    /**
     * Form checks and fills answer only those who may change what the form configures.
     *
     * @param item the job (or folder) whose form asks, or {@code null} for the System page
     * @return whether the current user may configure it: Item/Configure on the item, Administer without one
     */
    public boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** Checks that the current user may administer Jenkins, as every configuration change requires. */
    public void checkAdminister() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    }
}
