package nl.welkom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.executor.ExecutorConfiguration;
import io.micronaut.scheduling.executor.ExecutorType;
import nl.welkom.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The blocking pool is fixed at two threads per database connection (issue 14, docs/performance.md):
 * a pool that grows a thread per waiting request cost a fifth of the phones' pulls, and one thread per
 * connection left the cores idle while the combined token checks waited for their statement; an
 * operator who sizes the connections sizes the threads.
 */
class BlockingPoolTest {

    @Test
    void theBlockingPoolHasTwoThreadsPerDatabaseConnection() {
        ApplicationContext context = TestServer.get().context();

        assertEquals(2 * connections(context), threads(context));
    }

    @Test
    void sizingTheConnectionsSizesTheThreads() throws Exception {
        Path dataDir = Files.createTempDirectory("welkom-pool");
        Map<String, Object> properties = new HashMap<>(TestServer.properties(dataDir));
        properties.put("datasources.default.maximum-pool-size", 6);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertEquals(6, connections(context));
            assertEquals(12, threads(context));
        }
    }

    /** The threads of the pool that {@code @ExecuteOn(BLOCKING)} and the token check run on. */
    private static int threads(ApplicationContext context) {
        ExecutorConfiguration blocking = context.getBean(ExecutorConfiguration.class, Qualifiers.byName(TaskExecutors.IO));
        assertEquals(ExecutorType.FIXED, blocking.getType(), "a fixed pool, not one that grows a thread per waiting request");
        return blocking.getNumberOfThreads();
    }

    private static int connections(ApplicationContext context) {
        try {
            return context.getBean(DataSource.class, Qualifiers.byName("default")).unwrap(HikariDataSource.class)
                    .getMaximumPoolSize();
        } catch (SQLException e) {
            throw new AssertionError("the default datasource is no Hikari pool", e);
        }
    }
}
