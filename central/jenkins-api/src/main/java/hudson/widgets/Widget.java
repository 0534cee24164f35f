package hudson.widgets;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public abstract class Widget {
    public String getUrlName() {
        throw new UnsupportedOperationException();
    }

    @CheckForNull
    protected String getOwnerUrl() {
        throw new UnsupportedOperationException();
    }

    public String getUrl() {
        throw new UnsupportedOperationException();
    }
}
