package nl.welkom.client;

import java.io.IOException;

import nl.welkom.model.Problem;

/** The library's own failures, made in its package for tests of code that reacts to them. */
public final class Failures {
    private Failures() {
    }

    public static WelkomOfflineException offline() {
        return new WelkomOfflineException("no route to the server", new IOException("connection refused"));
    }

    public static WelkomApiException status(int status) {
        return new WelkomApiException(status, new Problem("about:blank", "HTTP " + status, status, null), null);
    }
}
