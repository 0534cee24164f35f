package hudson.model;

import java.io.File;

public abstract class AbstractItem extends Actionable implements Item {
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
