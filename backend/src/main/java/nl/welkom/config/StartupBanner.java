package nl.welkom.config;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import nl.welkom.demo.DemoLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the one line a person starting the server needs: where it runs, and whether the demo accounts
 * (README) work. No username or password: a log carries no credentials, not even the demo's.
 */
@Singleton
final class StartupBanner implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger("nl.welkom");

    private final DemoLoader demo;

    StartupBanner(DemoLoader demo) {
        this.demo = demo;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        String url = server.getScheme() + "://localhost:" + server.getPort();
        LOG.info("Welkom is running at {}{}", url,
                demo.present() ? "; demo data is on: sign in with a demo account from the README" : "");
    }
}
