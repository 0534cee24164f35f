package org.jenkinsci.plugins.database;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import jenkins.model.GlobalConfiguration;

public class GlobalDatabaseConfiguration extends GlobalConfiguration {
    private GlobalDatabaseConfiguration() {}

    public @CheckForNull Database getDatabase() {
        throw new UnsupportedOperationException();
    }

    public void setDatabase(Database database) {
        throw new UnsupportedOperationException();
    }

    public static GlobalDatabaseConfiguration get() {
        throw new UnsupportedOperationException();
    }
}
