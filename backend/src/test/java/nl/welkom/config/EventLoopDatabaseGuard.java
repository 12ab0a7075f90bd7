package nl.welkom.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import reactor.core.scheduler.NonBlocking;

/**
 * In every test server: notes each connection taken from the database pool on an event-loop thread
 * (Micronaut marks those {@link NonBlocking}). A blocking JDBC call there stalls every request that
 * shares the loop; {@link NoDatabaseWorkOnTheEventLoopTest} asserts none was taken.
 */
@Singleton
public final class EventLoopDatabaseGuard implements BeanCreatedEventListener<DataSource>, Ordered {
    /** What took a connection on an event loop: thread name and the first frames of Welkom's code. */
    static final List<String> OFFENCES = new CopyOnWriteArrayList<>();
    /** How many connections the guarded pools handed out, anywhere. */
    static final AtomicLong TAKEN = new AtomicLong();
    /** The pools guarded so far, the newest last. */
    static final List<DataSource> GUARDED = new CopyOnWriteArrayList<>();

    /** Before Micronaut Data wraps the pool in its own proxy, so the pool itself is what is guarded. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (!(event.getBean() instanceof HikariDataSource)) {
            return event.getBean();
        }
        Guarded guarded = new Guarded(event.getBean());
        GUARDED.add(guarded);
        return guarded;
    }

    /** Whether the current thread is an event loop. */
    static boolean onEventLoop() {
        return Thread.currentThread() instanceof NonBlocking;
    }

    private static void check() {
        TAKEN.incrementAndGet();
        if (onEventLoop()) {
            StringBuilder where = new StringBuilder(Thread.currentThread().getName());
            for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
                if (frame.getClassName().startsWith("nl.welkom.") && !frame.getClassName().startsWith(EventLoopDatabaseGuard.class.getName())) {
                    where.append(" at ").append(frame);
                }
            }
            OFFENCES.add(where.toString());
        }
    }

    /** The pool, with {@link #check()} before each connection it hands out. */
    private record Guarded(DataSource pool) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            check();
            return pool.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            check();
            return pool.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(pool) || pool.isWrapperFor(type);
        }
    }
}
