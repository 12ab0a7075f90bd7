package nl.welkom.demo;

/**
 * Published once the demo data ({@code demo/demo.yaml}) has been loaded into an empty database, in
 * the start-up thread. A feature with demo data of its own listens for it and loads its own file
 * ({@code demo/<feature>.yaml}), finding households by municipality slug and case reference; a
 * household it names that does not exist (another demo file, the test fixtures) is skipped.
 */
public record DemoLoaded() {
}
