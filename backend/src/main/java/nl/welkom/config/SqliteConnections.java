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
                case "rollback":
                    if (args == null) {
                        rollback();
                        return null;
                    }
                    break;
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

        /**
         * A full or failing disk ({@code SQLITE_FULL}, {@code SQLITE_IOERR}) at {@code COMMIT} makes
         * SQLite roll the transaction back by itself. The driver does not notice: its
         * {@code rollback()} then fails with "no transaction is active" and skips the {@code BEGIN}
         * it keeps open between transactions. That error would hide the real one (the transaction
         * manager reports the rollback's failure instead of the commit's) and leave the pooled
         * connection out of step. Here such a rollback succeeds — there is nothing left to undo — and
         * reopens the driver's transaction, so the commit's failure reaches the caller and becomes a
         * 503 problem (docs/backup.md), and the connection is fit for the next request.
         */
        private void rollback() throws SQLException {
            try {
                delegate.rollback();
            } catch (SQLException e) {
                if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                    throw e;
                }
                try (Statement statement = delegate.createStatement()) {
                    statement.execute("BEGIN");
                }
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
