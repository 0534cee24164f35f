package hudson.model;

import hudson.security.AccessControlled;
import java.io.File;

public abstract class AbstractItem extends Actionable implements Item, AccessControlled {
    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public File getRootDir() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public final String getUrl() {
        throw new UnsupportedOperationException();
    }
}
