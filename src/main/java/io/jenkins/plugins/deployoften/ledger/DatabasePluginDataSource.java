package io.jenkins.plugins.deployoften.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jenkinsci.plugins.database.Database;

/**
 * The Database plugin's connection pool, asked for at each connection. The plugin creates its pool on first use
 * and fails when the database is down then; asking again each time lets a controller that started during an
 * outage spool its records and send them once the database answers, instead of keeping them in the job folders
 * only.
 */
final class DatabasePluginDataSource implements DataSource {
    private final Database database;

    DatabasePluginDataSource(Database database) {
        this.database = database;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return database.getDataSource().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return database.getDataSource().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getDataSource().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.getDataSource().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.getDataSource().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getDataSource().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the Database plugin's pool has its own logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return database.getDataSource().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || database.getDataSource().isWrapperFor(type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabasePluginDataSource && ((DatabasePluginDataSource) other).database == database;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(database);
    }
}
