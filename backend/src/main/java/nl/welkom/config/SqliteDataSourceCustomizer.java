package nl.welkom.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Prepares a SQLite datasource before Hikari opens its first connection: creates the directory
 * of the database file (SQLite does not) and hands Hikari a {@link SqliteConnections} source, so
 * that {@code Connection.setReadOnly} works (STACK.md pitfall 2). Other databases are left alone.
 */
@Singleton
final class SqliteDataSourceCustomizer implements BeanCreatedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        String url = configuration.getUrl();
        if (url != null && url.startsWith(SqliteConnections.URL_PREFIX)) {
            databaseFile(url).ifPresent(SqliteDataSourceCustomizer::createParentDirectory);
            configuration.setDataSource(new SqliteConnections(url));
        }
        return configuration;
    }

    /** The file of a {@code jdbc:sqlite:} URL, or empty for in-memory databases. */
    static java.util.Optional<Path> databaseFile(String url) {
        String location = url.substring(SqliteConnections.URL_PREFIX.length());
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.isEmpty() || location.startsWith(":memory:") || location.startsWith(":resource:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Path.of(location));
    }

    private static void createParentDirectory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                PrivateDirectories.create(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + parent, e);
        }
    }
}
