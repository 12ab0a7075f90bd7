package nl.welkom.config;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * The connection source Hikari pools for SQLite. Each connection it opens differs from a plain
 * sqlite-jdbc connection in two ways:
 *
 * <ul>
 *   <li>{@code setReadOnly(flag)} is honoured at any time by {@code PRAGMA query_only = flag}
 *       instead of throwing "Cannot change read-only flag after establishing a connection"
 *       (Micronaut Data marks reads read-only, also outside transactions). Hikari resets the
 *       flag when the connection returns to the pool, so the pragma never leaks.</li>
 *   <li>A writable transaction begins with {@code BEGIN IMMEDIATE}: it takes the write lock up
 *       front and waits ({@code busy_timeout}) for another writer instead of failing when it
 *       later upgrades a read lock. A read-only transaction begins {@code DEFERRED}.</li>
 * </ul>
 */
final class SqliteConnections implements DataSource {
    static final String URL_PREFIX = "jdbc:sqlite:";

    private final String url;
    private PrintWriter logWriter;
    private int loginTimeout;

    SqliteConnections(String url) {
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        sqlite.getConnectionConfig().setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return (Connection) Proxy.newProxyInstance(
                SqliteConnections.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new ReadOnlyAsQueryOnly(connection, sqlite));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** Routes setReadOnly/isReadOnly to {@code PRAGMA query_only}; everything else goes to the driver. */
    private static final class ReadOnlyAsQueryOnly implements InvocationHandler {
        private final Connection delegate;
        private final SQLiteConnection sqlite;
        private boolean readOnly;

        ReadOnlyAsQueryOnly(Connection delegate, SQLiteConnection sqlite) {
            this.delegate = delegate;
            this.sqlite = sqlite;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "setReadOnly":
                    setReadOnly((Boolean) args[0]);
                    return null;
                case "isReadOnly":
                    return readOnly;
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                    break;
                case "isWrapperFor":
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void setReadOnly(boolean flag) throws SQLException {
            if (flag == readOnly) {
                return;
            }
            try (Statement statement = delegate.createStatement()) {
                statement.execute(flag ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0");
            }
            sqlite.getConnectionConfig().setTransactionMode(
                    flag ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
            readOnly = flag;
        }
    }
}
