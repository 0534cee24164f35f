package io.jenkins.plugins.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

public class JenkinsFacade implements Serializable {
    public boolean hasPermission(final Permission permission) {
        throw new UnsupportedOperationException();
    }

    public boolean hasPermission(final Permission permission, @CheckForNull final AccessControlled accessControlled) {
        throw new UnsupportedOperationException();
    }

    public Optional<Job<?, ?>> getJob(final String name) {
        throw new UnsupportedOperationException();
    }

    @SuppressWarnings("rawtypes")
    public List<Job> getAllJobs() {
        throw new UnsupportedOperationException();
    }

    public boolean isPluginInstalled(final String pluginId) {
        throw new UnsupportedOperationException();
    }
}
