package org.jenkinsci.plugins.database;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import java.sql.SQLException;
import javax.sql.DataSource;

public abstract class Database extends AbstractDescribableImpl<Database> implements ExtensionPoint {
    public abstract DataSource getDataSource() throws SQLException;
}
