package nl.welkom.volunteer;

import nl.welkom.TestServer;

/** For tests of other packages that apply as volunteers many times: forgets the per-address limit. */
public final class ApplicationLimits {
    private ApplicationLimits() {
    }

    public static void forget() {
        TestServer.get().context().getBean(ApplicationLimiter.class).clear();
    }
}
