package jenkins.model;

import hudson.security.Permission;

public class Jenkins {
    public static final Permission ADMINISTER = null;

    private Jenkins() {}

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }
}
