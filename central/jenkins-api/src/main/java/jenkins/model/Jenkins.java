package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Plugin;
import hudson.model.Item;
import hudson.model.View;
import hudson.model.ViewGroup;
import hudson.security.AccessControlled;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import hudson.security.SecurityRealm;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

public class Jenkins implements AccessControlled, ViewGroup {
    public static final Permission ADMINISTER = null;

    public static final Permission READ = null;

    private Jenkins() {}

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public @CheckForNull <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type)
            throws AccessDeniedException {
        throw new UnsupportedOperationException();
    }

    public <T extends Item> List<T> getAllItems(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    public Plugin getPlugin(String shortName) {
        throw new UnsupportedOperationException();
    }

    public void setSecurityRealm(@CheckForNull SecurityRealm securityRealm) {
        throw new UnsupportedOperationException();
    }

    public void setAuthorizationStrategy(@CheckForNull AuthorizationStrategy a) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Collection<View> getViews() {
        throw new UnsupportedOperationException();
    }

    public void addView(@NonNull View v) throws IOException {
        throw new UnsupportedOperationException();
    }
}
