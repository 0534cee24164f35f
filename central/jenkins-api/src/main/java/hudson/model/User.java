package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public class User {
    private User() {}

    public String getId() {
        throw new UnsupportedOperationException();
    }

    public static @CheckForNull User current() {
        throw new UnsupportedOperationException();
    }
}
