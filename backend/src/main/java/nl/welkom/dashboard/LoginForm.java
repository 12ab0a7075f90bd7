package nl.welkom.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The sign-in form; missing fields arrive as null and fail like a wrong password. */
@Serdeable
record LoginForm(@Nullable String username, @Nullable String password) {
}
