package nl.welkom.config;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.executor.UserExecutorConfiguration;
import jakarta.inject.Singleton;

/**
 * The blocking pool (token checks, pulls, every route that reads the database) gets two threads per
 * database connection (issue 14, docs/performance.md). One per connection was best while every request
 * took a connection for its token check; now the checks that wait share one statement
 * (nl.welkom.auth.CombinedChecks), and with one thread per connection the cores stood idle while a
 * statement was out. Sizing the connections ({@code DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE}) sizes the
 * threads; {@code application.yml} keeps the pool fixed (Micronaut's default grows a thread per waiting
 * request).
 */
@Singleton
final class BlockingPoolSize implements BeanCreatedEventListener<UserExecutorConfiguration> {
    private static final int THREADS_PER_CONNECTION = 2;
    private final int connections;

    BlockingPoolSize(@Value("${datasources.default.maximum-pool-size:4}") int connections) {
        this.connections = connections;
    }

    @Override
    public UserExecutorConfiguration onCreated(BeanCreatedEvent<UserExecutorConfiguration> event) {
        UserExecutorConfiguration configuration = event.getBean();
        if (TaskExecutors.IO.equals(configuration.getName())) {
            configuration.setNumberOfThreads(THREADS_PER_CONNECTION * connections);
        }
        return configuration;
    }
}
